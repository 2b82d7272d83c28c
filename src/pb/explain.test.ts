// The explanation sentences must be true of the case they tell about: amounts shown so that
// a sentence does not contradict itself, percentages that do not round to "all" or
// "nobody", a reason for every project that is not funded, and well-formed sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { explainElection, explainProject } from './explain.js';
import { LANGS } from './messages.js';
import { parsePabulib } from './pabulib.js';
import { RULES, tally } from './rules.js';
import { elections } from './test-arbitraries.js';
import { approval } from './test-helpers.js';

/** A pabulib file from its lines. */
function pb(...lines: string[]) {
  return parsePabulib(`${lines.join('\n')}\n`).instance;
}

/** Both explanations, project first, as one list of lines. */
function explain(rule: string, inst: ReturnType<typeof pb>, id: string, lang: 'nl' | 'en') {
  const o = tally(inst, rule);
  const text = { lang, ...(inst.meta.currency ? { currency: inst.meta.currency } : {}) };
  return [...explainProject(o, id, text), ...explainElection(o, text)];
}

// Budget 150.60; a (150.70) does not fit, b (100.40) does.
const CENTS = pb(
  'META',
  'key;value',
  'budget;150.6',
  'currency;EUR',
  'vote_type;approval',
  'PROJECTS',
  'project_id;cost',
  'a;150.7',
  'b;100.4',
  'VOTES',
  'voter_id;vote',
  '1;a',
  '2;a',
  '3;b',
);

test('amounts of 100 or more keep their cents, so cost and what was left differ', () => {
  const en = explain('greedy', CENTS, 'a', 'en');
  assert.ok(
    en.includes('Project a was number 1 in the ranking. When its turn came, €150.60 was left.'),
    en.join('\n'),
  );
  assert.ok(
    en.includes('Project a costs €150.70. Only €150.60 was left. That is not enough.'),
    en.join('\n'),
  );
  assert.ok(en.includes('Of the budget of €150.60, €50.20 is left over.'), en.join('\n'));
  const nl = explain('greedy', CENTS, 'a', 'nl').join('\n');
  assert.match(nl, /Project a kost €\s150,70\. Er was nog maar €\s150,60 over\./);
  assert.match(nl, /Van het budget van €\s150,60 blijft €\s50,20 over\./);
  // Whole amounts stay without decimals.
  const whole = explain(
    'greedy',
    approval(1500, { a: 1000, b: 600 }, [['a'], ['a'], ['b']]),
    'b',
    'en',
  );
  assert.ok(
    whole.includes('Project b costs 600. Only 500 was left. That is not enough.'),
    whole.join('\n'),
  );
});

test('amounts below a cent are shown with the digits they need, never as 0.00', () => {
  const tiny = pb(
    'META',
    'key;value',
    'budget;0.01',
    'vote_type;approval',
    'PROJECTS',
    'project_id;cost',
    'x;0.005',
    'y;0.004',
    'VOTES',
    'voter_id;vote',
    '1;x',
    '2;x',
    '3;y',
    '4;y',
  );
  const en = explain('equalshares', tiny, 'x', 'en').join('\n');
  assert.match(en, /Each resident had an equal share of 0\.0025 to pay with\./);
  assert.match(en, /Each paid at most 0\.0025 of their share/);
  assert.match(en, /Of the budget of 0\.01, 0\.001 is left over\./);
  assert.doesNotMatch(en, /0\.00(?!\d)/);
  // Two different amounts in one sentence never look the same: more digits where needed.
  const close = explain('greedy', approval(0.005, { x: 0.0050001 }, [['x']]), 'x', 'en');
  assert.ok(
    close.includes('Project x costs 0.0050001. Only 0.005 was left. That is not enough.'),
    close.join('\n'),
  );
});

test('coverage is 100% only when everybody is covered, 0% only when nobody is', () => {
  const ballots = [...Array.from({ length: 249 }, () => ['a']), ['b']];
  const most = explainElection(tally(approval(100, { a: 100, b: 100 }, ballots), 'greedy'), {
    lang: 'en',
  });
  assert.ok(
    most.includes('99.6% of residents voted for at least one funded project.'),
    most.join('\n'),
  );
  const nl = explainElection(tally(approval(100, { a: 100, b: 100 }, ballots), 'greedy'), {
    lang: 'nl',
  });
  assert.match(nl.join('\n'), /^99,6% van de bewoners/m);
  const one = [['a'], ...Array.from({ length: 249 }, () => ['b'])];
  const least = explainElection(tally(approval(100, { a: 100, b: 200 }, one), 'greedy'), {
    lang: 'en',
  });
  assert.ok(
    least.includes('0.4% of residents voted for at least one funded project.'),
    least.join('\n'),
  );
  const all = explainElection(tally(approval(100, { a: 100 }, [['a'], ['a']]), 'greedy'), {
    lang: 'en',
  });
  assert.ok(all.includes('100% of residents voted for at least one funded project.'));
  const none = explainElection(tally(approval(10, { a: 100 }, [['a']]), 'greedy'), { lang: 'en' });
  assert.ok(none.includes('0% of residents voted for at least one funded project.'));
});

