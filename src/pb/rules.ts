/**
 * The rules registry: maps rule names (as in pabulib's `rule` META key) to functions, and
 * `tally` runs one on an instance and returns the outcome with its explanation facts.
 */
import { exactScores, greedy, greedyOrder, projectResults } from './greedy.js';
import { type Completion, exactCost, mesFacts, mesWithCompletion, type Utility } from './mes.js';
import type { Lang } from './messages.js';
import type { Comparison, Outcome, ProjectResult } from './outcome.js';
import { PabulibError, readNumber } from './pabulib.js';
import { type PhragmenVariant, phragmen } from './phragmen.js';
import { buildProfile, type Profile } from './profile.js';
import { Rational } from './rational.js';
import type { TieDecision, TieMode } from './ties.js';
import type { Instance } from './types.js';

export interface TallyOptions {
  /**
   * How ties are decided. Default: `default` (see {@link TieMode}); for greedy rules
   * counted with the file's counts, `file` (the official order).
   */
  ties?: TieMode;
  /** For MES rules: overrides the completion the rule name implies. */
  completion?: Completion;
  /**
   * Greedy rules: `file` (default) orders by the PROJECTS section's `score` column, else
   * its `votes` column, when the file has one: the official counts, which may include
   * ballots not in VOTES (pabulib format; pabulib's checker does the same). `ballots`
   * recounts from VOTES.
   */
  counts?: 'file' | 'ballots';
  /**
   * add1's step: one currency unit in the instance's amounts (100 when amounts are cents).
   * Default 1.
   */
  step?: number;
  /** Project ids that win every tie (used by `pb check` to find an "up to ties" match). */
  prefer?: readonly string[];
}

/**
 * The official counts of the PROJECTS section (`score`, else `votes`), exactly, or
 * undefined when there is no such column or a value is not a number.
 */
export function fileCounts(instance: Instance): { column: string; scores: Rational[] } | undefined {
  const column = instance.projectColumns.includes('score')
    ? 'score'
    : instance.projectColumns.includes('votes')
      ? 'votes'
      : undefined;
  if (!column) return undefined;
  const scores: Rational[] = [];
  for (const pr of instance.projects) {
    const x = readNumber(pr.fields[column] ?? '');
    if (Number.isNaN(x)) return undefined;
    scores.push(Rational.fromNumber(x));
  }
  return { column, scores };
}

export interface RuleSpec {
  name: string;
  /**
   * One line for people choosing a rule, in each interface language (a missing one does
   * not compile): the Dutch at B1 level, for the web pages (the calculator's and a budget
   * round's rule choice, their results); the English also as written in pabulib terms.
   */
  description: Readonly<Record<Lang, string>>;
  /**
   * META keys the rule cannot count without (greedy-threshold: the least score a funded
   * project needs); {@link tally} refuses an instance that lacks one. A budget round has
   * no such keys, so it is not offered these rules.
   */
  needs?: readonly string[];
  run(p: Profile, instance: Instance, opts: TallyOptions): Omit<Outcome, 'rule' | 'ties'>;
}

/**
 * Marks project c's supporters in `hit` (one byte per voter); returns how many were not
 * marked yet. A loop of its own: this runs once per count, and as a loop of `finish`,
 * followed by a for…of over every voter, it ran unoptimised and made an iterator result
 * per voter (3.5 MB of garbage on Łódź 2022).
 */
function markSupporters(p: Profile, c: number, hit: Uint8Array): number {
  let added = 0;
  for (let k = p.start[c] as number; k < (p.start[c + 1] as number); k++) {
    const v = p.voters[k] as number;
    added += 1 - (hit[v] as number);
    hit[v] = 1;
  }
  return added;
}

function finish(
  p: Profile,
  selected: number[],
  projects: ProjectResult[],
  tieDecisions: TieDecision[],
): Omit<Outcome, 'rule' | 'ties'> {
  // Summed exactly (costs as written in decimal), so that 0.1 + 0.2 of a budget of 0.3
  // is 0.3 and nothing is left, not 0.30000000000000004 and -5.6e-17.
  const total = exactCost(p, selected);
  const hit = new Uint8Array(p.n);
  let covered = 0;
  for (const c of selected) covered += markSupporters(p, c, hit);
  return {
    budget: p.budget,
    selected: selected.map((c) => p.ids[c] as string),
    totalCost: total.toNumber(),
    leftover: Rational.fromNumber(p.budget).sub(total).toNumber(),
    coverage: p.n > 0 ? covered / p.n : 0,
    projects,
    tieDecisions,
  };
}

