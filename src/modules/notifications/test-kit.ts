// What the notifications tests share: a mailer that records (or fails), and the worker's
// context on a database handle. Used by tests only.
import pino from 'pino';
import type { Config } from '../../config.js';
import type { Database, Executor } from '../../db/client.js';
import { createMailer, type Mail, type Mailer } from '../../platform/mail.js';
import type { WorkerContext } from '../../platform/module.js';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

/**
 * The platform's mailer (rows `waiting` in the outbox) that also keeps what it was given in
 * `sent`, and throws (before writing) while `failing` is true.
 */
export function recordingMailer(): Mailer & { sent: Mail[]; failing: boolean } {
  const outbox = createMailer({ smtpUrl: undefined, delivery: 'smtp' });
  const mailer = {
    delivery: 'smtp' as const,
    sent: [] as Mail[],
    failing: false,
    async send(db: Executor, mail: Mail) {
      if (mailer.failing) throw new Error('database down');
      await outbox.send(db, mail);
      mailer.sent.push(mail);
    },
  };
  return mailer;
}

/** The worker's context as server.ts builds it, with the given mailer and settings. */
export function workerContext(db: Database, mailer: Mailer, config: Config): WorkerContext {
  return { db, mailer, config, codeSecret: TEST_SECRET, log: pino({ level: 'silent' }) };
}