test('Phragmén: a project that is not funded gets its reason', () => {
  const file = (budget: number) =>
    pb(
      'META',
      'key;value',
      `budget;${budget}`,
      'vote_type;approval',
      'PROJECTS',
      'project_id;cost',
      'a;60',
      'b;50',
      'c;40',
      'VOTES',
      'voter_id;vote',
      '1;a',
      '2;a,b',
      '3;b,c',
      '4;c',
    );
  // c (time 20) and a (time 30) are bought before b (time 35); then b no longer fits.
  assert.deepEqual(explainProject(tally(file(100), 'phragmen'), 'b', { lang: 'en' }), [
    'Project b is not funded.',
    'Project b costs 50. When counting ended, nothing was left. That is not enough.',
  ]);
  assert.deepEqual(explainProject(tally(file(110), 'phragmen'), 'b', { lang: 'nl' }), [
    'Project b krijgt geen geld.',
    'Project b kost 50. Toen het tellen klaar was, was er nog maar 10 over. Dat is te weinig.',
  ]);
  // phragmen-stop: b is next in turn and does not fit, so counting stops.
  assert.deepEqual(explainProject(tally(file(110), 'phragmen-stop'), 'b', { lang: 'en' }), [
    'Project b is not funded.',
    'Counting stopped when the next project to be chosen no longer fitted: only 10 was left. Until then, project b had not been chosen.',
  ]);
  assert.deepEqual(explainProject(tally(file(100), 'phragmen-stop'), 'b', { lang: 'nl' }), [
    'Project b krijgt geen geld.',
    'Het tellen stopte toen het volgende project niet meer paste: er was niets meer over. Tot dan was project b niet gekozen.',
  ]);
});

test('greedy-no-skip: a project that got no turn is not told what was left at its turn', () => {
  const inst = pb(
    'META',
    'key;value',
    'budget;100',
    'vote_type;approval',
    'rule;greedy',
    'PROJECTS',
    'project_id;cost;votes;selected',
    'p3;50;2;1',
    'p1;60;2;0',
    'p2;50;1;1',
    'VOTES',
    'voter_id;vote',
    '1;p1,p3',
    '2;p1,p3',
    '3;p2',
  );
  assert.deepEqual(explainProject(tally(inst, 'greedy-no-skip'), 'p2', { lang: 'en' }), [
    'Project p2 is not funded.',
    'Project p2 was number 3 in the ranking.',
    'Counting stopped earlier, at a project that no longer fitted. After that, project p2 did not get a turn.',
  ]);
  assert.deepEqual(explainProject(tally(inst, 'greedy-no-skip'), 'p2', { lang: 'nl' }), [
    'Project p2 krijgt geen geld.',
    'Project p2 stond op plaats 3 van de ranglijst.',
    'Het tellen stopte eerder, bij een project dat niet meer paste. Daarna kwam project p2 niet meer aan de beurt.',
  ]);
});

test('greedy-poznan: counting stopped after the project funded under the 80% rule, with reserves', () => {
  // a fits (40 left); b (50) does not, but 40 is 80% of it: funded, then counting stops.
  const inst = approval(100, { a: 60, b: 50, c: 10 }, [['a'], ['a'], ['a'], ['b'], ['b'], ['c']]);
  const o = tally(inst, 'greedy-poznan');
  assert.deepEqual(o.selected, ['a', 'b']);
  assert.deepEqual(explainProject(o, 'c', { lang: 'en' }).slice(2), [
    'Counting stopped earlier, after a project that was funded under the 80% rule: at least 80% of its cost was left. After that, project c did not get a turn.',
  ]);
  assert.deepEqual(explainProject(o, 'c', { lang: 'nl' }).slice(2), [
    'Het tellen stopte eerder, na een project dat geld kreeg volgens de 80%-regel: er was nog minstens 80% van de kosten over. Daarna kwam project c niet meer aan de beurt.',
  ]);
  // a and b cost 110 of the 100: nothing is left over, 10 came from reserves.
  assert.ok(
    explainElection(o, { lang: 'en' }).includes(
      'The budget of 100 is used up. 10 more came from reserves.',
    ),
  );
  assert.ok(
    explainElection(o, { lang: 'nl' }).includes(
      'Het budget van 100 is helemaal op. Er kwam 10 extra uit de reserve.',
    ),
  );
  // Poznań's rule also stops at a project that does not fit and gets no 80%: as before.
  const short = tally(
    approval(100, { a: 60, b: 60, c: 10 }, [['a'], ['a'], ['a'], ['b'], ['b'], ['c']]),
    'greedy-poznan',
  );
  assert.match(
    explainProject(short, 'c', { lang: 'en' }).join(' '),
    /at a project that no longer fitted/,
  );
});

