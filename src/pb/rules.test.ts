import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainElection, explainProject } from './explain.js';
import { LANGS } from './messages.js';
import { PabulibError } from './pabulib.js';
import { buildProfile } from './profile.js';
import { RULES, tally } from './rules.js';
import { approval } from './test-helpers.js';
import { tieCompare } from './ties.js';

// The running example. Budget 20, four voters. Voters 1-3 (three quarters) like X1 and X2
// (cost 10 each); voter 4 likes only Y (cost 5).
const EXAMPLE = approval(20, { X1: 10, X2: 10, Y: 5 }, [
  ['X1', 'X2'],
  ['X1', 'X2'],
  ['X1', 'X2'],
  ['Y'],
]);

test('greedy: by votes, skipping what no longer fits', () => {
  // Votes: X1 3, X2 3, Y 1. X1 (10 left) and X2 (0 left) fit; Y no longer does.
  // X1 and X2 tie on votes; same cost and votes, so the id decides: X1 first.
  const o = tally(EXAMPLE, 'greedy');
  assert.deepEqual(o.selected, ['X1', 'X2']);
  assert.deepEqual(o.tieDecisions, [
    { context: 'greedy order', between: ['X1', 'X2'], chosen: 'X1', decidedBy: 'id' },
  ]);
  const y = o.projects.find((p) => p.id === 'Y');
  assert.deepEqual(y?.facts, { kind: 'greedy', reason: 'too-expensive', rank: 3, budgetLeft: 0 });
});

test('greedy skips, greedy-no-skip stops', () => {
  // Budget 16: X1 fits (6 left), X2 does not. Greedy goes on and funds Y (1 left);
  // greedy-no-skip stops at X2.
  const inst = { ...EXAMPLE, meta: { ...EXAMPLE.meta, budget: '16' } };
  assert.deepEqual(tally(inst, 'greedy').selected, ['X1', 'Y']);
  assert.deepEqual(tally(inst, 'greedy-no-skip').selected, ['X1']);
});

test('greedy-threshold leaves out projects below min_project_score_threshold', () => {
  // Threshold 2: Y (1 vote) is not eligible even though budget 30 would fit everything.
  const inst = {
    ...EXAMPLE,
    meta: { ...EXAMPLE.meta, budget: '30', min_project_score_threshold: '2' },
  };
  const o = tally(inst, 'greedy-threshold');
  assert.deepEqual(o.selected, ['X1', 'X2']);
  assert.equal(o.projects.find((p) => p.id === 'Y')?.facts.kind, 'greedy');
  assert.deepEqual(o.projects.find((p) => p.id === 'Y')?.facts, {
    kind: 'greedy',
    reason: 'below-threshold',
    threshold: 2,
  });
});

test('greedy-threshold without min_project_score_threshold is refused, not counted as greedy', () => {
  // It funded projects below any threshold, as plain greedy does.
  assert.throws(
    () => tally({ ...EXAMPLE, meta: { ...EXAMPLE.meta, budget: '30' } }, 'greedy-threshold'),
    (e: unknown) =>
      e instanceof PabulibError && e.line === 1 && /min_project_score_threshold/.test(e.message),
  );
  assert.deepEqual(RULES.get('greedy-threshold')?.needs, ['min_project_score_threshold']);
});

test('greedy per cost orders by votes per unit of cost', () => {
  // Y now costs 2: 1/2 vote per unit beats X1 and X2 (3/10). Y (18 left), X1 (8 left), X2 no.
  const inst = approval(
    20,
    { X1: 10, X2: 10, Y: 2 },
    EXAMPLE.ballots.map((b) => b.projects),
  );
  assert.deepEqual(tally(inst, 'greedy-per-cost').selected, ['Y', 'X1']);
  assert.deepEqual(tally(inst, 'greedy').selected, ['X1', 'X2']);
});

