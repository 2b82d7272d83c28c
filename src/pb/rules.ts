/**
 * The rules registry: maps rule names (as in pabulib's `rule` META key) to functions, and
 * `tally` runs one on an instance and returns the outcome with its explanation facts.
 */
import { exactScores, greedy, greedyOrder, projectResults } from './greedy.js';
import { type Completion, exactCost, mesFacts, mesWithCompletion, type Utility } from './mes.js';
import type { Lang } from './messages.js';
import { readNumber } from './numbers.js';
import type { Comparison, Outcome, ProjectResult } from './outcome.js';
import { PabulibError } from './pabulib.js';
import { type PhragmenVariant, phragmen } from './phragmen.js';
import { buildProfile, type Profile } from './profile.js';
import { Rational } from './rational.js';
import { RULE_TEXTS, type RuleName } from './rule-texts.js';
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
   * One or two sentences for people choosing a rule, in each interface language (a missing
   * one does not compile), in plain words (the Dutch at B1 level), for the web pages: the
   * calculator's and a budget round's rule choice, and their results (rule-texts.ts).
   */
  description: Readonly<Record<Lang, string>>;
  /** A short name for the rule in each interface language, as a choice's label (rule-texts.ts). */
  title: Readonly<Record<Lang, string>>;
  /**
   * META keys the rule cannot count without (greedy-threshold: the least score a funded
   * project needs); {@link tally} refuses an instance that lacks one. A budget round has
   * no such keys, so it is not offered these rules.
   */
  needs?: readonly string[];
  /**
   * The {@link TallyOptions} the rule reads besides `ties` and `prefer`, so that a caller
   * can refuse one that would change nothing (`--completion` with a greedy rule).
   */
  takes: readonly TunableOption[];
  /** Equal Shares rules: the completion the name implies (`opts.completion` overrides it). */
  completion?: Completion;
  run(p: Profile, instance: Instance, opts: TallyOptions): Omit<Outcome, 'rule' | 'ties'>;
}

/** Options only some rules read (see RuleSpec.takes). */
export type TunableOption = 'completion' | 'counts' | 'step';

/**
 * The options in `opts` that `rule` does not read, in the order of {@link TunableOption}:
 * `counts` for a rule that is not greedy, `completion` for one that is not Equal Shares,
 * `step` for one without a completion (plain Equal Shares: none unless `opts.completion`
 * names one). Empty for an unknown rule ({@link tally} refuses that).
 */
export function unusedOptions(rule: string, opts: TallyOptions): TunableOption[] {
  const spec = RULES.get(rule);
  if (!spec) return [];
  const unused: TunableOption[] = [];
  if (opts.completion !== undefined && !spec.takes.includes('completion'))
    unused.push('completion');
  if (opts.counts !== undefined && !spec.takes.includes('counts')) unused.push('counts');
  const stepped = spec.takes.includes('step') && (opts.completion ?? spec.completion) !== 'none';
  if (opts.step !== undefined && !stepped) unused.push('step');
  return unused;
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
    voters: p.n,
    projects,
    tieDecisions,
  };
}

function greedyRule(
  name: RuleName,
  variant: 'skip' | 'no-skip' | 'threshold' | 'per-cost' | 'poznan',
): RuleSpec {
  return {
    name,
    ...RULE_TEXTS[name],
    ...(variant === 'threshold' ? { needs: ['min_project_score_threshold'] } : {}),
    takes: ['counts'],
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
  name: RuleName,
  utility: Utility,
  completion: Completion,
  compare = false,
): RuleSpec {
  return {
    name,
    ...RULE_TEXTS[name],
    takes: ['completion', 'step'],
    completion,
    run(p, _instance, opts) {
      const ties = opts.ties ?? 'default';
      const chosenCompletion = opts.completion ?? completion;
      const r = mesWithCompletion(p, chosenCompletion, {
        utility,
        ties,
        ...(opts.step !== undefined ? { step: opts.step } : {}),
      });
      let selected = r.selected;
      let projects = projectResults(
        p,
        selected,
        mesFacts(p, r, { utility, ties }),
      ) as ProjectResult[];
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
        // Without voters nobody holds a per-voter budget: none is reported.
        ...(p.n > 0 ? { endowment: r.endowment.toNumber() } : {}),
        ...(p.n > 0 && Rational.fromNumber(r.endowment.toNumber()).cmp(r.endowment) !== 0
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

function phragmenRule(name: RuleName, variant: PhragmenVariant): RuleSpec {
  return {
    name,
    ...RULE_TEXTS[name],
    takes: [],
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

const SPECS: RuleSpec[] = [
  greedyRule('greedy', 'skip'),
  greedyRule('greedy-no-skip', 'no-skip'),
  greedyRule('greedy-threshold', 'threshold'),
  greedyRule('greedy-per-cost', 'per-cost'),
  mesRule('equalshares', 'cost', 'none'),
  mesRule('equalshares/add1', 'cost', 'add1'),
  mesRule('equalshares/add1-comparison', 'cost', 'add1', true),
  mesRule('equalshares/add1-exhaustive', 'cost', 'add1-exhaustive'),
  mesRule('equalshares/add1u', 'cost', 'add1u'),
  mesRule('equalshares-cardinality', 'cardinality', 'none'),
  mesRule('equalshares-cardinality/add1', 'cardinality', 'add1'),
  greedyRule('greedy-poznan', 'poznan'),
  phragmenRule('phragmen', 'skip'),
  phragmenRule('phragmen-stop', 'stop'),
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