function greedyRule(
  name: string,
  description: RuleSpec['description'],
  variant: 'skip' | 'no-skip' | 'threshold' | 'per-cost' | 'poznan',
): RuleSpec {
  return {
    name,
    description,
    ...(variant === 'threshold' ? { needs: ['min_project_score_threshold'] } : {}),
    run(p, instance, opts) {
      // (tally refuses a file without it, the reader one whose value is not a number.)
      const thresholdText = instance.meta.min_project_score_threshold;
      const threshold =
        variant === 'threshold' && thresholdText !== undefined
          ? readNumber(thresholdText)
          : Number.NaN;
      const official = opts.counts === 'ballots' ? undefined : fileCounts(instance);
      const scores = official?.scores ?? exactScores(p);
      const r = greedy(p, {
        ties: opts.ties ?? (official ? 'file' : 'default'),
        noSkip: variant === 'no-skip',
        poznan: variant === 'poznan',
        perCost: variant === 'per-cost',
        scores,
        ...(Number.isNaN(threshold) ? {} : { threshold: Rational.fromNumber(threshold) }),
      });
      return {
        ...finish(
          p,
          r.selected,
          projectResults(p, r.selected, r.facts, scores) as ProjectResult[],
          r.tieDecisions,
        ),
        counts: official ? `file:${official.column}` : 'ballots',
      };
    },
  };
}

function mesRule(
  name: string,
  description: RuleSpec['description'],
  utility: Utility,
  completion: Completion,
  compare = false,
): RuleSpec {
  return {
    name,
    description,
    run(p, _instance, opts) {
      const ties = opts.ties ?? 'default';
      const chosenCompletion = opts.completion ?? completion;
      const r = mesWithCompletion(p, chosenCompletion, {
        utility,
        ties,
        ...(opts.step !== undefined ? { step: opts.step } : {}),
      });
      let selected = r.selected;
      let projects = projectResults(p, selected, mesFacts(p, r)) as ProjectResult[];
      const tieDecisions = [...r.tieDecisions];
      let comparison: Comparison | undefined;
      if (compare) {
        // Wieliczka 2023: compare with greedy; each voter prefers the outcome funding more
        // of the projects they voted for; greedy is taken only if more voters prefer it.
        const g = greedy(p, { ties });
        const count = (sel: number[]): Int32Array => {
          const k = new Int32Array(p.n);
          for (const c of sel) {
            for (let j = p.start[c] as number; j < (p.start[c + 1] as number); j++) {
              const v = p.voters[j] as number;
              k[v] = (k[v] as number) + 1;
            }
          }
          return k;
        };
        const a = count(selected);
        const bq = count(g.selected);
        let prefersMes = 0;
        let prefersGreedy = 0;
        for (let v = 0; v < p.n; v++) {
          if ((a[v] as number) > (bq[v] as number)) prefersMes++;
          else if ((bq[v] as number) > (a[v] as number)) prefersGreedy++;
        }
        const kept = prefersGreedy > prefersMes ? 'greedy' : 'mes';
        comparison = {
          prefersMes,
          prefersGreedy,
          kept,
          mesSelected: selected.map((c) => p.ids[c] as string),
          greedySelected: g.selected.map((c) => p.ids[c] as string),
        };
        if (kept === 'greedy') {
          selected = g.selected;
          projects = projectResults(p, selected, g.facts) as ProjectResult[];
          tieDecisions.push(...g.tieDecisions);
        }
      }
      return {
        ...finish(p, selected, projects, tieDecisions),
        endowment: r.endowment.toNumber(),
        ...(Rational.fromNumber(r.endowment.toNumber()).cmp(r.endowment) !== 0
          ? { endowmentExact: r.endowment.toString() }
          : {}),
        completion: chosenCompletion,
        pointBallots: p.voteType !== 'approval' && p.voteType !== 'choose-1',
        exactRuns: r.exactRuns,
        runs: r.runs,
        ...(comparison ? { comparison } : {}),
      };
    },
  };
}

function phragmenRule(
  name: string,
  description: RuleSpec['description'],
  variant: PhragmenVariant,
): RuleSpec {
  return {
    name,
    description,
    run(p, _instance, opts) {
      const r = phragmen(p, opts.ties ?? 'default', false, variant);
      return finish(
        p,
        r.selected,
        projectResults(p, r.selected, r.facts) as ProjectResult[],
        r.tieDecisions,
      );
    },
  };
}

