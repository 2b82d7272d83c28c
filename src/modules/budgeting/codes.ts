// Voting codes (stemcodes) and receipt numbers. Codes are 16 characters from an alphabet
// without look-alikes (no 0/O, 1/I/L): 31^16 ≈ 2^79 possibilities, so guessing one is
// hopeless. They are stored as a keyed HMAC for lookup and sealed with AES-256-GCM for
// printing; both keys come from the code secret, which lives outside the database.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  randomInt,
} from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 16;

/** A new code, shown as XXXX-XXXX-XXXX-XXXX. */
export function newVotingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

/**
 * A code as typed: case, spaces and dashes do not matter; returns '' for text that cannot be
 * a code (so it is never looked up).
 */
export function normaliseVotingCode(input: string): string {
  const plain = input.toUpperCase().replace(/[\s-]/g, '');
  if (plain.length !== CODE_LENGTH) return '';
  for (const c of plain) if (!CODE_ALPHABET.includes(c)) return '';
  return plain;
}

/** Hashing and sealing of codes with keys derived from the code secret. */
export function codeKeys(secret: string) {
  const sealKey = createHash('sha256').update(`${secret}:budget-code-seal`).digest();
  return {
    /** The lookup hash of a (normalised) code. */
    hash: (code: string) =>
      createHmac('sha256', `${secret}:budget-codes`)
        .update(normaliseVotingCode(code))
        .digest('base64url'),
    /** The code encrypted for printing later: iv.tag.ciphertext, base64url. */
    seal(code: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      const data = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
    },
    /** The printed form of a sealed code; throws when the seal was made with another key. */
    unseal(sealed: string): string {
      const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', sealKey, iv!);
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
    },
    /**
     * The receipt number of a ballot, derived from the idempotency key of the voting form
     * (random, known only to the voter's browser): a retry of the same form gets the same
     * receipt, and nothing in the database ties a receipt to a code or an account.
     */
    receipt(idempotencyKey: string): string {
      const digest = createHmac('sha256', `${secret}:budget-receipt`)
        .update(idempotencyKey)
        .digest();
      let out = '';
      for (let i = 0; i < 10; i++) out += CODE_ALPHABET[digest[i]! % CODE_ALPHABET.length];
      return `${out.slice(0, 5)}-${out.slice(5)}`;
    },
  };
}

/** A fresh idempotency key for a voting form (128 random bits). */
export function newIdempotencyKey(): string {
  return randomBytes(16).toString('base64url');
}
