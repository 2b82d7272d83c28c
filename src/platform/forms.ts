// The form pattern: parse the posted fields with a schema; on bad input give back the
// translated errors per field and the user's own input, so nothing they typed is lost.
// Also the one place that decides what odd input becomes (issue 9, item 6): control
// characters are stripped from every posted text and query value before any route sees
// it, lists or objects where one text is expected are refused with a message.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isMessageKey, type MessageKey, type Translate } from './i18n/index.js';

/**
 * Control characters other than tab, line feed and carriage return (NUL among them: the
 * database refuses it in text), and UTF-16 halves without their other half.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without control characters (tab and line breaks stay), lone surrogates as U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(UNWANTED, '').replace(LONE_SURROGATE, '\ufffd');
}

/**
 * Posted input with every string cleaned (see cleanText), in objects and lists, to any depth
 * (body parsers make objects without Object.prototype, so any object counts). Numbers and
 * bytes (an uploaded file's Buffer) are left as they are.
 */
export function cleanInput<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanInput(v)) as T;
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    // No prototype, so a posted field named __proto__ stays a plain key and lends nothing.
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) out[cleanText(k)] = cleanInput(v);
    return out as T;
  }
  return value;
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Set once the body is parsed and cleaned. An error thrown before that without a status
     * (a multipart body without a boundary, a cut-off upload) is the sender's: the error
     * page answers it 400, not 500.
     */
    bodyRead: boolean;
  }
}

/**
 * Cleans every request's body and query string before validation, access checks and
 * handlers, so no route can store or query with a NUL byte (which gave 500s, issue 9 item 6).
 * Register right after the body parsers (multipart attaches its fields in preValidation).
 */
export function registerFormInput(app: FastifyInstance): void {
  app.decorateRequest('bodyRead', false);
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined && request.body !== null)
      request.body = cleanInput(request.body);
    if (request.query && typeof request.query === 'object') {
      request.query = cleanInput(request.query as Record<string, unknown>);
    }
    request.bodyRead = true;
  });
}

/** A posted field as one text, or undefined when it is missing, a list or an object. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? cleanText(value) : undefined;
}

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

/** Whether a field's schema is a choice (select, radio buttons), through optional/default. */
function isChoice(field: z.ZodTypeAny | undefined): boolean {
  if (!field) return false;
  if (field instanceof z.ZodEnum || field instanceof z.ZodNativeEnum) return true;
  if (field instanceof z.ZodLiteral) return true;
  if (field instanceof z.ZodOptional || field instanceof z.ZodNullable)
    return isChoice(field.unwrap());
  if (field instanceof z.ZodDefault) return isChoice(field.removeDefault());
  if (field instanceof z.ZodEffects) return isChoice(field.innerType());
  if (field instanceof z.ZodUnion)
    return (field.options as z.ZodTypeAny[]).every((o) => isChoice(o));
  return false;
}

/**
 * The field's name as a sentence uses it ("de titel", "wie het inbracht"): the catalogue key
 * a schema gives with `.describe('signals.field.title')`, through optional/default/effects.
 */
function nameOf(field: z.ZodTypeAny | undefined, t: Translate): string | undefined {
  let current: z.ZodTypeAny | undefined = field;
  while (current) {
    const key = current.description;
    if (key && isMessageKey(key)) return t(key);
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
      current = current.unwrap();
    else if (current instanceof z.ZodDefault) current = current.removeDefault();
    else if (current instanceof z.ZodEffects) current = current.innerType();
    else current = undefined;
  }
  return undefined;
}

/**
 * The message for one problem with a field. A schema's own message is a catalogue key,
 * optionally with parameters (`form.tooLong|max=280`); one of the platform's plain ones
 * (`form.date`) becomes its named form (`form.named.date`) when the field has a name, and
 * a module's own message may name the field too (`{field}`). Otherwise the platform's: when the
 * field has a name (see nameOf) the message names it ("Vul de titel in.", "Kies wie het
 * inbracht."), and a choice gets "kies", never "vul in" (issue 12, item 10).
 */
