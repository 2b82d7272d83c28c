import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { cleanInput, parseForm, parseRows } from './forms.js';
import { translator } from './i18n/index.js';

const schema = z.object({
  title: z.string().trim().min(1).max(10),
  email: z.string().email(),
  kind: z.enum(['a', 'b']),
});

test('bad input gives a translated message per field and keeps what the user typed', () => {
  const result = parseForm(
    schema,
    { title: 'much too long a title', email: 'nope', _csrf: 'secret', role: 'admin' },
    translator('nl'),
  );
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.errors, {
    title: 'Gebruik hoogstens 10 tekens.',
    email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
    kind: 'Maak een keuze.',
  });
  assert.equal(result.values.title, 'much too long a title');
  assert.equal(result.values._csrf, undefined, 'the token is never echoed');
});

test('good input is parsed and fields the form does not show are dropped', () => {
  const result = parseForm(
    schema,
    { title: ' Hallo ', email: 'a@b.nl', kind: 'a', role: 'admin', networkId: '7' },
    translator('en'),
  );
  assert.deepEqual(result, { ok: true, data: { title: 'Hallo', email: 'a@b.nl', kind: 'a' } });
});

test('a catalogue key as schema message is translated, with parameters', () => {
  const s = z.object({ n: z.string().refine(() => false, 'form.tooShort|min=3') });
  const result = parseForm(s, { n: 'x' }, translator('en'));
  assert.equal(result.ok ? '' : result.errors.n, 'Use at least 3 characters.');
});

test('control characters are stripped, lists and objects for one value refused with a message', () => {
  const schema = z.object({ title: z.string().min(1), count: z.coerce.number().int() });
  const t = translator('nl');
  const clean = parseForm(schema, { title: 'a\u0000b\u0007c\td', count: '3' }, t);
  assert.ok(clean.ok);
  if (clean.ok) assert.equal(clean.data.title, 'abc\td');
  const odd = parseForm(schema, { title: ['a', 'b'], count: { toString: 1 } }, t);
  assert.equal(odd.ok, false);
  if (odd.ok) return;
  assert.match(odd.errors.title ?? '', /één tekst/);
  assert.match(odd.errors.count ?? '', /één tekst/);
  // A list where a coercion would have made a number of it: refused too.
  assert.equal(parseForm(schema, { title: 'x', count: ['5'] }, t).ok, false);
});

test('cleaned input keeps a field named __proto__ as a plain key that lends nothing', () => {
  const posted = JSON.parse('{"__proto__": {"role": "coordinator"}, "name": "A\\u0000b"}');
  const cleaned = cleanInput(posted) as Record<string, unknown>;
  assert.equal(cleaned.name, 'Ab');
  assert.equal((cleaned as { role?: unknown }).role, undefined);
  assert.equal(Object.getPrototypeOf(cleaned), null);
});

test('parseRows: numbered rows in any order, blank rows skipped, each row checked, errors by row', () => {
  const t = translator('nl');
  const row = z.object({ title: z.string().trim().max(5), origin: z.enum(['a', 'b']) });
  const blank = (r: Record<string, unknown>) => r.title === undefined || r.title === '';
  const parsed = parseRows(
    {
      item3Title: 'drie',
      item3Origin: 'b',
      item1Title: 'een',
      item1Origin: 'a',
      item2Title: '',
      item2Origin: 'a',
      item7Title: 'veel te lang',
      item7Origin: 'c',
      item9Title: ['x', 'y'],
      other: 'ignored',
    },
    'item',
    row,
    t,
    blank,
  );
  assert.deepEqual(parsed.rows, [
    { title: 'een', origin: 'a' },
    { title: 'drie', origin: 'b' },
  ]);
  assert.deepEqual(parsed.errors, {
    item7Title: 'Gebruik hoogstens 5 tekens.',
    item7Origin: 'Maak een keuze.',
    item9Title: t('form.notText'),
    item9Origin: 'Maak een keuze.',
  });
  assert.equal(parsed.sent, 9);
});

test('messages name their field and choices get "kies" (issue 12, item 10)', () => {
  const t = translator('nl');
  const named = z.object({
    title: z.string().trim().min(1).max(5).describe('signals.name.title'),
    raisedBy: z.enum(['resident', 'professional']).describe('signals.name.raisedBy'),
    kind: z.enum(['a', 'b']),
    email: z.string().email().describe('signals.name.place'),
  });
  const empty = parseForm(named, {}, t);
  assert.equal(empty.ok, false);
  if (empty.ok) return;
  assert.deepEqual(empty.errors, {
    title: 'Vul de titel in.',
    raisedBy: 'Kies wie het inbracht.',
    kind: 'Maak een keuze.',
    email: 'Vul de plek in.',
  });
  const wrong = parseForm(
    named,
    { title: 'veel te lang', raisedBy: 'x', kind: 'c', email: 'x' },
    t,
  );
  if (wrong.ok) throw new Error('expected errors');
  assert.equal(wrong.errors.title, 'Gebruik voor de titel hoogstens 5 tekens.');
  assert.equal(wrong.errors.raisedBy, 'Kies wie het inbracht.');
  assert.match(wrong.errors.email!, /^Vul bij de plek een geldig e-mailadres in/);
  const english = parseForm(named, {}, translator('en'));
  if (english.ok) throw new Error('expected errors');
  assert.equal(english.errors.title, 'Enter the title.');
  assert.equal(english.errors.raisedBy, 'Choose who raised it.');
});

test("a schema's own plain message gets its named form; a module's message may name the field", () => {
  const s = z.object({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'form.date')
      .describe('meetings.name.date'),
    photo: z.string().max(3, 'form.tooLong|max=3').describe('sparks.name.photoDescription'),
    months: z
      .string()
      .refine(() => false, 'admin.settings.months')
      .describe('admin.name.closedAccountMonths'),
    plain: z.string().regex(/^x$/, 'form.date'),
  });
  const result = parseForm(
    s,
    { date: 'morgen', photo: 'lang', months: '0', plain: 'y' },
    translator('nl'),
  );
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.errors, {
    date: 'Vul bij de datum een geldige datum in.',
    photo: 'Gebruik voor de beschrijving van de foto hoogstens 3 tekens.',
    months:
      'Vul bij de bewaartermijn van gesloten accounts een aantal maanden in, van 1 tot en met 120.',
    plain: 'Vul een geldige datum in.',
  });
});