test('one resident, one vote: singular in both languages', () => {
  const o = tally(CENTS, 'equalshares/add1-comparison');
  assert.equal(o.comparison?.kept, 'greedy');
  assert.ok(
    explainElection(o, { lang: 'en' }).includes(
      'The outcome by most votes was chosen: 1 resident preferred it, 0 residents preferred the equal-shares outcome.',
    ),
  );
  assert.ok(
    explainElection(o, { lang: 'nl' }).includes(
      'De uitslag volgens de meeste stemmen werd gekozen: 1 bewoner vond die beter, 0 bewoners de uitslag met gelijke delen.',
    ),
  );
  // One resident paid all of it: the project counts as 1 vote.
  const single = tally(approval(10, { a: 5 }, [['a']]), 'equalshares');
  assert.match(explainProject(single, 'a', { lang: 'en' }).join(' '), /counts as 1 vote \(/);
  assert.match(explainProject(single, 'a', { lang: 'nl' }).join(' '), /telt als 1 stem \(/);
});

test('every sentence of every rule starts with a capital and uses singular for 1', () => {
  const election = elections({ maxCost: 30, maxBudget: 60, maxProjects: 5, maxVoters: 6 });
  fc.assert(
    fc.property(election, fc.constantFrom(...RULES.keys()), (inst, rule) => {
      const o = tally(inst, rule);
      for (const lang of LANGS) {
        const lines = [
          ...o.projects.flatMap((pr) => explainProject(o, pr.id, { lang })),
          ...explainElection(o, { lang }),
        ];
        for (const line of lines) {
          for (const sentence of line.split(/(?<=[.!?])\s+/)) {
            assert.doesNotMatch(sentence, /^\p{Ll}/u, `${rule}: ${line}`);
          }
          // (1 alone: "1,1 stemmen" and "1.1 votes" are plural.)
          assert.doesNotMatch(
            line,
            /(?<![\d.,])1 (residents|bewoners|votes|stemmen)\b/,
            `${rule}: ${line}`,
          );
          assert.doesNotMatch(line, /-\d/, `${rule}: no amount below 0: ${line}`);
        }
      }
      for (const pr of o.projects) {
        if (pr.selected) continue;
        // A project not funded is told why: more than the line that says so.
        const lines = explainProject(o, pr.id, { lang: 'en' });
        assert.ok(lines.length > 1, `${rule}: ${lines.join(' ')}`);
        if (pr.facts.kind === 'greedy' && pr.facts.reason === 'stopped')
          assert.doesNotMatch(lines.join(' '), /When its turn came/, rule);
      }
    }),
    { numRuns: 150 },
  );
});

test('greedy: nothing left is said in words, not as an amount of 0', () => {
  // Budget 100: a (100, two votes) takes it all; b (50) finds nothing left at its turn.
  const inst = approval(100, { a: 100, b: 50 }, [['a'], ['a'], ['b']]);
  const en = explain('greedy', inst, 'b', 'en');
  assert.ok(
    en.includes('Project b was number 2 in the ranking. When its turn came, nothing was left.'),
    en.join('\n'),
  );
  assert.ok(en.includes('Project b costs 50. Nothing was left.'), en.join('\n'));
  const nl = explain('greedy', inst, 'b', 'nl');
  assert.ok(
    nl.includes(
      'Project b stond op plaats 2 van de ranglijst. Toen het aan de beurt was, was er niets meer over.',
    ),
    nl.join('\n'),
  );
  assert.ok(nl.includes('Project b kost 50. Er was niets meer over.'), nl.join('\n'));
  assert.ok(!nl.join(' ').includes('nog maar 0'), nl.join('\n'));
});

test('a tie of hundreds names five projects and counts the rest, so explanations stay small', () => {
  // 300 projects of cost 1 and nobody voted, budget 10: greedy breaks a tie among all of
  // them at each of its first turns. Every project's explanation naming every tied
  // project made the calculator's page grow with the square of the projects.
  const lines = ['META', 'key;value', 'budget;10', 'vote_type;approval', 'PROJECTS'];
  lines.push('project_id;cost', ...Array.from({ length: 300 }, (_, k) => `p${k + 1};1`));
  const inst = pb(...lines, 'VOTES', 'voter_id;vote', '1;p1');
  for (const lang of LANGS) {
    const o = tally(inst, 'greedy');
    const said = explainProject(o, 'p250', { lang }).join('\n');
    const ties = said.split('\n').filter((l) => /^(Gelijke stand|Tie)/.test(l));
    assert.ok(ties.length > 0, 'the ties are told');
    for (const tie of ties) {
      assert.match(tie, /project p250\b/, 'the project explained is named');
      assert.match(tie, lang === 'nl' ? / en 29\d andere projecten:/ : / and 29\d other projects:/);
      // Five of the tied named, and the chosen one again as the one that went first.
      assert.ok((tie.match(/project p\d+/g) ?? []).length <= 6, tie);
    }
    assert.ok(said.length < 2000, `${said.length} characters`);
  }
});

test('a file without ballots: no resident with a share, no share of residents, said so', () => {
  // Before: "Elke bewoner had een gelijk deel van 100" and "0% van de bewoners …" of nobody.
  const inst = pb(
    ...['META', 'key;value', 'budget;100', 'vote_type;approval', 'PROJECTS', 'project_id;cost'],
    ...['1;40', '2;70', 'VOTES', 'voter_id;vote'],
  );
  for (const rule of ['equalshares/add1', 'equalshares', 'greedy', 'phragmen']) {
    const o = tally(inst, rule);
    assert.equal(o.voters, 0);
    const nl = explainElection(o, { lang: 'nl' });
    assert.ok(nl.includes('Er is niet gestemd: het bestand heeft geen stemmen.'), rule);
    assert.ok(!nl.some((l) => /gelijk deel|van de bewoners/.test(l)), `${rule}: ${nl.join(' ')}`);
    const en = explainElection(o, { lang: 'en' });
    assert.ok(en.includes('Nobody voted: the file has no ballots.'), rule);
    assert.ok(!en.some((l) => /equal share|of residents/.test(l)), `${rule}: ${en.join(' ')}`);
  }
  // With one ballot the coverage is said again.
  const one = parsePabulib(
    'META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;40\nVOTES\nvoter_id;vote\nv;1\n',
  ).instance;
  assert.match(
    explainElection(tally(one, 'greedy'), { lang: 'nl' }).join(' '),
    /100% van de bewoners/,
  );
});

test('supporters who spent exactly all they had are told they had nothing left, not float residue', () => {
  // Per-voter budget 2 (add1). v1 pays 1 point × 2/7 for p0 and 4 points × 3/7 for p1:
  // 2 − 2/7 − 12/7 = 0 exactly, but 2.2e-16 in doubles. p3 (cost 1, only v1) was explained
  // with "had 0.000000000000000222 left" and "if it had cost at most 0.000000000000000222",
  // which an exact re-run refutes (found by the claims property test, seed 331497860).
  const inst = pb(
    ...['META', 'key;value', 'budget;7', 'vote_type;cumulative', 'PROJECTS', 'project_id;cost'],
    ...['p0;4', 'p1;3', 'p2;1', 'p3;1', 'VOTES', 'voter_id;vote;points'],
    ...['v1;p0,p1,p3;1,4,1', 'v2;p0;4', 'v3;p0,p1;1,1', 'v4;p0;4', 'v5;p0,p1;4,2'],
  );
  const o = tally(inst, 'equalshares/add1');
  assert.deepEqual(o.selected, ['p0', 'p1']);
  const p3 = o.projects.find((p) => p.id === 'p3');
  assert.equal(p3?.facts.kind === 'mes' && p3.facts.moneyLeft, 0);
  const en = explainProject(o, 'p3', { lang: 'en' }).join(' ');
  assert.match(en, /had nothing left together/);
  assert.doesNotMatch(en, /cost at most|0\.0000/);
  assert.match(en, /if 1 more resident/);
  const nl = explainProject(o, 'p3', { lang: 'nl' }).join(' ');
  assert.match(nl, /hadden aan het eind samen niets meer over/);
});
