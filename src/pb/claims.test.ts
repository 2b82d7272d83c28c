// The explanation sentences of the Method of Equal Shares make claims ("each paid at most
// X", "the count would have chosen the project if it had cost at most X, or if k more
// residents had voted for it"). These tests read the numbers back from the English
// sentences, make the stated change, re-run the count exactly and check the claim.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { explainProject, roundFor } from './explain.js';
import { mesExactRun, mesWithCompletion, type Utility } from './mes.js';
import { buildProfile, type Profile } from './profile.js';
import { Rational } from './rational.js';
import { tally } from './rules.js';
import { elections } from './test-arbitraries.js';
import { approval } from './test-helpers.js';
import type { Instance } from './types.js';

// Random elections, approval or cumulative; small integer costs and few voters make
// "just not affordable" cases common.
const election = elections({
  maxCost: 40,
  maxBudget: 120,
  minProjects: 2,
  maxProjects: 6,
  maxVoters: 8,
  maxPoints: 4,
});

const RULES: [string, Utility, 'none' | 'add1'][] = [
  ['equalshares', 'cost', 'none'],
  ['equalshares/add1', 'cost', 'add1'],
  ['equalshares-cardinality', 'cardinality', 'none'],
];

/** The amounts in an English sentence, in order ("1,234.5" → 1234.5). */
function amounts(sentence: string): number[] {
  return [...sentence.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(',', '')));
}

/** The exact per-voter budget of the count the outcome took. */
function endowmentOf(p: Profile, utility: Utility, completion: 'none' | 'add1'): Rational {
  return mesWithCompletion(p, completion, { utility }).endowment;
}

test('"would have chosen it if it had cost at most X, or with k more residents" holds when re-run', () => {
  let costClaims = 0;
  let voterClaims = 0;
  fc.assert(
    fc.property(election, fc.constantFrom(...RULES), (inst, [rule, utility, completion]) => {
      const outcome = tally(inst, rule);
      const p = buildProfile(inst);
      const e = endowmentOf(p, utility, completion);
      for (const pr of outcome.projects) {
        if (pr.facts.kind !== 'mes' || pr.facts.reason !== 'not-affordable') continue;
        const lines = explainProject(outcome, pr.id, { lang: 'en' });
        const claim = lines.find((l) => l.startsWith('With the same equal share')) ?? '';
        assert.ok(claim, `a claim for ${pr.id}: ${lines.join(' ')}`);
        const cost = /cost at most ([\d,.]+)/.exec(claim);
        const more = /if (\d+) more residents?,/.exec(claim);
        if (cost) {
          // Any cost from just above 0 up to X: the same count chooses it.
          const x = amounts(cost[1] as string)[0] as number;
          for (const c of [x, x / 2]) {
            const changed = structuredClone(inst) as Instance;
            const target = changed.projects.find((q) => q.id === pr.id);
            if (target) target.cost = c;
            const run = mesExactRun(buildProfile(changed), e, { utility });
            const index = p.ids.indexOf(pr.id);
            assert.ok(run.selected.includes(index), `${pr.id} at cost ${c}: ${claim}`);
          }
          costClaims++;
        }
        if (more) {
          // k new residents, each voting for this project only and bringing a full share.
          const k = Number(more[1]);
          const changed = structuredClone(inst) as Instance;
          for (let j = 0; j < k; j++) {
            changed.ballots.push({
              voterId: `new${j}`,
              projects: [pr.id],
              ...(changed.meta.vote_type === 'cumulative' ? { points: [1] } : {}),
              fields: {},
            });
          }
          const run = mesExactRun(buildProfile(changed), e, { utility });
          assert.ok(run.selected.includes(p.ids.indexOf(pr.id)), `${pr.id}: ${claim}`);
          voterClaims++;
        }
      }
    }),
    { numRuns: 200 },
  );
  console.log(`checked by re-running: ${costClaims} cost claims, ${voterClaims} supporter claims`);
  assert.ok(costClaims > 50 && voterClaims > 50);
});

