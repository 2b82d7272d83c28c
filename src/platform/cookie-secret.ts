// The key behind signed cookies and the keyed hashes of one-time codes: COOKIE_SECRET, or
// (outside production) one generated once and kept in app_settings. The web app and the
// command line take it from here, so a link the command line prints works on the site.
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import type { Executor } from '../db/client.js';
import { platformRepository } from './repository.js';

/** COOKIE_SECRET, or the generated secret stored in the database (made on first use). */
export async function cookieSecretFor(
  config: Pick<Config, 'cookieSecret'>,
  db: Executor,
): Promise<string> {
  return (
    config.cookieSecret ??
    (await platformRepository(db).insertSettingOnce(
      'cookie_secret',
      randomBytes(32).toString('base64url'),
    ))
  );
}
