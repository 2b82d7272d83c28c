// Turns experiment rows into the plain view models of the experiments pages. Pure.
import type { Actor, MemberRole } from '../../platform/actor.js';
import { formatDate, type Lang, type Translate } from '../../platform/i18n/index.js';
import { can, canMove, teamIsComplete } from './policy.js';
import type { ExperimentRow } from './repository.js';
import type { ExperimentDetail } from './service.js';
import { type ExperimentStatus, experimentStatuses, type LogKind, logKinds } from './tables.js';
import type { BoardViewModel, ExperimentSummary } from './views/board.js';
import type { ExperimentViewModel } from './views/experiment.js';

export function statusLabel(t: Translate, status: ExperimentStatus): string {
  return t(`experiments.status.${status}`);
}

export function kindLabel(t: Translate, kind: LogKind): string {
  return t(`experiments.kind.${kind}`);
}

export function roleLabel(t: Translate, role: MemberRole | undefined): string {
  return role ? t(`experiments.role.${role}`) : t('experiments.role.none');
}

export const logKindOptions = (t: Translate) =>
  logKinds.map((k) => ({ value: k, label: kindLabel(t, k) }));

const day = (lang: Lang, d: string) => formatDate(lang, new Date(`${d}T12:00:00Z`));

export function periodLabel(
  t: Translate,
  lang: Lang,
  e: Pick<ExperimentRow, 'startsOn' | 'endsOn'>,
) {
  const parts = [
    e.startsOn ? t('experiments.periodFrom', { date: day(lang, e.startsOn) }) : '',
    e.endsOn ? t('experiments.periodUntil', { date: day(lang, e.endsOn) }) : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' ') : t('experiments.periodNone');
}

/** Text as paragraphs: split on blank lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function presentSummary(t: Translate, lang: Lang, e: ExperimentRow): ExperimentSummary {
  return { id: e.id, title: e.title, question: e.question, period: periodLabel(t, lang, e) };
}

export function presentBoard(
  t: Translate,
  lang: Lang,
  network: { id: number; name: string },
  groups: Record<ExperimentStatus, ExperimentRow[]>,
  canCreate: boolean,
): BoardViewModel {
  return {
    network,
    canCreate,
    columns: experimentStatuses.map((status) => ({
      status,
      label: statusLabel(t, status),
      items: groups[status].map((e) => presentSummary(t, lang, e)),
    })),
  };
}

/** The address of a logbook entry's photo (served only to those who may see the experiment). */
export function logPhotoUrl(networkId: number, experimentId: number, entryId: number): string {
  return `/netwerk/${networkId}/experimenten/${experimentId}/logboek/${entryId}/foto`;
}

export function presentExperiment(
  t: Translate,
  lang: Lang,
  input: {
    network: { id: number; name: string };
    detail: ExperimentDetail;
    actor: Actor | undefined;
    members: { personId: number; name: string; role: MemberRole }[];
    today: string;
    /** The photo's pixel limit, in megapixels. */
    megapixels: number;
  },
): ExperimentViewModel {
  const { experiment: e, team, log, signalIds, lessons } = input.detail;
  const teamIds = team.map((m) => m.personId);
  const canWork = can(input.actor, 'experiments.work', { networkId: e.networkId, team: teamIds });
  const open = e.status === 'idea' || e.status === 'running';
  const rule = teamIsComplete(team.map((m) => m.role));
  const warnings =
    e.status === 'idea'
      ? [
          ...(rule.hasResident ? [] : [t('experiments.teamMissingResident')]),
          ...(rule.hasProfessional ? [] : [t('experiments.teamMissingProfessional')]),
        ]
      : [];
  return {
    network: input.network,
    id: e.id,
    title: e.title,
    status: statusLabel(t, e.status),
    statusKey: e.status,
    question: paragraphs(e.question),
    approach: paragraphs(e.approach),
    evaluation: paragraphs(e.evaluation),
    period: periodLabel(t, lang, e),
    team: team.map((m) => ({
      personId: m.personId,
      label: `${m.name || t('experiments.formerMember')} (${roleLabel(t, m.role)})`,
      canRemove: canWork && open,
    })),
    teamWarnings: warnings,
    signals: signalIds.map((id) => ({
      href: `/netwerk/${e.networkId}/signalen/${id}`,
      label: t('experiments.signal', { id }),
    })),
    log: log.map((entry) => ({
      id: entry.id,
      kind: kindLabel(t, entry.kind),
      kindKey: entry.kind,
      meta: t('experiments.logBy', {
        kind: kindLabel(t, entry.kind),
        date: day(lang, entry.happenedOn),
        name: entry.authorName ?? t('experiments.formerMember'),
      }),
      paragraphs: paragraphs(entry.text),
      photo: entry.photo
        ? {
            url: logPhotoUrl(e.networkId, e.id, entry.id),
            alt: entry.photo.description,
            width: entry.photo.width,
            height: entry.photo.height,
          }
        : null,
      editHref:
        open &&
        can(input.actor, 'experiments.editLog', {
          networkId: e.networkId,
          authorId: entry.authorId,
        })
          ? `/netwerk/${e.networkId}/experimenten/${e.id}/logboek/${entry.id}/bewerken`
          : null,
    })),
    lessons: lessons.map((l) => ({ href: `/bibliotheek/${l.id}`, title: l.title })),
    canWork,
    canJoin:
      open &&
      input.actor !== undefined &&
      !teamIds.includes(input.actor.personId) &&
      can(input.actor, 'experiments.join', { networkId: e.networkId }),
    canStart: canWork && canMove(e.status, 'running'),
    canStop: canWork && canMove(e.status, 'stopped'),
    canLog: canWork && open,
    canEvaluate: canWork && canMove(e.status, 'evaluated'),
    addable: open
      ? input.members
          .filter((m) => !teamIds.includes(m.personId))
          .map((m) => ({ value: String(m.personId), label: `${m.name} (${roleLabel(t, m.role)})` }))
      : [],
    logKinds: logKindOptions(t),
    today: input.today,
    megapixels: input.megapixels,
  };
}
