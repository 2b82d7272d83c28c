// Turns decision rows into the plain view models of the decisions pages. Pure.
import type { Actor } from '../../platform/actor.js';
import {
  formatDate,
  formatDateTime,
  type Lang,
  type Translate,
} from '../../platform/i18n/index.js';
import { can, isDueForReview, isEditable } from './policy.js';
import type { DecisionRow, Snapshot, VersionRow } from './repository.js';
import type { ConsentState } from './service.js';
import {
  type DecisionStatus,
  decisionBodies,
  decisionKinds,
  involvementLevels,
  type StrengthEffect,
  strengthEffects,
} from './tables.js';
import type {
  DecisionFacts,
  DecisionSummary,
  DecisionViewModel,
  HistoryViewModel,
} from './views/pages.js';

const day = (lang: Lang, d: string) => formatDate(lang, new Date(`${d}T12:00:00Z`));

/** Text as paragraphs: split on blank lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function statusLabel(t: Translate, status: DecisionStatus): string {
  return t(`decisions.status.${status}`);
}

/** "Dit besluit versterkt" — the check in one line. */
export function checkLine(t: Translate, effect: StrengthEffect): string {
  return t('decisions.checkLine', { effect: t(`decisions.effect.${effect}`) });
}

/** The options of the form's choices, with the plain-language explanations. */
export function formOptions(t: Translate) {
  return {
    kinds: decisionKinds.map((k) => ({ value: k, label: t(`decisions.kind.${k}`) })),
    bodies: decisionBodies.map((b) => ({ value: b, label: t(`decisions.decidedBy.${b}`) })),
    involvement: involvementLevels.map((l) => ({
      value: l,
      label: t(`decisions.involvement.${l}`),
      hint: t(`decisions.involvementHint.${l}`),
    })),
    effects: strengthEffects.map((e) => ({
      value: e,
      label: t(`decisions.effectLabel.${e}`),
      hint: t(`decisions.effectHint.${e}`),
    })),
  };
}

/** How residents were involved, in one line, e.g. "Bewoners gaven hun mening (12 bewoners)". */
function involvementLine(t: Translate, d: Pick<Snapshot, 'involvement' | 'involvementCount'>) {
  const label = t(`decisions.involvement.${d.involvement}`);
  return d.involvementCount === null
    ? label
    : `${label} (${t('decisions.involvementCount', { count: d.involvementCount })})`;
}

/** Everything a decision says, as the decision page and each version of its history show it. */
export function presentFacts(
  t: Translate,
  lang: Lang,
  networkId: number,
  d: Snapshot,
  meetingLabel: string | null,
): DecisionFacts {
  const notInvolved = d.involvement === 'not_involved';
  return {
    title: d.title,
    status: statusLabel(t, d.status),
    statusKey: d.status,
    kind: t(`decisions.kind.${d.kind}`),
    decidedBy:
      d.decidedByName === ''
        ? t(`decisions.decidedBy.${d.decidedBy}`)
        : `${t(`decisions.decidedBy.${d.decidedBy}`)}: ${d.decidedByName}`,
    date: d.decidedOn ? day(lang, d.decidedOn) : t('decisions.notDecidedYet'),
    meeting:
      d.meetingId === null || meetingLabel === null
        ? null
        : { href: `/netwerk/${networkId}/bijeenkomsten/${d.meetingId}`, label: meetingLabel },
    body: paragraphs(d.body),
    reasons: paragraphs(d.reasons),
    involvement: involvementLine(t, d),
    involvementWho: notInvolved ? [] : paragraphs(d.involvementWho),
    notInvolved,
    notInvolvedReason: notInvolved
      ? t('decisions.notInvolvedReason', { reason: d.involvementWho })
      : '',
    check: checkLine(t, d.effect),
    effectKey: d.effect,
    reasoning: paragraphs(d.effectReasoning),
    dissent: d.dissent.map((item) => ({
      line: t('decisions.dissentItem', { who: item.raisedBy, objection: item.objection }),
      response: t('decisions.dissentResponse', { response: item.response }),
    })),
    dissentNone: d.dissentNoneCame
      ? [t('decisions.dissentNone'), t('decisions.dissentHow', { how: d.dissentInvited })]
      : [],
    links: [
      ...d.signalIds.map((id) => ({
        href: `/netwerk/${networkId}/signalen/${id}`,
        label: t('decisions.signal', { id }),
      })),
      ...d.experimentIds.map((id) => ({
        href: `/netwerk/${networkId}/experimenten/${id}`,
        label: t('decisions.experiment', { id }),
      })),
      ...d.lessonIds.map((id) => ({
        href: `/bibliotheek/${id}`,
        label: t('decisions.lesson', { id }),
      })),
    ],
    reviewOn: day(lang, d.reviewOn),
    isInternal: d.isInternal,
    review:
      d.reviewEffect === null
        ? null
        : {
            line: t('decisions.reviewLine', { effect: t(`decisions.effect.${d.reviewEffect}`) }),
            text: paragraphs(d.reviewText),
            on: d.reviewedOn ? t('decisions.reviewedOn', { date: day(lang, d.reviewedOn) }) : '',
          },
  };
}

