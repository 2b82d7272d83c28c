import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue } from './catalogue.js';
import { formatDate, formatMoney, translator } from './index.js';

test('nl and en have the same keys, none empty, with the same placeholders', () => {
  const nl = catalogue().nl as Record<string, string>;
  const en = catalogue().en as Record<string, string>;
  assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
  const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
  for (const key of Object.keys(nl)) {
    assert.ok(nl[key]!.trim().length > 0, `nl ${key} is empty`);
    assert.ok(en[key]!.trim().length > 0, `en ${key} is empty`);
    assert.equal(placeholders(nl[key]!), placeholders(en[key]!), `placeholders differ in ${key}`);
  }
});

test('placeholders are filled in', () => {
  const t = translator('nl');
  assert.equal(t('form.tooLong', { max: 280 }), 'Gebruik hoogstens 280 tekens.');
});

test('money and dates follow Dutch conventions', () => {
  assert.equal(formatMoney(123456750), '€\u00a01.234.567,50');
  assert.equal(formatMoney(100000000), '€\u00a01.000.000');
  const date = new Date('2026-03-05T23:30:00Z'); // already 6 March in Amsterdam
  assert.equal(formatDate('nl', date), '6 maart 2026');
  assert.equal(formatDate('en', date), '6 March 2026');
});

test('plural messages follow the language’s plural rules (Intl.PluralRules)', () => {
  const nl = translator('nl');
  const en = translator('en');
  assert.equal(nl('decisions.involvementCount', { count: 1 }), '1 bewoner');
  assert.equal(nl('decisions.involvementCount', { count: 3 }), '3 bewoners');
  assert.equal(nl('decisions.involvementCount', { count: 0 }), '0 bewoners');
  assert.equal(en('decisions.involvementCount', { count: 1 }), '1 resident');
  assert.equal(
    nl('moderation.queue.reports', { count: 1, date: '1 december 2026' }),
    '1 melding, de eerste op 1 december 2026',
  );
});
