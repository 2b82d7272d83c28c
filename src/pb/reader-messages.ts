/**
 * Why the pabulib reader (or a rule) refuses a file, as data, and its wording in Dutch
 * (B1, for the calculator's residents and municipalities) and English (the command line,
 * whose wording this keeps). Every message names the section, column or META key at fault
 * and quotes what the file holds there; the line number goes in front of it (see
 * {@link PabulibError}). Format: https://pabulib.org/format.
 */

import type { Lang } from './messages.js';
import { looksLikeNumber } from './numbers.js';

/** One reason to refuse a file; `found` is the file's own text where there is one. */
export type ReaderReason =
  | { kind: 'unclosed-quote' }
  | { kind: 'section-twice'; section: string }
  | { kind: 'no-section-title' }
  | { kind: 'header-start'; expected: string; found: string }
  | { kind: 'no-column'; column: 'cost' | 'vote'; section: 'PROJECTS' | 'VOTES' }
  | { kind: 'field-count'; section: string; expected: number; found: number }
  | { kind: 'meta-twice'; key: string; first: string; firstLine: number; value: string }
  | { kind: 'no-project-id' }
  | { kind: 'project-id-repeats'; id: string }
  | { kind: 'bad-cost'; found: string }
  | { kind: 'bad-count'; column: string; found: string }
  | { kind: 'no-voter-id' }
  | { kind: 'voter-id-repeats'; id: string }
  | { kind: 'unknown-project'; found: string }
  | { kind: 'bad-points'; count: number; found: string }
  | { kind: 'negative-points'; found: number }
  /**
   * A ballot names a project twice: refused under --strict (no `voteType`), and for ballots
   * with points or places (`voteType`: cumulative, scoring, ordinal), where the repeat
   * leaves unclear which points or place count.
   */
  | { kind: 'project-repeats'; project: string; voteType?: string }
  /** `before`: the section that came without it; `atEnd`: the file ended without it. */
  | { kind: 'no-section'; section: string; before?: string; atEnd?: boolean }
  | { kind: 'bad-budget'; found: string }
  | { kind: 'bad-vote-type'; found: string; known: readonly string[] }
  | { kind: 'bad-meta-number'; key: string; found: string }
  /** Under --strict: VOTES holds no ballot (at its header). */
  | { kind: 'no-ballots' }
  /** Under --strict: `count` ballots of a choose-1 file name more than one project. */
  | { kind: 'choose-1-several'; count: number }
  /** A rule that cannot count without a META key the file lacks (RuleSpec.needs). */
  | { kind: 'rule-needs'; key: string; rule: string };

type Wording = { [K in ReaderReason['kind']]: (r: Extract<ReaderReason, { kind: K }>) => string };

const EN: Wording = {
  'unclosed-quote': () => 'a closing double quote (") for a quoted field',
  'section-twice': (r) => `only one ${r.section} section`,
  'no-section-title': () => 'the section title META, PROJECTS or VOTES',
  'header-start': (r) => `a header row starting with "${r.expected}", found "${r.found}"`,
  'no-column': (r) => `a "${r.column}" column in ${r.section}`,
  'field-count': (r) =>
    `${r.expected} fields separated by ";" as in the ${r.section} header, found ${r.found}`,
  'meta-twice': (r) =>
    `one value per META key, "${r.key}" is "${r.first}" on line ${r.firstLine} and "${r.value}" here`,
  'no-project-id': () => 'a project id',
  'project-id-repeats': (r) => `a unique project id, "${r.id}" repeats`,
  'bad-cost': (r) => `a cost that is a finite number ≥ 0, found "${r.found}"`,
  'bad-count': (r) => `a "${r.column}" that is a finite number, found "${r.found}"`,
  'no-voter-id': () => 'a voter id',
  'voter-id-repeats': (r) => `a unique voter id, "${r.id}" repeats`,
  'unknown-project': (r) => `a project id from PROJECTS, found "${r.found}"`,
  'bad-points': (r) =>
    `one finite number of points per voted project (${r.count}), found "${r.found}"`,
  'negative-points': (r) => `points of 0 or more, found ${r.found}`,
  'project-repeats': (r) =>
    r.voteType === undefined
      ? `each project once per ballot, "${r.project}" repeats`
      : `each project once per ${r.voteType} ballot, "${r.project}" repeats (its points or place would be ambiguous)`,
  'no-section': (r) =>
    r.before !== undefined
      ? `a ${r.section} section before ${r.before}`
      : r.atEnd
        ? `a ${r.section} section, found the end of the file`
        : `a ${r.section} section`,
  'bad-budget': (r) =>
    r.found === ''
      ? 'a META "budget" with the amount to share, found none'
      : `a META "budget" that is a finite number ≥ 0, found "${r.found}"`,
  'bad-vote-type': (r) => `a META "vote_type" among ${r.known.join(', ')}, found "${r.found}"`,
  'bad-meta-number': (r) => `a META "${r.key}" that is a finite number, found "${r.found}"`,
  'no-ballots': () => 'at least one ballot after this VOTES header, found none',
  'choose-1-several': (r) =>
    `one project per choose-1 ballot, ${r.count} ballot${r.count === 1 ? ' names' : 's name'} more (the first here)`,
  'rule-needs': (r) => `a META "${r.key}" for the rule ${r.rule}`,
};

