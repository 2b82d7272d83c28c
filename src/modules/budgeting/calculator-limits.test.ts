// The calculator's limits as a visitor meets them: a count that runs past its time is
// stopped and answered as the file's weight (400, in the page language, the limit named),
// never as a server error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '#src/config.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { postMultipart } from '#test/helpers/multipart.js';

/** 40,000 ballots over 80 projects: far more than a count may take in 0.05 s. */
function heavyFile(): string {
  const lines = ['META', 'key;value', 'budget;100000', 'vote_type;approval', 'PROJECTS'];
  lines.push('project_id;cost');
  for (let p = 1; p <= 80; p++) lines.push(`${p};${1000 + ((p * 7919) % 9000)}`);
  lines.push('VOTES', 'voter_id;vote');
  for (let v = 1; v <= 40_000; v++) {
    lines.push(`${v};${1 + (v % 80)},${1 + ((v * 7) % 80)},${1 + ((v * 13) % 80)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('the calculator past its time limit', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp({ CALCULATOR_TIMEOUT_SECONDS: '0.05' });
  });
  after(() => t.close());

  for (const [lang, limit, text] of [
    ['nl', '0,05 seconden', 'Het tellen duurde langer dan'],
    ['en', '0.05 seconds', 'Counting took longer than'],
  ] as const) {
    test(`a stopped count answers 400 with the limit, in ${lang}`, async () => {
      const visitor = new TestClient(t.app);
      await visitor.get('/rekenhulp');
      if (lang === 'en') await visitor.post('/taal', { lang: 'en', back: '/rekenhulp' });
      const posted = await postMultipart(t, visitor, '/rekenhulp', {
        rule: 'equalshares/add1',
        file: { filename: 'zwaar.pb', contentType: 'text/plain', data: Buffer.from(heavyFile()) },
      });
      assert.equal(posted.statusCode, 303, posted.body.slice(0, 300));
      const page = await visitor.get(String(posted.headers.location));
      assert.equal(page.statusCode, 400);
      assert.ok(page.body.includes(`${text} ${limit}`), page.body.slice(0, 2000));
      assert.match(page.body, /href="\/rekenhulp"/);
    });
  }
});

test('the time limit is a setting: 120 seconds unless set, and a wrong value is named', () => {
  assert.equal(loadConfig({}).calculatorTimeoutSeconds, 120);
  assert.equal(loadConfig({ CALCULATOR_TIMEOUT_SECONDS: '300' }).calculatorTimeoutSeconds, 300);
  for (const wrong of ['0', '-1', 'lang', '4000'])
    assert.throws(
      () => loadConfig({ CALCULATOR_TIMEOUT_SECONDS: wrong }),
      /CALCULATOR_TIMEOUT_SECONDS/,
    );
});
