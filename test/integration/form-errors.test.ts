// Issue 12, items 10 and 11, over every form of every module: each error message names its
// field ("Vul de titel in.", never "Vul dit veld in."), every field of every schema that
// parseForm checks carries a catalogue name (`.describe('<module>.name.<field>')`) in Dutch
// and English, and every page shown again with form errors starts its title with "Fout: "
// and has the error summary that takes the focus.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { meetingsRepository } from '#src/modules/meetings/repository.js';
import { isMessageKey, translator } from '#src/platform/i18n/index.js';
import { TestClient } from '#test/helpers/app.js';
import { createPerson, TEST_PASSWORD } from '#test/helpers/factories.js';
import { type Body, defineFormFuzz, type FieldInfo } from '#test/helpers/form-fuzz.js';

/**
 * Every schema parseForm was given during this file's posts (seen through zod itself). Only
 * while this file runs: in a shard, other files' test schemas (src/platform/forms.test.ts)
 * would otherwise be seen too.
 */
const seen = new Set<z.ZodTypeAny>();
const safeParse = z.ZodType.prototype.safeParse;
before(() => {
  seen.clear();
  z.ZodType.prototype.safeParse = function (this: z.ZodTypeAny, data: unknown, params?: never) {
    if (new Error().stack?.includes('parseForm')) seen.add(this);
    return safeParse.call(this, data, params);
  };
});
after(() => {
  z.ZodType.prototype.safeParse = safeParse;
});

const fuzz = defineFormFuzz([]);
const nl = translator('nl');

/** The messages that do not say which field is wrong (the platform's unnamed ones). */
const GENERIC = [
  nl('form.required'),
  nl('form.choose'),
  nl('form.number'),
  nl('form.date'),
  nl('form.invalid'),
  nl('form.email'),
  nl('form.tooLong', { max: 0 }).split('0')[0]!,
  nl('form.tooShort', { min: 0 }).split('0')[0]!,
];

const SKIP = new Set(['_csrf', 'stamp', 'website']);
const empty = (): Body => ({});
/** Far too long for every text field, and no valid choice, date or number anywhere. */
const tooLong = (fields: FieldInfo[]): Body =>
  Object.fromEntries(
    fields.filter((f) => !SKIP.has(f.name)).map((f) => [f.name, 'x'.repeat(20_000)]),
  );