const NL: Wording = {
  'unclosed-quote': () =>
    'een veld begint met een aanhalingsteken ("), maar het aanhalingsteken aan het eind ontbreekt',
  'section-twice': (r) =>
    `het deel ${r.section} staat er twee keer in. Het mag er maar één keer zijn`,
  'no-section-title': () => 'hier hoort de naam van een deel te staan: META, PROJECTS of VOTES',
  'header-start': (r) =>
    `de kopregel moet beginnen met "${r.expected}", maar begint met "${r.found}"`,
  'no-column': (r) => `de kopregel van ${r.section} heeft geen kolom "${r.column}"`,
  'field-count': (r) =>
    `deze regel heeft ${r.found} ${r.found === 1 ? 'veld' : 'velden'}, maar de kopregel van ${r.section} heeft er ${r.expected} (velden worden gescheiden door ";")`,
  'meta-twice': (r) =>
    `META "${r.key}" staat er twee keer in, met verschillende waarden: "${r.first}" op regel ${r.firstLine} en "${r.value}" hier`,
  'no-project-id': () => 'het project heeft geen id (de kolom project_id is leeg)',
  'project-id-repeats': (r) =>
    `project-id "${r.id}" komt twee keer voor. Elk project heeft een eigen id nodig`,
  'bad-cost': (r) =>
    `de kosten (kolom cost) moeten een getal van 0 of meer zijn, maar er staat "${r.found}"`,
  'bad-count': (r) => `de kolom "${r.column}" moet een getal zijn, maar er staat "${r.found}"`,
  'no-voter-id': () => 'de stemmer heeft geen id (de kolom voter_id is leeg)',
  'voter-id-repeats': (r) =>
    `stemmer-id "${r.id}" komt twee keer voor. Elke stemmer heeft een eigen id nodig`,
  'unknown-project': (r) =>
    `de stem (kolom vote) noemt project "${r.found}", maar dat project staat niet bij PROJECTS`,
  'bad-points': (r) =>
    `de kolom points moet één getal hebben voor elk gekozen project (${r.count}), maar er staat "${r.found}"`,
  'negative-points': (r) => `punten (kolom points) moeten 0 of meer zijn, maar er staat ${r.found}`,
  'project-repeats': (r) =>
    r.voteType === undefined
      ? `de stem (kolom vote) noemt project "${r.project}" twee keer. Elk project mag maar één keer in een stem staan`
      : `de stem (kolom vote) noemt project "${r.project}" twee keer. Bij stemmen van het soort ${r.voteType} mag dat niet: dan is niet duidelijk welke punten of plaats telt`,
  'no-section': (r) =>
    r.before !== undefined
      ? `het deel ${r.section} ontbreekt. Het moet voor ${r.before} staan`
      : r.atEnd
        ? `het deel ${r.section} ontbreekt: het bestand houdt hier op`
        : `het deel ${r.section} ontbreekt`,
  'bad-budget': (r) =>
    r.found === ''
      ? 'META "budget" ontbreekt. Het budget moet een getal van 0 of meer zijn'
      : `META "budget" moet een getal van 0 of meer zijn, maar er staat "${r.found}"`,
  'bad-vote-type': (r) =>
    `META "vote_type" moet een van deze zijn: ${r.known.join(', ')}. Er staat "${r.found}"`,
  'bad-meta-number': (r) => `META "${r.key}" moet een getal zijn, maar er staat "${r.found}"`,
  'no-ballots': () => 'onder deze kopregel van VOTES staan geen stemmen',
  'choose-1-several': (r) =>
    `bij stemmen van het soort choose-1 kiest elke stemmer één project, maar ${r.count === 1 ? '1 stem noemt' : `${r.count} stemmen noemen`} er meer (de eerste staat hier)`,
  'rule-needs': (r) =>
    `de manier van tellen ${r.rule} heeft META "${r.key}" nodig, maar die staat niet in het bestand`,
};

