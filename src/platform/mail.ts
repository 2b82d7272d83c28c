// Email: every message is written to the outbox table in the caller's transaction, and
// nothing else happens during the request. With a mail server (SMTP_URL) the delivery worker
// (mail-delivery.ts) sends it afterwards; without one it is only kept there, for
// administrators to read on /beheer/uitgaande-mail (demo and development). Decision 0018.
import type { Executor } from '../db/client.js';
import type { DailyJob } from './jobs.js';
import { platformRepository } from './repository.js';

export interface Mail {
  to: string;
  personId?: number | null;
  subject: string;
  body: string;
  /**
   * The absolute address of the page where the recipient changes or stops this kind of mail:
   * sent as the List-Unsubscribe header (a page with a confirmation form, never a one-click
   * POST, so that mail scanners following links change nothing).
   */
  listUnsubscribe?: string;
}

/**
 * How long the outbox keeps a mail that is done with (sent, given up, or kept for the
 * administrator without a mail server), in days: long enough to answer "did my invitation go
 * out?", short enough that addresses and subjects do not pile up (AVG art. 5(1)(e), storage
 * limitation). Mail still waiting is never deleted by age.
 */
export const OUTBOX_RETENTION_DAYS = 90;

/** The daily job that deletes mail older than OUTBOX_RETENTION_DAYS that is done with. */
export function outboxRetentionJob(db: Executor): DailyJob {
  return {
    name: 'outbox-retention',
    run: (now) =>
      platformRepository(db).deleteOutboxBefore(
        new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 24 * 3_600_000),
      ),
  };
}

export interface Mailer {
  /**
   * Where mail goes: 'smtp' is sent through the mail server by the delivery worker; 'outbox'
   * is only kept in the outbox table (no mail server set), so nobody receives it unless an
   * administrator passes it on.
   */
  readonly delivery: 'smtp' | 'outbox';
  /**
   * Records one mail in the outbox through `db` — pass the open transaction, so the mail
   * exists exactly when the change it reports is committed. Never talks to a mail server:
   * the request takes the same time whether a mail is written or not (no account
   * enumeration by timing) and a slow mail server holds no transaction. Throws only what the
   * database throws.
   */
  send(db: Executor, mail: Mail): Promise<void>;
}

/** The start-up notice for the administrator when no mail server is set; undefined otherwise. */
export function mailDeliveryNotice(smtpUrl: string | undefined): string | undefined {
  return smtpUrl
    ? undefined
    : 'No mail server is set (SMTP_URL): mail such as invitations and password resets is not sent, only kept in the outbox at /beheer/uitgaande-mail.';
}

/**
 * A mailer. With `smtpUrl` (or `delivery: 'smtp'`, when a transport is given some other way)
 * the rows wait for the delivery worker (`waiting`) and `onQueued` is called after each write — the worker's nudge, which looks for them a moment
 * later (the write may still be inside an uncommitted transaction; the worker's periodic
 * sweep finds what a nudge missed). Without it the rows are `kept`.
 */
export function createMailer(options: {
  smtpUrl: string | undefined;
  delivery?: Mailer['delivery'];
  onQueued?: () => void;
}): Mailer {
  const delivery = options.delivery ?? (options.smtpUrl ? 'smtp' : 'outbox');
  return {
    delivery,
    send: async (db, mail) => {
      await platformRepository(db).insertOutbox({
        recipient: mail.to,
        personId: mail.personId ?? null,
        subject: mail.subject,
        body: mail.body,
        listUnsubscribe: mail.listUnsubscribe ?? null,
        status: delivery === 'smtp' ? 'waiting' : 'kept',
      });
      if (delivery === 'smtp') options.onQueued?.();
    },
  };
}
