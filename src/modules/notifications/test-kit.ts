// What the notifications tests share: a mailer that records (or fails), and the worker's
// context on a database handle. Used by tests only.
import pino from 'pino';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import type { Mail, Mailer } from '../../platform/mail.js';
import type { WorkerContext } from '../../platform/module.js';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

/** A mailer that keeps what it sends in `sent`, and throws while `failing` is true. */
export function recordingMailer(): Mailer & { sent: Mail[]; failing: boolean } {
  const mailer = {
    delivery: 'smtp' as const,
    sent: [] as Mail[],
    failing: false,
    async send(_db: unknown, mail: Mail) {
      if (mailer.failing) throw new Error('smtp down');
      mailer.sent.push(mail);
    },
  };
  return mailer;
}

/** The worker's context as server.ts builds it, with the given mailer and settings. */
export function workerContext(db: Database, mailer: Mailer, config: Config): WorkerContext {
  return { db, mailer, config, codeSecret: TEST_SECRET, log: pino({ level: 'silent' }) };
}
