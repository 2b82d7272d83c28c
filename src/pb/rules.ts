/**
 * The rules registry: maps rule names (as in pabulib's `rule` META key) to functions, and
 * `tally` runs one on an instance and returns the outcome with its explanation facts.
 */
import { greedy, greedyOrder, projectResults } from './greedy.js';
import { type Completion, mesFacts, mesWithCompletion, type Utility } from './mes.js';
import type { Comparison, Outcome, ProjectResult } from './outcome.js';
import { readNumber } from './pabulib.js';
import { phragmen } from './phragmen.js';
import { buildProfile, type Profile } from './profile.js';
import type { TieDecision, TieMode } from './ties.js';
import type { Instance } from './types.js';

export interface TallyOptions {
  ties?: TieMode;
  /** For MES rules: overrides the completion the rule name implies. */
  completion?: Completion;
}

export interface RuleSpec {
  name: string;
  /** One line for people choosing a rule. */
  description: string;
  run(p: Profile, instance: Instance, opts: TallyOptions): Omit<Outcome, 'rule' | 'ties'>;
}

function finish(
  p: Profile,
  selected: number[],
  projects: ProjectResult[],
  tieDecisions: TieDecision[],
): Omit<Outcome, 'rule' | 'ties'> {
  let total = 0;
  for (const c of selected) total += p.costs[c] as number;
  const hit = new Uint8Array(p.n);
  for (const c of selected) {
    for (let k = p.start[c] as number; k < (p.start[c + 1] as number); k++)
      hit[p.voters[k] as number] = 1;
  }
  let covered = 0;
  for (const h of hit) covered += h;
  return {
    budget: p.budget,
    selected: selected.map((c) => p.ids[c] as string),
    totalCost: total,
    leftover: p.budget - total,
    coverage: p.n > 0 ? covered / p.n : 0,
    projects,
    tieDecisions,
  };
}

function greedyRule(
  name: string,
  description: string,
  variant: 'skip' | 'no-skip' | 'threshold' | 'per-cost',
): RuleSpec {
  return {
    name,
    description,
    run(p, instance, opts) {
      const threshold =
        variant === 'threshold'
          ? readNumber(instance.meta.min_project_score_threshold ?? '0')
          : undefined;
      const r = greedy(p, {
        ties: opts.ties ?? 'default',
        noSkip: variant === 'no-skip',
        perCost: variant === 'per-cost',
        ...(threshold !== undefined && !Number.isNaN(threshold) ? { threshold } : {}),
      });
      return finish(
        p,
        r.selected,
        projectResults(p, r.selected, r.facts) as ProjectResult[],
        r.tieDecisions,
      );
    },
  };
}

function mesRule(
  name: string,
  description: string,
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
      const r = mesWithCompletion(p, chosenCompletion, { utility, ties });
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
        completion: chosenCompletion,
        exactRuns: r.exactRuns,
        ...(comparison ? { comparison } : {}),
      };
    },
  };
}

const SPECS: RuleSpec[] = [
  greedyRule('greedy', 'Fund projects by score; skip one that no longer fits.', 'skip'),
  greedyRule(
    'greedy-no-skip',
    'Fund projects by score; stop at the first that does not fit.',
    'no-skip',
  ),
  greedyRule(
    'greedy-threshold',
    'Greedy among projects whose score reaches META min_project_score_threshold.',
    'threshold',
  ),
  greedyRule(
    'greedy-per-cost',
    'Fund projects by score per unit of cost; skip what no longer fits.',
    'per-cost',
  ),
  mesRule('equalshares', 'Method of Equal Shares, cost utilities, no completion.', 'cost', 'none'),
  mesRule(
    'equalshares/add1',
    'Method of Equal Shares, cost utilities, add1 completion (official elections; the default).',
    'cost',
    'add1',
  ),
  mesRule(
    'equalshares/add1-comparison',
    'equalshares/add1, then kept only if no more voters prefer the greedy outcome (Wieliczka 2023).',
    'cost',
    'add1',
    true,
  ),
  mesRule(
    'equalshares/add1-exhaustive',
    'Method of Equal Shares, add1 as in pabutools.',
    'cost',
    'add1-exhaustive',
  ),
  mesRule(
    'equalshares/add1u',
    'Method of Equal Shares with add1, then greedy on what is left.',
    'cost',
    'add1u',
  ),
  mesRule(
    'equalshares-cardinality',
    'Method of Equal Shares, cardinality utilities, no completion.',
    'cardinality',
    'none',
  ),
  mesRule(
    'equalshares-cardinality/add1',
    'Method of Equal Shares, cardinality utilities, add1 completion.',
    'cardinality',
    'add1',
  ),
  {
    name: 'phragmen',
    description: 'Sequential Phragmén: supporters earn money over time and buy what they can.',
    run(p, _instance, opts) {
      const r = phragmen(p, opts.ties ?? 'default');
      return finish(
        p,
        r.selected,
        projectResults(p, r.selected, r.facts) as ProjectResult[],
        r.tieDecisions,
      );
    },
  },
];

/** All rules by name. */
export const RULES: ReadonlyMap<string, RuleSpec> = new Map(SPECS.map((s) => [s.name, s]));

/** The rule a new budget round uses unless it chooses otherwise. */
export const DEFAULT_RULE = 'equalshares/add1';

/** Runs a rule on an instance. Throws for an unknown rule name. */
export function tally(
  instance: Instance,
  rule: string = DEFAULT_RULE,
  opts: TallyOptions = {},
): Outcome {
  const spec = RULES.get(rule);
  if (!spec) throw new Error(`unknown rule "${rule}"; known: ${[...RULES.keys()].join(', ')}`);
  const p = buildProfile(instance);
  return { rule, ties: opts.ties ?? 'default', ...spec.run(p, instance, opts) };
}

/** Exposed for callers that want the greedy order itself (e.g. a results page). */
export { greedyOrder };