// The Dutch descriptions follow the definitions in docs/decisions/0006; "meeste stemmen
// eerst" is greedy, "methode van gelijke delen" the Method of Equal Shares (MES).
const SPECS: RuleSpec[] = [
  greedyRule(
    'greedy',
    {
      nl: 'Meeste stemmen eerst: de plannen met de meeste stemmen (of punten) krijgen als eerste geld. Past een plan niet meer in het budget, dan wordt het overgeslagen.',
      en: 'Fund projects by score; skip one that no longer fits.',
    },
    'skip',
  ),
  greedyRule(
    'greedy-no-skip',
    {
      nl: 'Meeste stemmen eerst, zonder overslaan: de plannen met de meeste stemmen (of punten) krijgen als eerste geld. Bij het eerste plan dat niet meer in het budget past, stopt het tellen.',
      en: 'Fund projects by score; stop at the first that does not fit.',
    },
    'no-skip',
  ),
  greedyRule(
    'greedy-threshold',
    {
      nl: 'Meeste stemmen eerst, maar alleen voor plannen met minstens zoveel stemmen (of punten) als META min_project_score_threshold zegt. Past een plan niet meer in het budget, dan wordt het overgeslagen.',
      en: 'Greedy among projects whose score reaches META min_project_score_threshold.',
    },
    'threshold',
  ),
  greedyRule(
    'greedy-per-cost',
    {
      nl: 'Zoals meeste stemmen eerst, maar de volgorde is het aantal stemmen (of punten) gedeeld door de kosten. Past een plan niet meer in het budget, dan wordt het overgeslagen.',
      en: 'Fund projects by score per unit of cost; skip what no longer fits.',
    },
    'per-cost',
  ),
  mesRule(
    'equalshares',
    {
      nl: 'Methode van gelijke delen: elke stemmer krijgt een even groot deel van het budget en betaalt daarmee mee aan de plannen waarop hij stemde. Zonder aanvulling, dus er kan geld overblijven.',
      en: 'Method of Equal Shares, cost utilities, no completion.',
    },
    'cost',
    'none',
  ),
  mesRule(
    'equalshares/add1',
    {
      nl: 'Methode van gelijke delen met add1 (de standaard; zo tellen officiële verkiezingen): elke stemmer krijgt een even groot deel van het budget en betaalt mee aan de plannen waarop hij stemde. Dat deel gaat steeds 1 omhoog zolang de uitkomst in het budget past.',
      en: 'Method of Equal Shares, cost utilities, add1 completion (official elections; the default).',
    },
    'cost',
    'add1',
  ),
  mesRule(
    'equalshares/add1-comparison',
    {
      nl: 'Methode van gelijke delen met add1, vergeleken met meeste stemmen eerst (zoals in Wieliczka 2023). Elke stemmer telt voor de uitkomst die meer van zijn plannen geld geeft; meeste stemmen eerst wint alleen als die uitkomst meer stemmers heeft.',
      en: 'equalshares/add1, then kept only if no more voters prefer the greedy outcome (Wieliczka 2023).',
    },
    'cost',
    'add1',
    true,
  ),
  mesRule(
    'equalshares/add1-exhaustive',
    {
      nl: 'Methode van gelijke delen met add1 zoals in pabutools: het deel per stemmer gaat steeds 1 omhoog, tot er geen plan met stemmen meer bij past of de uitkomst te duur wordt.',
      en: 'Method of Equal Shares, add1 as in pabutools.',
    },
    'cost',
    'add1-exhaustive',
  ),
  mesRule(
    'equalshares/add1u',
    {
      nl: 'Methode van gelijke delen met add1. Het geld dat daarna over is, gaat naar de plannen met de meeste stemmen (of punten) die nog passen.',
      en: 'Method of Equal Shares with add1, then greedy on what is left.',
    },
    'cost',
    'add1u',
  ),
  mesRule(
    'equalshares-cardinality',
    {
      nl: 'Methode van gelijke delen waarin elk plan even zwaar telt, wat het ook kost: elke stemmer krijgt een even groot deel van het budget en betaalt mee aan de plannen waarop hij stemde. Zonder aanvulling, dus er kan geld overblijven.',
      en: 'Method of Equal Shares, cardinality utilities, no completion.',
    },
    'cardinality',
    'none',
  ),
  mesRule(
    'equalshares-cardinality/add1',
    {
      nl: 'Methode van gelijke delen met add1, waarin elk plan even zwaar telt, wat het ook kost: elke stemmer krijgt een even groot deel van het budget en betaalt mee. Dat deel gaat steeds 1 omhoog zolang de uitkomst in het budget past.',
      en: 'Method of Equal Shares, cardinality utilities, add1 completion.',
    },
    'cardinality',
    'add1',
  ),
  greedyRule(
    'greedy-poznan',
    {
      nl: 'De regel van Poznań (pabulib greedy-custom, unit Poznań): meeste stemmen eerst. Bij het eerste plan dat niet past, stopt het tellen; dat plan krijgt toch geld als er nog minstens 80% van zijn kosten over is.',
      en: "Poznań's rule (pabulib greedy-custom, unit Poznań): greedy by votes; the first project that does not fit is still funded when at least 80% of its cost is left, then counting stops.",
    },
    'poznan',
  ),
  phragmenRule(
    'phragmen',
    {
      nl: 'Phragmén, stap voor stap: elke stemmer spaart even snel geld, en een plan wordt gekocht zodra zijn stemmers samen genoeg hebben. Past een plan niet meer in het budget, dan wordt het overgeslagen.',
      en: 'Sequential Phragmén: supporters earn money over time and buy what they can; a project that no longer fits is skipped.',
    },
    'skip',
  ),
  phragmenRule(
    'phragmen-stop',
    {
      nl: 'Phragmén, stap voor stap, zoals in pabutools: elke stemmer spaart even snel geld, en een plan wordt gekocht zodra zijn stemmers samen genoeg hebben. Past het volgende plan niet meer in het budget, dan stopt het tellen.',
      en: 'Sequential Phragmén as in pabutools: counting stops at the first project bought next that does not fit.',
    },
    'stop',
  ),
];