function messageOf(issue: z.ZodIssue, field: z.ZodTypeAny | undefined, t: Translate): string {
  const [key, ...rest] = issue.message.split('|');
  const params: Record<string, string | number> = {};
  for (const pair of rest) {
    const [k, v] = pair.split('=');
    // A number stays a number, so a plural message can choose its form.
    if (k && v !== undefined) params[k] = /^\d+$/.test(v) ? Number(v) : v;
  }
  const name = nameOf(field, t);
  // A schema that names one of the platform's plain messages gets its named form.
  const namedKey = key?.startsWith('form.') ? `form.named.${key.slice(5)}` : undefined;
  if (name !== undefined && namedKey && isMessageKey(namedKey))
    return t(namedKey, { ...params, field: name });
  if (key && isMessageKey(key))
    return t(key, name === undefined ? params : { ...params, field: name });
  const choice = isChoice(field);
  const say = (
    plain: MessageKey,
    named: MessageKey,
    extra: Record<string, string | number> = {},
  ) => (name === undefined ? t(plain, extra) : t(named, { ...extra, field: name }));
  switch (issue.code) {
    case 'too_small':
      return issue.minimum === 1
        ? say('form.required', 'form.named.required')
        : say('form.tooShort', 'form.named.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return say('form.tooLong', 'form.named.tooLong', { max: Number(issue.maximum) });
    case 'invalid_string':
      return issue.validation === 'email'
        ? say('form.email', 'form.named.email')
        : say('form.invalid', 'form.named.invalid');
    case 'invalid_enum_value':
    case 'invalid_literal':
      return say('form.choose', 'form.named.choose');
    case 'invalid_type':
      if (issue.received === 'undefined') {
        return choice
          ? say('form.choose', 'form.named.choose')
          : say('form.required', 'form.named.required');
      }
      // Several values, or an object, where the form has one field: never from our forms.
      if (issue.received === 'array' || issue.received === 'object') return t('form.notText');
      return issue.expected === 'number'
        ? say('form.number', 'form.named.number')
        : say('form.invalid', 'form.named.invalid');
    case 'invalid_date':
      return say('form.date', 'form.named.date');
    default:
      return say('form.invalid', 'form.named.invalid');
  }
}

/**
 * The message for a field that a service refused after the form was parsed (an unknown id, a
 * taken address): `key` as a schema message would be, so it names the field like the
 * platform's own (`form.choose` → "Kies de regio.").
 */
export function fieldMessage(
  schema: z.ZodTypeAny,
  field: string,
  key: string,
  t: Translate,
): string {
  const issue: z.ZodIssue = { code: 'custom', message: key, path: [field] };
  return messageOf(issue, shapeOf(schema)?.[field], t);
}

/** Keeps the posted strings (never the CSRF token) to show them in the form again. */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      // Never sent back to the browser: the token, and anything that is a password.
      if (k === '_csrf' || /password/i.test(k)) continue;
      if (typeof v === 'string') values[k] = cleanText(v);
      else if (Array.isArray(v))
        values[k] = cleanText(v.filter((x) => typeof x === 'string').join(','));
    }
  }
  return values;
}

/** The fields of an object schema (through .refine/.transform), if it is one. */
function shapeOf(schema: z.ZodTypeAny): Record<string, z.ZodTypeAny> | undefined {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodTypeAny>;
  if (schema instanceof z.ZodEffects) return shapeOf(schema.innerType());
  return undefined;
}

/** Whether a field's schema takes a list (checkbox groups), through optional/default. */
function takesList(field: z.ZodTypeAny): boolean {
  if (field instanceof z.ZodArray) return true;
  if (field instanceof z.ZodOptional || field instanceof z.ZodNullable)
    return takesList(field.unwrap());
  if (field instanceof z.ZodDefault) return takesList(field.removeDefault());
  if (field instanceof z.ZodEffects) return takesList(field.innerType());
  return false;
}

