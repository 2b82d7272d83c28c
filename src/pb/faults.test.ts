/**
 * Issue 10, fault by fault: a tiny election for each, worked out by hand in the comments.
 * Cost utilities throughout MES (a supporter's utility is the project's cost), so a project
 * with W supporters who all can pay has rho = (cost / W) / cost = 1/W.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainProject } from './explain.js';
import { mesWithCompletion } from './mes.js';
import { parsePabulib } from './pabulib.js';
import { buildProfile } from './profile.js';
import { tally } from './rules.js';
import { approval, readFixture } from './test-helpers.js';
import type { Instance } from './types.js';

const sorted = (xs: string[]) => [...xs].sort();

test('1. add1 never funds less than plain MES at B/n', () => {
  // Budget 100, 3 voters: at 100/3 each, A (100) is paid 33.33 by each (rho 1/3); C (0.5)
  // by voter 1 alone (rho 1). A wins; voter 1 has nothing left for C. MES funds {A}.
  // The old add1 started at floor(100/3) = 33: A unaffordable (99 < 100), C funded alone.
  // Now {A} is the start; at 34 voter 1 keeps 0.67 after A, so C joins: 100.5 > 100,
  // overshoot, the walk stops and {A} stays.
  const inst = approval(100, { A: 100, C: 0.5 }, [['A', 'C'], ['A'], ['A']]);
  assert.deepEqual(tally(inst, 'equalshares').selected, ['A']);
  assert.deepEqual(tally(inst, 'equalshares/add1').selected, ['A']);
  // Comma decimals, budget 0,3, two voters: at 0.15 each, c (0,05, both: rho 1/2) first,
  // leaving 0.125 each; a (0,1, voter 1: rho 1) next; b (0,2) needs 0.2 of voter 2's
  // 0.125. MES funds {c, a} = 0.15. floor(0.15) = 0; at 1 each everything is bought, 0.35 >
  // 0.3: overshoot, so {c, a} stays (the old add1 started at 0 and funded nothing).
  const text = [
    'META',
    'key;value',
    'budget;0,3',
    'vote_type;approval',
    'PROJECTS',
    'project_id;cost',
    'a;0,1',
    'b;0,2',
    'c;0,05',
    'VOTES',
    'voter_id;vote',
    '1;a,c',
    '2;b,c',
  ].join('\n');
  const inst2 = parsePabulib(text).instance;
  assert.deepEqual(tally(inst2, 'equalshares').selected, ['c', 'a']);
  assert.deepEqual(tally(inst2, 'equalshares/add1').selected, ['c', 'a']);
});

test('2. when everything fits, the raised per-voter budget reaches it', () => {
  // Budget 100, 2 voters: a (40, voter 1), b (40, voters 1 and 2). At 50 each b goes first
  // (20 each, rho 1/2), voter 1 keeps 30 < 40: {b}. add1 raises: voter 1 keeps e - 20,
  // which reaches 40 at e = 60: {b, a} = 80 <= 100, everything funded, stop.
  const o = tally(approval(100, { a: 40, b: 40 }, [['a', 'b'], ['b']]), 'equalshares/add1');
  assert.deepEqual(o.selected, ['b', 'a']);
  assert.equal(o.endowment, 60);
  // One project (60) and two empty ballots, budget 90: 30 each, voter 1 alone cannot pay
  // 60 until e = 60; then it is funded (60 <= 90).
  const lone = tally(approval(90, { x: 60 }, [['x'], [], []]), 'equalshares/add1');
  assert.deepEqual(lone.selected, ['x']);
  assert.equal(lone.endowment, 60);
  // The skip-ahead gets there in 3 runs (B/n, 31, then straight to 60), not 30.
  assert.ok((lone.runs ?? 0) <= 3, `${lone.runs} runs`);
  // The real Warszawa 2017 Plac Wojska Polskiego file: all four fit (44,720 of 51,195).
  const w = tally(readFixture('Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb'), 'equalshares/add1');
  assert.equal(w.selected.length, 4);
});

test('3. add1 finishes at once on huge per-voter budgets, with the walk’s result', () => {
  // Budget 1e12, 3 voters: b (5e11, voters 1 and 2: rho 1/2) first, 2.5e11 each; c (3e11,
  // voter 3: rho 1). a (4e11, voter 1) needs voter 1 to keep 4e11 after b: e - 2.5e11 >=
  // 4e11, so e >= 6.5e11, and then 1.2e12 > 1e12. The walk stops at 6.5e11 and takes the
  // step before: 649,999,999,999 per voter, {b, c}. Walking would take 3.2e11 runs.
  const inst = approval(1e12, { a: 4e11, b: 5e11, c: 3e11 }, [['a', 'b'], ['b'], ['c']]);
  const o = tally(inst, 'equalshares/add1');
  assert.deepEqual(o.selected, ['b', 'c']);
  assert.equal(o.endowment, 649_999_999_999);
  assert.ok((o.runs ?? 0) < 20, `${o.runs} runs`);
  // Budget 1e12, ballots {a, b}, {b, c}, {a, c}: every project has two supporters, so all
  // three start at rho 1/2 and c (the cheapest, 3e11) wins the tie. Then a (4e11: voters 1
  // and 3, voter 3 holding e - 1.5e11) and b (5e11: voters 1 and 2, voter 2 holding the
  // same) are paid with voter 3 or 2 paying all they have below e = 3.5e11 and 4e11: rho
  // (5.5e11 - e) / 4e11 against (6.5e11 - e) / 5e11, so a is next, at 2e11 each from 3.5e11.
  // b then needs (e - 2e11) + (e - 1.5e11) >= 5e11, so e >= 4.25e11, and 1.2e12 > 1e12: the
  // walk takes 424,999,999,999 per voter, {c, a}. Near e = 3.5e11 and 4e11 the floats
  // cannot tell a step from their margin (1e-9 of 4e11 is 400 steps): a tracked run there
  // proved nothing and the walk went step by step (349 runs); rationals tell the distance.
  const ring = approval(1e12, { a: 4e11, b: 5e11, c: 3e11 }, [
    ['a', 'b'],
    ['b', 'c'],
    ['a', 'c'],
  ]);
  const r = tally(ring, 'equalshares/add1');
  assert.deepEqual(sorted(r.selected), ['a', 'c']);
  assert.equal(r.endowment, 424_999_999_999);
  assert.ok((r.runs ?? 0) < 20, `${r.runs} runs`);
  // Amounts far beyond what a double holds to the unit: the same election as
  // 100; a 60, b 50, c 40 with ballots {a}, {a, b}, {b, c}, {c}, every amount × 10^k.
  // From e = 3·10^(k−1) c (the cheapest of three tied at rho 1/2) and then a are funded;
  // from e = 4.5·10^(k−1) voter 3 keeps e − 2·10^(k−1) ≥ 2.5·10^(k−1) after c, enough for b's
  // equal share, so b is funded too and 1.5·10^k does not fit: the walk stops there and
  // takes the step before. Jumps were capped at 2^52
  // steps (1e21: 44,435 runs; 1e25: none in 60 s); the per-voter budget as a double is
  // the overshooting 4.5·10^(k−1), so the exact one is given beside it.
  for (const k of [20, 100, 300]) {
    const x = (n: number) => Number(`${n}e${k - 1}`);
    const big = approval(x(10), { a: x(6), b: x(5), c: x(4) }, [
      ['a'],
      ['a', 'b'],
      ['b', 'c'],
      ['c'],
    ]);
    const o = tally(big, 'equalshares/add1');
    assert.deepEqual(o.selected, ['c', 'a'], `1e${k}`);
    assert.equal(o.endowmentExact, `${45n * 10n ** BigInt(k - 2) - 1n}`, `1e${k}`);
    assert.ok((o.runs ?? 0) < 100, `1e${k}: ${o.runs} runs`);
  }
  // The step is one currency unit also when amounts are cents. Budget 10,000 euros,
  // a 4,050 euros (voter 1), b 4,000 euros (voters 1 and 2), in cents. Voter 1 can pay a
  // once e - 200,000 >= 405,000 cents: 605,000 is a whole euro, so both steps agree. With a
  // at 4,050.50 euros it takes e >= 605,050 cents: reached with a step of one cent, but a
  // step of one euro (100 cents) first gets there at 605,100.
  const cents = approval(1_000_000, { a: 405_000, b: 400_000 }, [['a', 'b'], ['b']]);
  const p = buildProfile(cents);
  assert.equal(mesWithCompletion(p, 'add1', { step: 1 }).endowment.toString(), '605000');
  assert.equal(mesWithCompletion(p, 'add1', { step: 100 }).endowment.toString(), '605000');
  const odd = approval(1_000_000, { a: 405_050, b: 400_000 }, [['a', 'b'], ['b']]);
  const q = buildProfile(odd);
  assert.equal(mesWithCompletion(q, 'add1', { step: 1 }).endowment.toString(), '605050');
  assert.equal(mesWithCompletion(q, 'add1', { step: 100 }).endowment.toString(), '605100');
  assert.equal(tally(odd, 'equalshares/add1', { step: 100 }).endowment, 605_100);
  // Budapest 2022 VIII (~235,769 steps from floor(B/n)) in few runs.
  const bp = tally(readFixture('Hungary_Budapest_2022_VIII_Jozsefvaros.pb'), 'equalshares/add1');
  assert.ok((bp.runs ?? 0) < 2000, `${bp.runs} runs`);
  assert.ok(bp.totalCost <= bp.budget);
});

test('4. add1-exhaustive ignores projects nobody voted for', () => {
  // Budget 18, 3 voters: v1 {p0, p1, p3}, v2 {p0, p2, p3}, v3 {p3}; Z (6) has no votes.
  // At 6 each: p3 (2, all three: rho 1/3) first, 16/3 each left. p0 (11) has 32/3 < 11
  // behind it. p1 (5, v1) and p2 (4, v2) tie at rho 1; the cheaper p2 first, then p1.
  // {p3, p2, p1} = 11, 7 left. The only open candidate, p0 (11), does not fit: exhaustive,
  // stop. Counting Z (6 <= 7) would call it not exhaustive and walk on to 7, where p0
  // becomes affordable first and the winners change.
  const inst = approval(18, { p0: 11, p1: 5, p2: 4, p3: 2, Z: 6 }, [
    ['p0', 'p1', 'p3'],
    ['p0', 'p2', 'p3'],
    ['p3'],
  ]);
  const o = tally(inst, 'equalshares/add1-exhaustive');
  assert.deepEqual(o.selected, ['p3', 'p2', 'p1']);
  assert.equal(o.endowment, 6);
});

test('5. sums are exact: Phragmén budget 0.3, greedy points 0.1 + 0.2 against 0.3', () => {
  // Phragmén: 0.1 (voter 1) and 0.2 (voter 2), budget 0.3. In floats 0.3 - 0.1 = 0.19999…
  // < 0.2 and only one was funded; exactly, 0.2 fits the 0.2 left.
  const ph = approval(0.3, { a: 0.1, b: 0.2 }, [['a'], ['b']]);
  assert.deepEqual(sorted(tally(ph, 'phragmen').selected), ['a', 'b']);
  assert.deepEqual(sorted(tally(ph, 'phragmen-stop').selected), ['a', 'b']);
  // Greedy on cumulative points: a gets 0.1 + 0.2, b gets 0.3: an exact tie (floats say
  // 0.30000000000000004 > 0.3). The tie rule (lowest cost) puts b (1) first, then a (2)
  // does not fit the 1 left of 2.
  const inst: Instance = {
    ...approval(2, { a: 2, b: 1 }, [['a'], ['a'], ['b']]),
  };
  inst.meta.vote_type = 'cumulative';
  inst.ballots.forEach((b, k) => {
    b.points = [[0.1], [0.2], [0.3]][k] as number[];
  });
  const g = tally(inst, 'greedy');
  assert.deepEqual(g.selected, ['b']);
  assert.equal(g.tieDecisions[0]?.decidedBy, 'cost');
});

test('6. default_score: the score of a project a scoring ballot does not list', () => {
  // Two voters score a: 3 (voter 1 lists only a). default_score 2: voter 1 gives b 2.
  const text = [
    'META',
    'key;value',
    'budget;5',
    'vote_type;scoring',
    'default_score;2',
    'PROJECTS',
    'project_id;cost',
    'a;5',
    'b;5',
    'VOTES',
    'voter_id;vote;points',
    '1;a;3',
    '2;b;1',
  ].join('\n');
  const p = buildProfile(parsePabulib(text).instance);
  // a: 3 (voter 1) + 2 (voter 2's default); b: 2 (voter 1's default) + 1.
  assert.deepEqual([...p.scores], [5, 3]);
  // For other vote types a non-zero default has no meaning: refused.
  assert.throws(() => buildProfile(parsePabulib(text.replace('scoring', 'cumulative')).instance));
});

test('7. zero-cost projects and empty support, per rule, with true sentences', () => {
  // Z costs 0 and has a supporter; N costs 5 and has none. Budget 10, X (10) for both.
  const inst = approval(10, { X: 10, Z: 0, N: 5 }, [['X', 'Z'], ['X']]);
  // MES (as equalshares.net's reference): a zero-cost project has no rho (0/0), never chosen.
  const mes = tally(inst, 'equalshares/add1');
  assert.deepEqual(mes.selected, ['X']);
  const z = explainProject(mes, 'Z', { lang: 'en' }).join(' ');
  assert.match(z, /costs nothing/);
  assert.doesNotMatch(z, /not enough/);
  assert.match(explainProject(mes, 'N', { lang: 'en' }).join(' '), /Nobody voted for project N\./);
  // Greedy (as pabutools): a zero-cost project always fits and is funded in its turn; N
  // (no votes) comes last and does not fit the 0 left.
  assert.deepEqual(tally(inst, 'greedy', { counts: 'ballots' }).selected, ['X', 'Z']);
  // Phragmén: Z is bought at time 0; projects without votes never.
  assert.deepEqual(sorted(tally(inst, 'phragmen').selected), ['X', 'Z']);
});

test('8. Phragmén: skip what no longer fits (default) or stop there (pabutools)', () => {
  // Budget 13. a (9; voters 1-3) is bought at time 3, leaving 4. b (7; voters 4 and 6)
  // would be next at 3.5 but does not fit; c (4; voter 5) comes at 4 and fits.
  const inst = approval(13, { a: 9, b: 7, c: 4 }, [['a'], ['a'], ['a'], ['b'], ['c'], ['b']]);
  assert.deepEqual(tally(inst, 'phragmen').selected, ['a', 'c']);
  assert.deepEqual(tally(inst, 'phragmen-stop').selected, ['a']);
});

test('11. greedy: withdrawn projects are passed by without stopping greedy-no-skip', () => {
  // w has most votes but cost 999999999 (withdrawn); greedy-no-skip goes on to y and x.
  const inst = approval(10, { w: 999_999_999, y: 6, x: 4 }, [
    ['w', 'y'],
    ['w', 'y'],
    ['w', 'x'],
  ]);
  const o = tally(inst, 'greedy-no-skip', { counts: 'ballots' });
  assert.deepEqual(o.selected, ['y', 'x']);
  const w = o.projects.find((p) => p.id === 'w');
  assert.equal(w?.facts.kind === 'greedy' && w.facts.reason, 'withdrawn');
  assert.match(explainProject(o, 'w', { lang: 'en' }).join(' '), /withdrawn after the vote/);
});

test('13. Poznań: the first project that does not fit is funded when 80 % of it is left', () => {
  // Budget 100, by votes p1 (60), p2 (50), p3 (10). p1 leaves 40 = 80 % of 50: p2 is
  // funded too, then counting stops (p3 would fit the budget but gets no turn).
  const votes = (k: number, id: string) => Array.from({ length: k }, () => [id]);
  const ballots = [...votes(10, 'p1'), ...votes(8, 'p2'), ...votes(5, 'p3')];
  const inst = approval(100, { p1: 60, p2: 50, p3: 10 }, ballots);
  assert.deepEqual(tally(inst, 'greedy-poznan').selected, ['p1', 'p2']);
  // p2 at 51: 40 < 40.8, not funded, and counting stops: p3 is not funded either.
  const dearer = approval(100, { p1: 60, p2: 51, p3: 10 }, ballots);
  assert.deepEqual(tally(dearer, 'greedy-poznan').selected, ['p1']);
});

test('10. a project named twice on a hand-built approval ballot counts once, as the reader counts it', () => {
  // Budget 2, two voters, 1 each. a (cost 2) is supported by v1 alone, named twice: v1 has
  // 1, not 2, so plain MES funds nothing; counted twice, v1 would pay a twice over.
  const inst = approval(2, { a: 2, b: 1.5 }, [['a', 'a'], ['b']]);
  const p = buildProfile(inst);
  assert.equal(p.scores[0], 1, 'one vote for a');
  assert.equal((p.start[1] ?? 0) - (p.start[0] ?? 0), 1, 'one supporter of a');
  assert.deepEqual(mesWithCompletion(p, 'none').selected, []);
  // Points or a place given twice are ambiguous: refused, as the reader refuses them.
  const cumulative: Instance = {
    ...inst,
    meta: { ...inst.meta, vote_type: 'cumulative' },
    ballots: [{ voterId: 'v1', projects: ['a', 'a'], points: [1, 2], fields: {} }],
  };
  assert.throws(() => buildProfile(cumulative), /ballot v1 names project a twice/);
});
