// The spam guard of the public forms, without JavaScript: a hidden field people leave empty
// (a honeypot), and a signed time stamp of when the form was shown — a form sent back within
// a few seconds was not filled in by a person, and a very old one is sent again fresh.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const MIN_FORM_MS = 3_000;
export const MAX_FORM_AGE_MS = 12 * 3_600_000;
/** The honeypot's name: a field a browser's autofill or a robot fills in, a person does not. */
export const HONEYPOT_FIELD = 'website';

/** The signed "shown at" value for a hidden field of the form. */
export function formStamp(reply: FastifyReply, now = Date.now()): string {
  return reply.signCookie(String(now));
}

export type StampCheck = 'ok' | 'tooFast' | 'expired';

export function checkFormStamp(
  request: FastifyRequest,
  stamp: unknown,
  minMs = MIN_FORM_MS,
  now = Date.now(),
): StampCheck {
  const unsigned = typeof stamp === 'string' ? request.unsignCookie(stamp) : undefined;
  const age = now - (unsigned?.valid ? Number(unsigned.value) : Number.NaN);
  if (!Number.isFinite(age) || age > MAX_FORM_AGE_MS) return 'expired';
  return age < minMs ? 'tooFast' : 'ok';
}

export function honeypotFilled(body: unknown): boolean {
  const value = (body as Record<string, unknown> | undefined)?.[HONEYPOT_FIELD];
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * The stamp to put in a form shown again with the person's own input (after a validation
 * error or a too-fast send): the stamp they posted, when it is genuine and not expired, so
 * the timer keeps running from when the form was first shown (issue 12, item 12); else a
 * fresh one.
 */
export function stampToShowAgain(
  request: FastifyRequest,
  reply: FastifyReply,
  posted: unknown,
  now = Date.now(),
): string {
  if (typeof posted === 'string' && checkFormStamp(request, posted, 0, now) === 'ok') return posted;
  return formStamp(reply, now);
}

/**
 * What the server makes of a public form's guard, before it looks at the fields:
 * - `robot`: the honeypot is filled in; answer as if all went well and keep nothing;
 * - `problem`: the message key when the stamp says the form was sent too fast or is too old
 *   (check the person's own fields first, so an empty text gets its own message);
 * - `stamp`: the stamp for the form when it is shown again (the posted one while it is
 *   genuine, so the timer runs from when the form was first shown; else a fresh one).
 * The form sends the stamp in the field `stamp` (PublicFormGuard in platform/views/forms).
 */
export interface PublicFormGuard {
  robot: boolean;
  problem: 'form.tooFast' | 'form.expired' | undefined;
  stamp: string;
}

/** Reads the guard of a public form; `minMs` is the least time a person needs (ms). */
export function guardPublicForm(
  request: FastifyRequest,
  reply: FastifyReply,
  body: unknown,
  minMs = MIN_FORM_MS,
  now = Date.now(),
): PublicFormGuard {
  const posted = (body as Record<string, unknown> | undefined)?.stamp;
  const check = checkFormStamp(request, posted, minMs, now);
  return {
    robot: honeypotFilled(body),
    problem: check === 'ok' ? undefined : check === 'tooFast' ? 'form.tooFast' : 'form.expired',
    stamp: stampToShowAgain(request, reply, posted, now),
  };
}