/** All rules by name. */
export const RULES: ReadonlyMap<string, RuleSpec> = new Map(SPECS.map((s) => [s.name, s]));

/** The rule a new budget round uses unless it chooses otherwise. */
export const DEFAULT_RULE = 'equalshares/add1';

/**
 * Runs a rule on an instance. Throws an Error for an unknown rule name and a PabulibError
 * (line 1) when the instance lacks a META key the rule needs (RuleSpec.needs).
 */
export function tally(
  instance: Instance,
  rule: string = DEFAULT_RULE,
  opts: TallyOptions = {},
): Outcome {
  const spec = RULES.get(rule);
  if (!spec) throw new Error(`unknown rule "${rule}"; known: ${[...RULES.keys()].join(', ')}`);
  for (const key of spec.needs ?? []) {
    if (instance.meta[key] === undefined)
      throw new PabulibError(1, { kind: 'rule-needs', key, rule });
  }
  const p = buildProfile(instance);
  if (opts.prefer) {
    const wanted = new Set(opts.prefer);
    p.prefer = Uint8Array.from(p.ids, (id) => (wanted.has(id) ? 1 : 0));
  }
  const result = spec.run(p, instance, opts);
  const ties = opts.ties ?? (result.counts?.startsWith('file') ? 'file' : 'default');
  return { rule, ties, ...result };
}

/** Exposed for callers that want the greedy order itself (e.g. a results page). */
export { greedyOrder };

/**
 * The rule a pabulib file's official outcome was counted with, or why it cannot be:
 * its META `rule` when the registry has it; `greedy-custom` with unit Poznań is
 * `greedy-poznan` (the rule its META comment states); other `greedy-custom`,
 * `greedy-exclusive` (which projects exclude each other is not in the file) and `unknown`
 * are skipped with the reason.
 */
export function officialRule(instance: Instance): { rule: string } | { skip: string } {
  const rule = instance.meta.rule ?? '';
  if (RULES.has(rule)) return { rule };
  if (rule === 'greedy-custom' && /^pozna[nń]$/i.test((instance.meta.unit ?? '').trim()))
    return { rule: 'greedy-poznan' };
  if (rule === 'greedy-custom')
    return { skip: 'rule "greedy-custom" outside Poznań: no rule stated that can be counted' };
  if (rule === 'greedy-exclusive')
    return {
      skip: 'rule "greedy-exclusive": which projects exclude each other is not in the file',
    };
  return { skip: `rule "${rule}" is not supported` };
}

/**
 * The official outcome in a file's `selected` column (pabulib format): 1 is the rule's
 * outcome; 2 and 3 mark projects funded in another way, except that under Poznań's rule
 * 2 marks the project its 80 % clause funds, which is part of the rule's outcome.
 */
export function officialSelection(
  instance: Instance,
  rule: string,
): { official: Set<string>; otherwise: { id: string; selected: string }[] } {
  const byRule = new Set(rule === 'greedy-poznan' ? ['1', '2'] : ['1']);
  const official = new Set<string>();
  const otherwise: { id: string; selected: string }[] = [];
  for (const p of instance.projects) {
    const s = (p.fields.selected ?? '0').trim();
    if (byRule.has(s)) official.add(p.id);
    else if (s !== '0' && s !== '') otherwise.push({ id: p.id, selected: s });
  }
  return { official, otherwise };
}
