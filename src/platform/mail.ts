// Email: through SMTP when SMTP_URL is set; otherwise every message lands in the outbox
// table, which administrators read on /beheer/outbox (demo and development).
import nodemailer from 'nodemailer';
import type { Executor } from '../db/client.js';
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

export interface Mailer {
  /**
   * Where mail goes: 'smtp' is really sent; 'outbox' is only kept in the outbox table (no
   * mail server set), so nobody receives it unless an administrator passes it on.
   */
  readonly delivery: 'smtp' | 'outbox';
  send(db: Executor, mail: Mail): Promise<void>;
}

/** The start-up notice for the administrator when no mail server is set; undefined otherwise. */
export function mailDeliveryNotice(smtpUrl: string | undefined): string | undefined {
  return smtpUrl
    ? undefined
    : 'No mail server is set (SMTP_URL): mail such as invitations and password resets is not sent, only kept in the outbox at /beheer/uitgaande-mail.';
}

export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!options.smtpUrl) {
    return {
      delivery: 'outbox',
      send: async (db, mail) => {
        await platformRepository(db).insertOutbox({
          recipient: mail.to,
          personId: mail.personId ?? null,
          subject: mail.subject,
          body: mail.body,
        });
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    delivery: 'smtp',
    send: async (_db, mail) => {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        ...(mail.listUnsubscribe ? { list: { unsubscribe: mail.listUnsubscribe } } : {}),
      });
    },
  };
}