test('MES without completion gives voter 4 their quarter', () => {
  // Each voter has 20/4 = 5. X1: 3 supporters pay 10/3 each (all can) -> effective votes 3.
  // Y: voter 4 pays 5 -> effective votes 1. X1 and X2 tie at 3; id decides X1.
  // Voters 1-3 then have 5/3 each: 5 in total, X2 (10) is out of reach. Y is next.
  const o = tally(EXAMPLE, 'equalshares');
  assert.deepEqual(o.selected, ['X1', 'Y']);
  assert.equal(o.leftover, 5);
  assert.equal(o.coverage, 1);
  const x1 = o.projects.find((p) => p.id === 'X1')?.facts;
  assert.ok(x1?.kind === 'mes');
  assert.equal(x1.effectiveVotes, 3);
  assert.ok(Math.abs((x1.share ?? 0) - 10 / 3) < 1e-12);
  const x2 = o.projects.find((p) => p.id === 'X2')?.facts;
  // X2's supporters hold 3 x 5/3 = 5; it needs 5 more, one more supporter with a full share.
  assert.ok(x2?.kind === 'mes' && x2.reason === 'not-affordable');
  assert.ok(Math.abs((x2.moneyLeft ?? 0) - 5) < 1e-9);
  assert.equal(x2.moreSupportersNeeded, 1);
});

test('add1: raise the per-voter budget by 1 while the outcome fits; take the last that fits', () => {
  // floor(20/4) = 5: {X1, Y} costs 15. At 6: voters 1-3 keep 8/3 each (8 < 10), same outcome.
  // At 7: they keep 11/3 each (11 >= 10), so X2 joins: {X1, X2, Y} costs 25 > 20. Stop; take 6.
  const o = tally(EXAMPLE, 'equalshares/add1');
  assert.deepEqual(o.selected, ['X1', 'Y']);
  assert.equal(o.endowment, 6);
});

test('add1-exhaustive (pabutools): stop at the first exhaustive outcome', () => {
  // At 20/4 = 5, {X1, Y} leaves 5: X2 (10) does not fit, so the outcome is exhaustive already.
  const o = tally(EXAMPLE, 'equalshares/add1-exhaustive');
  assert.deepEqual(o.selected, ['X1', 'Y']);
  assert.equal(o.endowment, 5);
  // Budget 25: at 25/4 = 6.25 {X1, Y} leaves 10, room for X2: not exhaustive. At 7.25
  // voters 1-3 keep 47/12 each (11.75 >= 10): {X1, X2, Y} = 25, exhaustive.
  const inst = { ...EXAMPLE, meta: { ...EXAMPLE.meta, budget: '25' } };
  assert.deepEqual(tally(inst, 'equalshares/add1-exhaustive').selected, ['X1', 'X2', 'Y']);
  assert.equal(tally(inst, 'equalshares/add1-exhaustive').endowment, 7.25);
  // add1 starts at 6.25 ({X1, Y}), then tries floor(6.25)+1 = 7: voters 1-3 keep 11/3 each
  // (11 >= 10), so {X1, X2, Y} = 25 fits and everything is funded.
  assert.deepEqual(tally(inst, 'equalshares/add1').selected, ['X1', 'X2', 'Y']);
  assert.equal(tally(inst, 'equalshares/add1').endowment, 7);
});

test('add1u completes add1 greedily', () => {
  // Budget 17: add1 from floor(17/4) = 4: voters 1-3 hold 12 (X1 at 10/3 each), voter 4 has 4 < 5.
  // {X1} = 10. At 5: {X1, Y} = 15 fits. At 6: {X1, Y} again. At 7: X2 joins, 25 > 17: take 6.
  // Greedy completion: X2 (10) does not fit the 2 left. Nothing added.
  const inst = { ...EXAMPLE, meta: { ...EXAMPLE.meta, budget: '17' } };
  assert.deepEqual(tally(inst, 'equalshares/add1u').selected, ['X1', 'Y']);
  // Budget 12, voter 4 absent: add1 funds X1 at 4 each (3 x 4 = 12 >= 10), then the
  // greedy completion has 2 left: nothing. With Y costing 2, completion adds it.
  const small = approval(12, { X1: 10, X2: 10, Y: 2 }, [
    ['X1', 'X2'],
    ['X1', 'X2'],
    ['X1', 'X2'],
  ]);
  const o = tally(small, 'equalshares/add1u');
  assert.deepEqual(o.selected, ['X1', 'Y']);
  assert.deepEqual(o.projects.find((p) => p.id === 'Y')?.facts, {
    kind: 'mes',
    reason: 'completion',
  });
  // Budget 30: everything fits. At 10 each, X1 costs 10/3 each, leaving 20/3 each: X2 too.
  // Y has no supporter in this election, so MES never funds it; add1u's greedy step does.
  const all = { ...small, meta: { ...small.meta, budget: '30' } };
  assert.deepEqual(tally(all, 'equalshares/add1').selected, ['X1', 'X2']);
  assert.deepEqual(tally(all, 'equalshares/add1u').selected, ['X1', 'X2', 'Y']);
});

