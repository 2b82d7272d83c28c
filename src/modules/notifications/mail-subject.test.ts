// A notification mail's subject is its sentence, cut at a word to a length mail programs
// show; the whole sentence stays in the body.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '../../platform/i18n/index.js';
import { renderSingleMail } from './presenters.js';

describe('the subject of a notification mail', () => {
  test('a long sentence (a budget result with its explanation) ends at a word with "…"', () => {
    const explanation =
      'De bewoners die erop stemden, hadden samen genoeg over om het te betalen. Van het budget blijft niets over.';
    const mail = renderSingleMail(
      translator('nl'),
      'nl',
      {
        kind: 'budget',
        event: 'notFunded',
        params: { round: 'Wijkbudget Zonnehoek 2025', title: 'Bankjes', explanation },
      },
      { item: 'https://buurt.example/x', choice: 'https://buurt.example/y' },
    );
    assert.ok(mail.subject.length <= 120, mail.subject);
    assert.ok(mail.subject.startsWith('Buurtkracht: De uitslag van "Wijkbudget Zonnehoek 2025"'));
    assert.match(mail.subject, /\p{L}…$/u, 'ends after a whole word');
    const cut = mail.subject.slice(0, -1);
    assert.ok(
      `Buurtkracht: ${mail.body.split('\n')[2]}`.startsWith(`${cut} `),
      'the subject is the start of the sentence, cut between words',
    );
    assert.ok(mail.body.includes(explanation), 'the body keeps the whole sentence');
  });
});