test('"each paid at most X (per point)" holds for every supporter of every funded project', () => {
  let claims = 0;
  fc.assert(
    fc.property(election, fc.constantFrom(...RULES), (inst, [rule, utility, completion]) => {
      const outcome = tally(inst, rule);
      const p = buildProfile(inst);
      const run = mesExactRun(p, endowmentOf(p, utility, completion), { utility });
      const left: Rational[] = new Array(p.n).fill(endowmentOf(p, utility, completion));
      // Replay the count exactly: each supporter pays min(what is left, share × points).
      const paidMost = new Map<number, Rational>();
      for (const c of run.selected) {
        // The exact share: the cost spread over what the supporters can pay.
        const share = shareOf(p, c, left);
        let most = Rational.ZERO;
        for (let k = p.start[c] as number; k < (p.start[c + 1] as number); k++) {
          const v = p.voters[k] as number;
          const w = Rational.fromNumber(p.weights[k] as number);
          const b = left[v] as Rational;
          const due = share.mul(w);
          const pay = b.lt(due) ? b : due;
          left[v] = b.sub(pay);
          const perPoint = pay.div(w);
          if (most.lt(perPoint)) most = perPoint;
        }
        paidMost.set(c, most);
      }
      for (const pr of outcome.projects) {
        if (pr.facts.kind !== 'mes' || pr.facts.reason !== 'funded') continue;
        const c = p.ids.indexOf(pr.id);
        const most = paidMost.get(c);
        if (!most) continue; // funded by a later step than this count
        const line =
          explainProject(outcome, pr.id, { lang: 'en' }).find((l) => l.includes('paid at most')) ??
          '';
        const shown = amounts(/paid at most ([\d,.]+)/.exec(line)?.[1] ?? '')[0] as number;
        assert.ok(!Rational.fromNumber(shown).lt(most), `${pr.id}: ${line} (paid ${most})`);
        assert.equal(line.includes('per point'), inst.meta.vote_type === 'cumulative', line);
        claims++;
      }
    }),
    { numRuns: 200 },
  );
  console.log(`"paid at most" claims checked against exact payments: ${claims}`);
  assert.ok(claims > 100);
});

/** The exact MES share of project c at budgets `left`: water-filling in rationals. */
function shareOf(p: Profile, c: number, left: Rational[]): Rational {
  const cost = Rational.fromNumber(p.costs[c] as number);
  let poor = new Set<number>();
  for (;;) {
    let paidByPoor = Rational.ZERO;
    let richWeight = Rational.ZERO;
    for (let k = p.start[c] as number; k < (p.start[c + 1] as number); k++) {
      if (poor.has(k)) paidByPoor = paidByPoor.add(left[p.voters[k] as number] as Rational);
      else richWeight = richWeight.add(Rational.fromNumber(p.weights[k] as number));
    }
    const share = cost.sub(paidByPoor).div(richWeight);
    const next = new Set<number>();
    for (let k = p.start[c] as number; k < (p.start[c + 1] as number); k++) {
      const w = Rational.fromNumber(p.weights[k] as number);
      if ((left[p.voters[k] as number] as Rational).lt(share.mul(w))) next.add(k);
    }
    if (next.size === poor.size) return share;
    poor = next;
  }
}

test('amounts in claims are rounded in the direction that keeps them true', () => {
  // "paid at most": up; "would have been chosen at this cost or less", "had left": down.
  // To the decimals shown: cents (also from 100 on), about 4 significant digits below that.
  assert.equal(roundFor(1234.4, 'up'), 1234.4);
  assert.equal(roundFor(1234.4, 'down'), 1234.4);
  assert.equal(roundFor(1234.567, 'up'), 1234.57);
  assert.equal(roundFor(1234.567, 'down'), 1234.56);
  assert.equal(roundFor(12.341, 'up'), 12.35);
  assert.equal(roundFor(12.349, 'down'), 12.34);
  assert.equal(roundFor(150.7, 'up'), 150.7);
  assert.equal(roundFor(50, 'up'), 50);
  assert.equal(roundFor(0.0025, 'up'), 0.0025);
  assert.equal(roundFor(1 / 3000, 'up'), 0.0003334);
  assert.equal(roundFor(1 / 3000, 'down'), 0.0003333);
  // Before: "would have been funded if it had cost at most 1,235" for 1,234.6 left.
  const inst = approval(3000, { a: 2000, b: 1300 }, [['a'], ['a'], ['a', 'b']]);
  const outcome = tally(inst, 'equalshares');
  const lines = explainProject(outcome, 'b', { lang: 'en' });
  // Voter 3 paid 2000/3 for a and has 1000 - 666.67 = 333.33… left: 333.33 shown, not
  // 333.34 rounded up, and 333.33 is a cost at which the count chooses b.
  assert.deepEqual(lines.slice(1), [
    'Project b costs 1,300. At the end, the residents who voted for it had 333.33 left together. That was not enough.',
    'With the same equal share per resident, the count would have chosen project b if it had cost at most 333.33, or if 1 more resident, each with that share, had voted for it.',
  ]);
});
