// The delivery worker: sends the outbox's waiting mail through the mail server, outside any
// request. Each app process runs one (started and stopped with the app); rows are claimed
// with FOR UPDATE SKIP LOCKED and a lease, so two processes never send one mail at once.
// A failure is retried with back-off and given up after MAX_ATTEMPTS (decision 0018).
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import { platformRepository } from './repository.js';

/** What the worker needs of a mail transport: nodemailer's `Transporter` fits. */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    list?: { unsubscribe: string };
  }): Promise<unknown>;
}

/** How many attempts a mail gets before it is given up (status `failed`, logged). */
export const MAX_ATTEMPTS = 6;
/** How long a claimed mail is left to the process that claimed it (then tried again), in ms. */
export const LEASE_MS = 5 * 60_000;
/** How many mails one run claims at a time. */
const BATCH = 50;

/** The wait after the n-th failed attempt, in ms: 1, 2, 4, 8, 16 minutes… at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

export interface DeliveryResult {
  /** Rows claimed by this run. */
  claimed: number;
  sent: number;
  /** Attempts that failed and will be tried again. */
  retrying: number;
  /** Mails given up on in this run. */
  failed: number;
}

/**
 * One run: claims the mail due at `now` in a short transaction (the attempt counted, the next
 * attempt moved past the lease), then sends each outside it. Sent: `sent`, body emptied. A
 * failure waits retryDelayMs(attempts); the attempt that reaches MAX_ATTEMPTS gives up.
 */
export async function deliverDueMail(
  db: Database,
  transport: MailTransport,
  options: { from: string; log: FastifyBaseLogger },
  now = new Date(),
): Promise<DeliveryResult> {
  const claimed = await db.transaction((tx) =>
    platformRepository(tx).claimDueMail(now, new Date(now.getTime() + LEASE_MS), BATCH),
  );
  const repo = platformRepository(db);
  const result: DeliveryResult = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  for (const mail of claimed) {
    try {
      await transport.sendMail({
        from: options.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.body,
        ...(mail.listUnsubscribe ? { list: { unsubscribe: mail.listUnsubscribe } } : {}),
      });
      await repo.markMailSent(mail.id, new Date());
      result.sent++;
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = mail.attempts >= MAX_ATTEMPTS;
      await repo.markMailAttemptFailed(
        mail.id,
        message,
        giveUp ? undefined : new Date(now.getTime() + retryDelayMs(mail.attempts)),
      );
      if (giveUp) {
        result.failed++;
        options.log.error({ mailId: mail.id, attempts: mail.attempts }, 'mail given up');
      } else {
        result.retrying++;
        options.log.warn({ mailId: mail.id, attempts: mail.attempts }, 'mail attempt failed');
      }
    }
  }
  return result;
}

/** The delivery worker of one process. */
export interface MailDelivery {
  /** Starts the periodic sweep and runs once at once. */
  start(): void;
  /** A mail was written: look soon (and once more a little later), instead of at the sweep. */
  nudge(): void;
  /**
   * Stops every timer and waits for a run in progress, at most `stopWaitMs` (a mail server
   * that hangs must not hold the shutdown; a mail it was sending is tried again after its
   * lease). Nudges after this do nothing.
   */
  stop(): Promise<void>;
}

/** Periodic sweep: every 30 s (mail a nudge missed, retries that came due). */
export const SWEEP_MS = 30_000;
/** After a nudge: a run after 100 ms, and one after 2 s for a transaction still open then. */
export const NUDGE_MS = [100, 2_000] as const;
/** How long stop() waits for a run in progress, in ms. */
export const STOP_WAIT_MS = 5_000;

/**
 * Builds the worker: runs never overlap within the process (a nudge during a run asks for one
 * more run after it), a full batch asks for the next one, and a failing run is logged.
 */
export function createMailDelivery(options: {
  db: Database;
  transport: MailTransport;
  from: string;
  log: FastifyBaseLogger;
  sweepMs?: number;
  nudgeMs?: readonly number[];
  stopWaitMs?: number;
}): MailDelivery {
  const sweepMs = options.sweepMs ?? SWEEP_MS;
  const nudgeMs = options.nudgeMs ?? NUDGE_MS;
  const stopWaitMs = options.stopWaitMs ?? STOP_WAIT_MS;
  let stopped = true;
  let sweep: NodeJS.Timeout | undefined;
  const timers = new Map<number, NodeJS.Timeout>();
  let running: Promise<void> | undefined;
  let again = false;

  const runOnce = async (): Promise<boolean> => {
    try {
      const result = await deliverDueMail(options.db, options.transport, options);
      if (result.claimed > 0) options.log.info(result, 'mail delivered');
      return result.claimed === BATCH;
    } catch (error: unknown) {
      options.log.error({ err: error }, 'mail delivery failed');
      return false;
    }
  };
  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        if (await runOnce()) again = true;
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      sweep = setInterval(kick, sweepMs);
      sweep.unref();
      kick();
    },
    nudge() {
      if (stopped) return;
      for (const ms of nudgeMs) {
        if (timers.has(ms)) continue;
        const timer = setTimeout(() => {
          timers.delete(ms);
          kick();
        }, ms);
        timer.unref();
        timers.set(ms, timer);
      }
    },
    async stop() {
      stopped = true;
      clearInterval(sweep);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      if (!running) return;
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        running,
        new Promise<void>((resolve) => {
          timeout = setTimeout(resolve, stopWaitMs);
        }),
      ]);
      clearTimeout(timeout);
    },
  };
}