test('comparison step: greedy is kept when more voters prefer it', () => {
  // MES+add1 {X1, Y}; greedy {X1, X2}. Voters 1-3 get 2 funded projects under greedy
  // against 1 under MES; voter 4 gets 1 against 0. 3 prefer greedy, 1 prefers MES.
  const o = tally(EXAMPLE, 'equalshares/add1-comparison');
  assert.deepEqual(o.selected, ['X1', 'X2']);
  assert.equal(o.comparison?.prefersGreedy, 3);
  assert.equal(o.comparison?.prefersMes, 1);
  assert.equal(o.comparison?.kept, 'greedy');
});

test('MES with cardinality utilities chooses by the smallest payment per supporter', () => {
  // Cardinality: X1 costs each supporter 10/3 = 3.33, Y costs voter 4 the full 5: X1 first,
  // then X2 is unaffordable (5 left in all), then Y.
  assert.deepEqual(tally(EXAMPLE, 'equalshares-cardinality').selected, ['X1', 'Y']);
  // Here cost utilities and cardinality differ: A (cost 30) has 3 supporters, B (cost 3) 1.
  // Each voter has 40/4 = 10. Cost: A's effective votes 3 beat B's 1 -> A then B.
  // Cardinality: A costs each 10, B costs its supporter 3 -> B first, then A (30 = 3 x 10).
  const inst = approval(40, { A: 30, B: 3 }, [['A'], ['A'], ['A', 'B'], []]);
  assert.deepEqual(tally(inst, 'equalshares').selected, ['A']);
  assert.deepEqual(tally(inst, 'equalshares-cardinality').selected, ['B']);
});

test('MES on cumulative ballots pays in proportion to points', () => {
  // Budget 12, 2 voters with 6 each. P (cost 8): voter 1 gave 3 points, voter 2 gave 1.
  // Payment per point q: 3q + 1q = 8 -> q = 2: voter 1 pays 6 (all), voter 2 pays 2.
  const inst = approval(12, { P: 8, Q: 4 }, [['P'], ['P', 'Q']], { vote_type: 'cumulative' });
  inst.ballots[0] = { ...(inst.ballots[0] as (typeof inst.ballots)[0]), points: [3] };
  inst.ballots[1] = { ...(inst.ballots[1] as (typeof inst.ballots)[0]), points: [1, 1] };
  const o = tally(inst, 'equalshares');
  const f = o.projects.find((p) => p.id === 'P')?.facts;
  assert.ok(f?.kind === 'mes');
  assert.equal(f.share, 2);
  // Voter 2 has 4 left: Q (4, one point) is affordable next.
  assert.deepEqual(o.selected, ['P', 'Q']);
});

test('sequential Phragmén', () => {
  // X1 and X2 are bought at time 10/3 (3 supporters), Y at 5. X1 first (tie, id).
  // Voters 1-3 then have spent up to 10/3: X2 at (10 + 3 x 10/3)/3 = 20/3 > 5, so Y next.
  // 5 left: X2 no longer fits.
  const o = tally(EXAMPLE, 'phragmen');
  assert.deepEqual(o.selected, ['X1', 'Y']);
  assert.equal(o.tieDecisions[0]?.chosen, 'X1');
});

test('ties: lowest cost, then most votes, then id; lexicographic by id only', () => {
  // b costs 5, a costs 10, same votes. Default: b first (cheaper) -> b (5 left), a no.
  // Lexicographic: a first -> a (0 left), b no.
  const inst = approval(10, { b: 5, a: 10 }, [
    ['a', 'b'],
    ['a', 'b'],
  ]);
  assert.deepEqual(tally(inst, 'greedy').selected, ['b']);
  assert.equal(tally(inst, 'greedy').tieDecisions[0]?.decidedBy, 'cost');
  assert.deepEqual(tally(inst, 'greedy', { ties: 'lexicographic' }).selected, ['a']);
  // Same cost, different votes: most votes wins the tie.
  const p = buildProfile(approval(10, { a: 5, b: 5 }, [['a', 'b'], ['b']]));
  assert.deepEqual(tieCompare(p, 'default', 1, 0).by, 'votes');
  assert.ok(tieCompare(p, 'default', 1, 0).order < 0);
  // Numeric ids compare by value: 9 before 10.
  const q = buildProfile(approval(10, { 10: 5, 9: 5 }, [['10', '9']]));
  assert.ok(tieCompare(q, 'default', q.ids.indexOf('9'), q.ids.indexOf('10')).order < 0);
});

