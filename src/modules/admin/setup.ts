// The first administrator: what `npm start` says on a production database without one, and
// the people service the command line uses (same database, same code secret as the server).
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { cookieSecretFor } from '../../platform/cookie-secret.js';
import { createMailer } from '../../platform/mail.js';
import { type PeopleService, peopleModule } from '../people/index.js';

/**
 * The exact command to create the first administrator, when NODE_ENV=production and no
 * active administrator exists; undefined otherwise.
 */
export async function firstAdminNotice(
  config: Pick<Config, 'env' | 'databaseUrl'>,
  people: Pick<PeopleService, 'countActiveAdmins'>,
): Promise<string | undefined> {
  if (config.env !== 'production' || (await people.countActiveAdmins()) > 0) return undefined;
  const embedded = !config.databaseUrl;
  return [
    'There is no administrator yet. Create the first one with this command, in this folder and',
    'with the same settings as the server (NODE_ENV, COOKIE_SECRET, PUBLIC_URL and',
    `${embedded ? 'DATA_DIR' : 'DATABASE_URL'}):`,
    '',
    '  npx buurtkracht admin create --email <your email address>',
    '',
    'It asks for a password; add --link to get a one-time set-up link (valid one hour) instead.',
    ...(embedded
      ? ['The embedded database allows one process: stop Buurtkracht first, then start it again.']
      : []),
  ].join('\n');
}

/** The people service for the command line, on the server's database. */
export async function commandLinePeople(config: Config, db: Database): Promise<PeopleService> {
  return peopleModule.api.serviceWith({
    db,
    mailer: createMailer({ smtpUrl: config.smtpUrl }),
    codeSecret: await cookieSecretFor(config, db),
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteHours: config.sessionAbsoluteHours,
  });
}
