// Passwords (argon2id) and one-time codes (invitations, password resets). Codes are stored
// only as a keyed hash: a copy of the database reveals no usable code, and without the key
// (COOKIE_SECRET in production, outside the database) they cannot be guessed offline either.
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP ASVS level 2 minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id (a const enum, not importable as a value here)
export const argonOptions = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  // Without an account, still spend the same time, so timing tells nothing.
  const target = hashed ?? (await dummyHash);
  try {
    return (await verify(target, password)) && hashed !== null;
  } catch {
    return false;
  }
}

const dummyHash = hash('no account has this password', argonOptions);

/** Letter codes: 12 characters without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX-XXXX. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newLetterCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Letter codes are typed by hand: case, spaces and dashes do not matter. */
export function normaliseCode(code: string): string {
  const trimmed = code.trim();
  return /^[A-Za-z0-9 -]{12,20}$/.test(trimmed)
    ? trimmed.toUpperCase().replace(/[ -]/g, '')
    : trimmed;
}

export function codeHasher(secret: string) {
  return (code: string) =>
    createHmac('sha256', `${secret}:one-time-codes`)
      .update(normaliseCode(code))
      .digest('base64url');
}

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionHash(id: string): string {
  return createHmac('sha256', 'session').update(id).digest('base64url');
}

/** What replaces a working secret in a copy of a mail (the person's data export). */
export const REDACTED = '[verwijderd]';

/**
 * A mail text without working secrets: the token or code of every link (`token=…`,
 * `code=…`) and every letter code (XXXX-XXXX-XXXX) replaced by REDACTED. For copies that
 * leave the platform, such as the data export (issue 9: an export holds no live links).
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/([?&](?:token|code)=)[^\s&#]+/gi, `$1${REDACTED}`)
    .replace(/\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b/g, REDACTED);
}