test('explanations exist in Dutch and English', () => {
  const o = tally(EXAMPLE, 'equalshares/add1');
  const nl = explainProject(o, 'X2', { lang: 'nl', currency: 'EUR' });
  const en = explainProject(o, 'X2', { lang: 'en', currency: 'EUR' });
  assert.match(nl[0] ?? '', /krijgt geen geld/);
  assert.match(en[0] ?? '', /is not funded/);
  assert.equal(nl.length, en.length);
  assert.match(explainElection(o, { lang: 'en' }).join(' '), /100% of residents/);
  assert.match(explainProject(tally(EXAMPLE, 'greedy'), 'Y', { lang: 'nl' }).join(' '), /plaats 3/);
});

test('the total and what is left are exact sums of the amounts as written', () => {
  // Budget 0.3; a (0.1) and b (0.2) fit exactly. Added in floats, the total was
  // 0.30000000000000004 and the leftover -5.6e-17 ("-0.00 is left over").
  const inst = approval(0.3, { a: 0.1, b: 0.2 }, [['a', 'b'], ['a', 'b'], ['b']]);
  for (const rule of ['greedy', 'equalshares/add1', 'phragmen'] as const) {
    const o = tally(inst, rule);
    assert.deepEqual([...o.selected].sort(), ['a', 'b'], rule);
    assert.equal(o.totalCost, 0.3, rule);
    assert.equal(o.leftover, 0, rule);
  }
});

test('every rule is described in Dutch and in English, each its own text', () => {
  // The web pages show the description in the page's language (a Dutch page showed the
  // English lines), so each language has its own, not a copy of the other.
  for (const spec of RULES.values()) {
    for (const lang of LANGS) {
      const text = spec.description[lang];
      assert.equal(typeof text, 'string', `${spec.name} ${lang}`);
      assert.ok(text.trim().length > 0, `${spec.name} ${lang}: empty`);
    }
    assert.notEqual(spec.description.nl, spec.description.en, spec.name);
    // Short enough for a choice in a form: one sentence, two at most.
    assert.ok(spec.description.nl.length <= 260, `${spec.name}: too long for a choice`);
    assert.ok((spec.description.nl.match(/[.;:] [A-Z]/g) ?? []).length <= 1, spec.name);
  }
});

test('a Dutch description names the family its rule belongs to, and no other', () => {
  // A rule of another family must never be called the Method of Equal Shares (a results
  // page said so of every rule but greedy).
  for (const spec of RULES.values()) {
    const nl = spec.description.nl;
    const mes = spec.name.startsWith('equalshares');
    assert.equal(/gelijke delen/.test(nl), mes, `${spec.name}: ${nl}`);
    assert.equal(/Phragmén/.test(nl), spec.name.startsWith('phragmen'), `${spec.name}: ${nl}`);
    if (spec.name.startsWith('greedy')) assert.match(nl, /meeste stemmen eerst/i, spec.name);
    if (spec.name.includes('add1')) assert.match(nl, /add1/, spec.name);
  }
});

test('every rule has a short title in each language: its own, naming its family', () => {
  // A form labels each choice with the title; two choices must never read alike.
  for (const lang of LANGS) {
    const titles = [...RULES.values()].map((s) => s.title[lang]);
    assert.equal(new Set(titles).size, titles.length, `${lang}: two rules with one title`);
    for (const title of titles) assert.ok(title.length > 0 && title.length <= 80, title);
  }
  for (const spec of RULES.values()) {
    const nl = spec.title.nl;
    assert.equal(/gelijke delen/i.test(nl), spec.name.startsWith('equalshares'), nl);
    assert.equal(/Phragmén/.test(nl), spec.name.startsWith('phragmen'), nl);
    assert.equal(/add1/.test(nl), spec.name.includes('add1'), nl);
  }
});