/** The error messages on a page: the summary's links and the messages under the fields. */
function messagesIn(html: string): string[] {
  const found: string[] = [];
  const summary = /id="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  for (const m of summary.matchAll(/<a [^>]*>([^<]*)<\/a>/g)) found.push(m[1]!);
  for (const m of html.matchAll(/class="utrecht-form-field-error-message"[^>]*>([^<]*)</g)) {
    found.push(m[1]!);
  }
  return found.map((m) => m.replace(/&#x27;|&#39;/g, "'").trim());
}

const shown: { route: string; html: string }[] = [];

test('every error message of every form names its field', async () => {
  const generic: string[] = [];
  let pages = 0;
  // Not the routes that end the coordinator's own session or membership: the routes after
  // them would only answer 403.
  const routes = fuzz.routes().filter((r) => !/\/sessies\/|\/verlaten$/.test(r.url));
  for (const route of routes) {
    for (const build of [empty, tooLong]) {
      const response = await fuzz.post(route.url, build);
      if (response.statusCode < 400 || !response.body.includes('<form')) continue;
      shown.push({ route: route.url, html: response.body });
      const messages = messagesIn(response.body);
      if (messages.length > 0) pages += 1;
      for (const message of messages) {
        if (GENERIC.some((g) => message.startsWith(g))) generic.push(`${route.url}: ${message}`);
      }
    }
  }
  assert.ok(pages >= 30, `only ${pages} forms were shown again with errors`);
  assert.deepEqual([...new Set(generic)], [], 'messages that do not name their field');
});

/** The field's catalogue name, through optional/default/effects, as the platform reads it. */
function nameKey(field: z.ZodTypeAny): string | undefined {
  let current: z.ZodTypeAny | undefined = field;
  while (current) {
    if (current.description) return current.description;
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
      current = current.unwrap();
    else if (current instanceof z.ZodDefault) current = current.removeDefault();
    else if (current instanceof z.ZodEffects) current = current.innerType();
    else current = undefined;
  }
  return undefined;
}

function shapeOf(schema: z.ZodTypeAny): Record<string, z.ZodTypeAny> | undefined {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodTypeAny>;
  if (schema instanceof z.ZodEffects) return shapeOf(schema.innerType());
  return undefined;
}

test('every field of every form schema carries its name in Dutch and English', () => {
  assert.ok(seen.size >= 30, `only ${seen.size} form schemas were seen`);
  const en = translator('en');
  const missing: string[] = [];
  for (const schema of seen) {
    const shape = shapeOf(schema);
    if (!shape) continue;
    for (const [field, type] of Object.entries(shape)) {
      if (SKIP.has(field)) continue;
      const key = nameKey(type);
      const fields = Object.keys(shape).join(',');
      if (!key || !isMessageKey(key)) missing.push(`${field} (in ${fields}): ${key ?? 'no name'}`);
      else if (!/^[a-z]+\.name\./.test(key) || !nl(key) || !en(key) || nl(key) === en(key)) {
        missing.push(`${field}: ${key} is not a <module>.name.<field> in both languages`);
      }
    }
  }
  assert.deepEqual([...new Set(missing)], [], 'form fields without a name');
});

test('every form shown again with errors: the title starts with "Fout: " and the summary takes the focus', () => {
  assert.ok(shown.length >= 30, `only ${shown.length} forms were shown again`);
  const wrong: string[] = [];
  for (const { route, html } of shown) {
    const marked = /utrecht-form-field-error-message|aria-invalid="true"/.test(html);
    if (!marked) continue;
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    if (!title.startsWith('Fout: ')) wrong.push(`${route}: title "${title}"`);
    if (!/id="error-summary" tabindex="-1" autofocus/.test(html))
      wrong.push(`${route}: no summary`);
  }
  assert.deepEqual([...new Set(wrong)], []);
});

test('"ik kom" and action points shown again with errors: "Fout: " in the title, the summary first, also when the meeting filled up meanwhile', async () => {
  const t = fuzz.app();
  const networkId = Number(fuzz.params.networkId);
  // A fresh open meeting: the walk above may have cancelled the fuzz's own.
  const open = await meetingsRepository(t.database.db).insertMeeting({
    networkId,
    kind: 'network_meeting',
    title: 'Open bijeenkomst',
    startsAt: new Date(Date.now() + 86_400_000),
    place: 'Buurthuis',
    isPublic: false,
  });
  const full = await meetingsRepository(t.database.db).insertMeeting({
    networkId,
    kind: 'network_meeting',
    title: 'Volle bijeenkomst',
    startsAt: new Date(Date.now() + 86_400_000),
    place: 'Buurthuis',
    isPublic: false,
    maxPlaces: 0,
  });
  // A fresh coordinator: the fuzz's own may have ended its sessions or changed its password.
  const person = await createPerson(t.database.db, {
    memberOf: [{ networkId, role: 'coordinator' }],
  });
  const coordinator = new TestClient(t.app, fuzz.nextAddress());
  await coordinator.login(person.email!, TEST_PASSWORD);
  const base = `/netwerk/${networkId}/bijeenkomsten`;
  await coordinator.get(`${base}/${open}`);
  const cases = [
    [`${base}/${open}/ik-kom`, { places: 'twee' }, 400],
    [`${base}/${full}/ik-kom`, { places: '1' }, 409],
    [`${base}/${open}/actiepunten`, { what: '', dueOn: '2031-02-30' }, 400],
  ] as const;
  for (const [url, form, status] of cases) {
    const response = await coordinator.post(url, form);
    assert.equal(response.statusCode, status, url);
    assert.match(response.body, /<title>Fout: /, url);
    assert.match(response.body, /id="error-summary" tabindex="-1" autofocus/, url);
  }
});