const WORDING: Record<Lang, Wording> = { nl: NL, en: EN };

/**
 * Why a file is refused, in `lang`, without its line number. The English wording is the
 * command line's (`line N: …`, each one naming what the reader expected there).
 */
export function readerMessage(reason: ReaderReason, lang: Lang): string {
  const say = WORDING[lang][reason.kind] as (r: ReaderReason) => string;
  // A refused number that is written as one (1e-400, twenty digits): say what is held.
  // (Points are a list, each of which must look like one; a cost of "1,2,3" is no number.)
  let hint = '';
  if ('found' in reason && NUMBER_KINDS.has(reason.kind)) {
    const found = String(reason.found);
    const parts = reason.kind === 'bad-points' ? found.split(',') : [found];
    if (parts.every(looksLikeNumber)) hint = NUMBER_HINT[lang];
  }
  return say(reason) + hint;
}

/** Refusals of a number (readNumber in numbers.ts decides). */
const NUMBER_KINDS = new Set<ReaderReason['kind']>([
  'bad-cost',
  'bad-count',
  'bad-points',
  'bad-budget',
  'bad-meta-number',
]);

const NUMBER_HINT: Record<Lang, string> = {
  en: ' (numbers are counted exactly with up to 15 significant digits, 0 or between 1e-300 and 1e300 in size)',
  nl: ' (een getal mag hoogstens 15 cijfers hebben, nullen aan het begin en het eind niet meegeteld, en hoogstens 300 nullen voor of na de komma)',
};

/** What the reader accepted with a remark (see PabulibWarning in pabulib.ts). */
export type WarningKind = 'repeated-project' | 'choose-1-several' | 'no-ballots';

/** The ballots a warning is about: how many, and the first five. */
export interface WarningCases {
  count: number;
  /** Voter id, line number and the project named twice (choose-1: the projects named). */
  first: { voterId: string; line: number; project: string }[];
}

interface WarningWording {
  /** What happened, for `count` ballots. */
  lead: Record<WarningKind, (count: number) => string>;
  /** One case: the voter, the line and what they named (`project`). */
  one: (voterId: string, line: number, project: string, kind: WarningKind) => string;
  /** The cases after the lead. */
  list: (count: number, cases: string) => string;
}

const WARNINGS: Record<Lang, WarningWording> = {
  en: {
    lead: {
      'repeated-project': (n) =>
        `${n} ballot${n === 1 ? ' names' : 's name'} a project more than once; counted once.`,
      'choose-1-several': (n) =>
        `${n} choose-1 ballot${n === 1 ? ' names' : 's name'} more than one project; each project named gets the vote.`,
      'no-ballots': () => 'VOTES holds no ballots, so every project has 0 votes in the count.',
    },
    one: (voterId, line, project) => `voter ${voterId} (line ${line}: ${project})`,
    list: (_, cases) => ` First: ${cases}`,
  },
  nl: {
    lead: {
      'repeated-project': (n) =>
        `In ${n === 1 ? '1 stem' : `${n} stemmen`} staat een project meer dan één keer. Het telt dan één keer mee.`,
      'choose-1-several': (n) =>
        `Bij dit soort stemming (choose-1) kiest elke stemmer één project, maar ${n === 1 ? '1 stem noemt' : `${n} stemmen noemen`} er meer. Elk genoemd project krijgt die stem.`,
      'no-ballots': () =>
        'Er staan geen stemmen in het bestand (VOTES is leeg). Elk project heeft dus 0 stemmen.',
    },
    one: (voterId, line, project, kind) =>
      `stemmer ${voterId} (regel ${line}: ${kind === 'repeated-project' ? 'project' : 'projecten'} ${project})`,
    list: (n, cases) => ` ${n === 1 ? 'Het gaat om' : 'De eerste'}: ${cases}.`,
  },
};

/**
 * A reader warning in `lang`: ballots that name a project more than once (it counts
 * once), or choose-1 ballots that name several projects (each gets the vote), with the
 * first few voters, lines and projects; or a file without ballots.
 */
export function warningMessage(w: WarningCases & { kind: WarningKind }, lang: Lang): string {
  const say = WARNINGS[lang];
  if (w.first.length === 0) return say.lead[w.kind](w.count);
  const cases = w.first.map((r) => say.one(r.voterId, r.line, r.project, w.kind)).join(', ');
  return say.lead[w.kind](w.count) + say.list(w.count, cases);
}
