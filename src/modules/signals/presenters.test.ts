import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '#src/platform/i18n/index.js';
import { presentPattern, themeLabel } from './presenters.js';
import { reviewPersonalDetails } from './service/index.js';

describe('signals presenters and rules (pure)', () => {
  const t = translator('nl');

  test('theme labels: the catalogue for default themes, the own name for a network theme', () => {
    assert.equal(themeLabel(t, 'poverty'), 'Armoede');
    assert.equal(themeLabel(t, 'Zwerfafval'), 'Zwerfafval');
    const vm = presentPattern(
      t,
      'nl',
      { id: 1, name: 'N' },
      {
        months: ['2025-12', '2026-01'],
        rows: [{ theme: 'poverty', counts: [1, 2], total: 3 }],
        totals: [1, 2],
        total: 3,
      },
    );
    assert.deepEqual(vm.series, [{ label: 'Armoede', values: [1, 2], total: 3 }]);
  });

  test('pattern months read as "dec 2025", not "2025-12"; under the bars the short month', () => {
    const summary = {
      months: ['2025-12', '2026-01'],
      rows: [{ theme: 'poverty', counts: [1, 2], total: 3 }],
      totals: [1, 2],
      total: 3,
    };
    const nl = presentPattern(t, 'nl', { id: 1, name: 'N' }, summary);
    assert.deepEqual(
      nl.periods.map((p) => [p.label, p.short]),
      [
        ['dec 2025', 'dec'],
        ['jan 2026', 'jan'],
      ],
    );
    const en = presentPattern(translator('en'), 'en', { id: 1, name: 'N' }, summary);
    assert.deepEqual(
      en.periods.map((p) => p.label),
      ['Dec 2025', 'Jan 2026'],
    );
  });

  test('the personal-details warning: shown for a phone number, not again for the same text', () => {
    assert.equal(reviewPersonalDetails(['Bankje kapot', 'Bij de speeltuin'], undefined), undefined);
    const texts = ['Mevrouw belt', 'Haar nummer is 06 12345678'];
    const warning = reviewPersonalDetails(texts, undefined);
    assert.deepEqual(warning?.found, ['phone']);
    assert.equal(reviewPersonalDetails(texts, warning?.fingerprint), undefined);
    const changed = reviewPersonalDetails([...texts, 'meer'], warning?.fingerprint);
    assert.ok(changed, 'changed text is checked again');
  });
});