/** An uploaded file as the multipart plugin attaches it (see plugins/multipart.ts). */
function isUpload(value: object): boolean {
  return 'data' in value && Buffer.isBuffer((value as { data: unknown }).data);
}

/**
 * Parses a posted form with `schema` (messages are catalogue keys, see messageOf). Strings
 * are cleaned first (cleanText); a list or an object where the schema wants one value is
 * refused with 'form.notText' before the schema sees it (a coercion would otherwise turn
 * `['5']` into 5, or throw on an object). On failure: the first message per field, and the
 * input kept.
 */
export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  body: unknown,
  t: Translate,
): FormResult<z.output<S>> {
  const input = cleanInput(body ?? {}) as Record<string, unknown>;
  const errors: FormErrors = {};
  const shape = shapeOf(schema);
  let checked: unknown = input;
  if (shape && typeof input === 'object' && input !== null) {
    const rest: Record<string, unknown> = { ...input };
    for (const [name, field] of Object.entries(shape)) {
      const value = input[name];
      if (value === null || typeof value !== 'object' || isUpload(value)) continue;
      if (Array.isArray(value) && takesList(field)) continue;
      errors[name] = t('form.notText');
      delete rest[name];
    }
    checked = rest;
  }
  let result: z.SafeParseReturnType<unknown, z.output<S>>;
  try {
    result = schema.safeParse(checked);
  } catch {
    // A refinement that could not handle the input: refused as a whole, never a 500.
    return { ok: false, errors: { ...errors, form: t('form.invalid') }, values: formValues(input) };
  }
  if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.data };
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      errors[field] ??= messageOf(issue, shape?.[field], t);
    }
  }
  return { ok: false, errors, values: formValues(input) };
}

/** Repeated rows of one form (agenda items, …): see parseRows. */
export interface ParsedRows<T> {
  /** The rows that were filled in and valid, in the order of their numbers. */
  rows: T[];
  /** Per field of a row, under the row's own field name (`item2Title`). */
  errors: FormErrors;
  /** The highest row number the form sent: how many rows to show it again with. */
  sent: number;
}

/**
 * Parses repeated rows: fields named `<prefix><n><Field>` (`item1Title`, `item1Origin`,
 * `item2Title`, …; numbers in any order, gaps allowed, at most six digits). Each row is
 * parsed with `schema` (keys `title`, `origin`, … for `Title`, `Origin`) by parseForm, so a
 * row's messages are the platform's; a row is skipped when `isBlank` says the person left it
 * empty. Rows beyond the `max` filled ones are not dropped without a word: the caller gets
 * them all and decides (`rows.length > max`).
 */
export function parseRows<S extends z.ZodObject<z.ZodRawShape>>(
  body: Record<string, unknown>,
  prefix: string,
  schema: S,
  t: Translate,
  isBlank: (row: Record<string, unknown>) => boolean,
): ParsedRows<z.output<S>> {
  const fields = Object.keys(schema.shape);
  const capital = (f: string) => f.charAt(0).toUpperCase() + f.slice(1);
  const pattern = new RegExp(`^${prefix}([1-9]\\d{0,5})(?:${fields.map(capital).join('|')})$`);
  const numbers = [
    ...new Set(
      Object.keys(body)
        .map((k) => pattern.exec(k)?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number),
    ),
  ].sort((x, y) => x - y);
  const rows: z.output<S>[] = [];
  const errors: FormErrors = {};
  for (const n of numbers) {
    const raw: Record<string, unknown> = {};
    for (const f of fields) raw[f] = body[`${prefix}${n}${capital(f)}`];
    if (isBlank(raw)) continue;
    const parsed = parseForm(schema, raw, t);
    if (parsed.ok) rows.push(parsed.data);
    else {
      for (const [f, message] of Object.entries(parsed.errors)) {
        errors[`${prefix}${n}${capital(f)}`] = message;
      }
    }
  }
  return { rows, errors, sent: numbers.at(-1) ?? 0 };
}