/** One line of a list of decisions. */
export function presentSummary(
  t: Translate,
  lang: Lang,
  d: DecisionRow,
  today: string,
): DecisionSummary {
  return {
    id: d.id,
    href: `/netwerk/${d.networkId}/besluiten/${d.id}`,
    title: d.title,
    status: statusLabel(t, d.status),
    statusKey: d.status,
    date: d.decidedOn ? day(lang, d.decidedOn) : t('decisions.notDecidedYet'),
    kind: t(`decisions.kind.${d.kind}`),
    check: checkLine(t, d.effect),
    effectKey: d.effect,
    involvement: involvementLine(t, d),
    notInvolved: d.involvement === 'not_involved',
    notInvolvedReason:
      d.involvement === 'not_involved'
        ? t('decisions.notInvolvedReason', { reason: d.involvementWho })
        : '',
    awaitingConsent: d.status === 'proposed' && d.consentRequested,
    reviewDue: isDueForReview(d, today)
      ? t('decisions.reviewDue', { date: day(lang, d.reviewOn) })
      : null,
  };
}

/** The decision page: its facts, the council's consent and what the viewer may do. */
export function presentDecision(
  t: Translate,
  lang: Lang,
  input: {
    network: { id: number; name: string };
    decision: DecisionRow;
    meetingLabel: string | null;
    consent: ConsentState;
    actor: Actor | undefined;
    today: string;
  },
): DecisionViewModel {
  const d = input.decision;
  const networkId = input.network.id;
  const manage = can(input.actor, 'decisions.manage', { networkId });
  const waiting = d.status === 'proposed' && d.consentRequested;
  const me = input.actor?.personId;
  return {
    network: input.network,
    id: d.id,
    version: d.version,
    facts: presentFacts(t, lang, networkId, d, input.meetingLabel),
    consent: input.consent.required
      ? {
          waiting,
          noCouncil: input.consent.council.length === 0,
          council: input.consent.council.map((m) => ({
            name: m.name,
            state: m.consented ? t('decisions.consentGiven') : t('decisions.consentOpen'),
          })),
          canConsent:
            waiting &&
            can(input.actor, 'decisions.consent', { networkId }) &&
            input.consent.council.some((m) => m.personId === me && !m.consented),
        }
      : null,
    reviewDue: isDueForReview(d, input.today),
    canEdit: manage && isEditable(d.status),
    canDecide: manage && d.status === 'proposed' && !waiting,
    canWithdraw: manage && isEditable(d.status),
    canReview: d.status === 'decided' && can(input.actor, 'decisions.review', { networkId }),
  };
}

/** Names of the fields whose value differs between two versions. */
const compared: readonly (keyof Snapshot)[] = [
  'title',
  'body',
  'reasons',
  'kind',
  'decidedBy',
  'decidedByName',
  'decidedOn',
  'meetingId',
  'involvement',
  'involvementWho',
  'involvementCount',
  'effect',
  'effectReasoning',
  'dissent',
  'dissentNoneCame',
  'dissentInvited',
  'signalIds',
  'experimentIds',
  'lessonIds',
  'reviewOn',
  'isInternal',
  'reviewEffect',
  'reviewText',
];

function labelOf(t: Translate, field: keyof Snapshot): string {
  switch (field) {
    case 'title':
      return t('decisions.field.title');
    case 'body':
      return t('decisions.what');
    case 'reasons':
      return t('decisions.why');
    case 'kind':
      return t('decisions.kind');
    case 'decidedBy':
    case 'decidedByName':
      return t('decisions.decidedBy');
    case 'decidedOn':
      return t('decisions.decidedOn');
    case 'meetingId':
      return t('decisions.meeting');
    case 'involvement':
    case 'involvementWho':
    case 'involvementCount':
      return t('decisions.involvement');
    case 'effect':
    case 'effectReasoning':
      return t('decisions.check');
    case 'dissent':
    case 'dissentNoneCame':
    case 'dissentInvited':
      return t('decisions.dissent');
    case 'signalIds':
    case 'experimentIds':
    case 'lessonIds':
      return t('decisions.links');
    case 'reviewOn':
      return t('decisions.reviewOn');
    case 'isInternal':
      return t('decisions.internal');
    default:
      return t('decisions.review');
  }
}

/** The labels of the parts that differ between two versions (once each). */
export function changedFields(t: Translate, before: Snapshot, after: Snapshot): string[] {
  const labels = compared
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((f) => labelOf(t, f));
  return [...new Set(labels)];
}

/** The history page: every version, the newest first, with what changed since the one before. */
export function presentHistory(
  t: Translate,
  lang: Lang,
  input: {
    network: { id: number; name: string };
    decision: DecisionRow;
    versions: (VersionRow & { changedByName: string | null })[];
    meetingLabels: Map<number, string>;
  },
): HistoryViewModel {
  const { versions } = input;
  return {
    network: input.network,
    id: input.decision.id,
    title: input.decision.title,
    versions: versions.map((v, i) => {
      const older = versions[i + 1];
      const fields = older ? changedFields(t, older.snapshot, v.snapshot) : [];
      const change = (
        ['created', 'edited', 'decided', 'consented', 'withdrawn', 'reviewed'] as const
      ).find((c) => c === v.change);
      return {
        version: v.version,
        heading: t('decisions.historyBy', {
          version: v.version,
          change: change ? t(`decisions.change.${change}`) : v.change,
          name: v.changedByName ?? t('decisions.formerMember'),
          date: formatDateTime(lang, v.changedAt),
        }),
        changed: !older
          ? t('decisions.historyFirst')
          : fields.length === 0
            ? t('decisions.historyNothing')
            : t('decisions.historyChanged', { fields: fields.join(', ') }),
        facts: presentFacts(
          t,
          lang,
          input.network.id,
          v.snapshot,
          v.snapshot.meetingId === null
            ? null
            : (input.meetingLabels.get(v.snapshot.meetingId) ?? null),
        ),
      };
    }),
  };
}
