// Issue 12, item 13: "1 professionals" / "1 bewoners". Every message of the catalogue that
// puts a number before a noun is rendered with 1 and with 2, in Dutch and English: with 1
// the noun is singular, with 2 it is plural (ICU plural variants, Intl.PluralRules).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue } from './catalogue.js';
import { languages, type MessageKey, translator } from './index.js';

/** Nouns that follow a count, plural → singular, in both languages. */
const NOUNS: Record<string, string> = {
  bewoners: 'bewoner',
  professionals: 'professional',
  personen: 'persoon',
  plaatsen: 'plaats',
  plannen: 'plan',
  punten: 'punt',
  codes: 'code',
  resultaten: 'resultaat',
  signalen: 'signaal',
  maanden: 'maand',
  stemmers: 'stemmer',
  meldingen: 'melding',
  tekens: 'teken',
  residents: 'resident',
  people: 'person',
  places: 'place',
  plans: 'plan',
  points: 'point',
  results: 'result',
  signals: 'signal',
  months: 'month',
  voters: 'voter',
  reports: 'report',
  characters: 'character',
};
const plural = Object.keys(NOUNS).join('|');
const singular = [...new Set(Object.values(NOUNS))].join('|');

/** Every parameter of a message, each set to `n`. */
function params(text: string, n: number): Record<string, number> {
  const names = [...text.matchAll(/\{(\w+)(?:,|\})/g)].map((m) => m[1]!);
  return Object.fromEntries(names.map((name) => [name, n]));
}

test('every count before a noun agrees with it: singular with 1, plural with 2', () => {
  const wrong: string[] = [];
  let counted = 0;
  for (const lang of languages) {
    const t = translator(lang);
    const messages = catalogue()[lang] as Record<string, string>;
    for (const [key, text] of Object.entries(messages)) {
      if (!new RegExp(`(\\{\\w+\\}|#) (\\w+ )?(${plural}|${singular})\\b`).test(text)) continue;
      counted += 1;
      const one = t(key as MessageKey, params(text, 1));
      const two = t(key as MessageKey, params(text, 2));
      if (new RegExp(`\\b1 (persoonsgebonden |person-bound )?(${plural})\\b`).test(one))
        wrong.push(`${lang} ${key}: ${one}`);
      if (new RegExp(`\\b2 (${singular})(?![\\w-])`).test(two))
        wrong.push(`${lang} ${key}: ${two}`);
    }
  }
  assert.ok(counted >= 20, `only ${counted} messages with a count`);
  assert.deepEqual(wrong, []);
});

test('the counts of meetings and the neighbourhood budget, with 1 and 2', () => {
  const nl = translator('nl');
  const en = translator('en');
  assert.equal(
    nl('meetings.attendance.others', { residents: 1, professionals: 2 }),
    'Verder aanwezig: 1 bewoner en 2 professionals.',
  );
  assert.equal(
    en('meetings.attendance.others', { residents: 2, professionals: 1 }),
    'Also present: 2 residents and 1 professional.',
  );
  assert.equal(nl('meetings.coming.total', { total: 1 }), 'Aangemeld: 1 persoon.');
  assert.equal(en('meetings.rsvp.youCome', { places: 2 }), 'You are coming, with 2 people.');
  assert.equal(nl('budget.ballot.rules.k', { k: 1 }), 'Kies ten hoogste 1 plan.');
  assert.equal(
    nl('budget.results.summary', { ballots: 1, budget: '€ 10', used: '€ 5', left: '€ 5' }),
    '1 bewoner heeft gestemd. Van het budget van € 10 gaat € 5 naar plannen; € 5 blijft over.',
  );
  assert.equal(en('budget.codes.made', { count: 1 }), '1 code made.');
});
