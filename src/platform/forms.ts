// The form pattern: parse the posted fields with a schema; on bad input give back the
// translated errors per field and the user's own input, so nothing they typed is lost.
import type { z } from 'zod';
import { isMessageKey, type Translate } from './i18n/index.js';

/** Field name → message shown to the user. */
export type FormErrors = Record<string, string>;
/** What the user posted, as strings, to fill the form again. */
export type FormValues = Record<string, string>;

/**
 * What a form view needs to show a form again: the errors per field and the user's own
 * input. Empty for a fresh form. Every form view takes it as its `state` prop.
 */
export interface FormState {
  errors?: FormErrors | undefined;
  values?: FormValues | undefined;
}

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FormErrors; values: FormValues };

/** Schema messages are catalogue keys, optionally with parameters: `form.tooLong|max=280`. */
function messageOf(issue: z.ZodIssue, t: Translate): string {
  const [key, ...rest] = issue.message.split('|');
  const params: Record<string, string> = {};
  for (const pair of rest) {
    const [k, v] = pair.split('=');
    if (k && v !== undefined) params[k] = v;
  }
  if (key && isMessageKey(key)) return t(key, params);
  switch (issue.code) {
    case 'too_small':
      return issue.minimum === 1
        ? t('form.required')
        : t('form.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('form.tooLong', { max: Number(issue.maximum) });
    case 'invalid_string':
      return issue.validation === 'email' ? t('form.email') : t('form.invalid');
    case 'invalid_enum_value':
    case 'invalid_literal':
      return t('form.choose');
    case 'invalid_type':
      return issue.received === 'undefined' ? t('form.required') : t('form.invalid');
    case 'invalid_date':
      return t('form.date');
    default:
      return t('form.invalid');
  }
}

/** Keeps the posted strings (never the CSRF token) to show them in the form again. */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      // Never sent back to the browser: the token, and anything that is a password.
      if (k === '_csrf' || /password/i.test(k)) continue;
      if (typeof v === 'string') values[k] = v;
      else if (Array.isArray(v)) values[k] = v.filter((x) => typeof x === 'string').join(',');
    }
  }
  return values;
}

export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  body: unknown,
  t: Translate,
): FormResult<z.output<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= messageOf(issue, t);
  }
  return { ok: false, errors, values: formValues(body) };
}
