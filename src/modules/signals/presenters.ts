// Turns signal rows into the plain view models of the signals pages. Pure: no I/O; the
// translator and the language come in as arguments.

import type { MemberRole } from '../../platform/actor.js';
import type { FormState } from '../../platform/forms.js';
import {
  formatDate,
  formatDateTime,
  type Lang,
  type Translate,
} from '../../platform/i18n/index.js';
import type { PageModel } from '../../platform/pagination.js';
import { moderationModule } from '../moderation/index.js';
import { peopleModule } from '../people/index.js';
import { nextStatus, previousStatus, QUIET_AFTER_DAYS, type SignalStatus } from './policy.js';
import type { LoadedSignal, PatternSummary, SignalUpdate } from './service/index.js';
import { defaultThemes, isDefaultTheme } from './themes.js';
import type { SignalDetailViewModel } from './views/detail.js';
import type { SignalListViewModel } from './views/list.js';
import type { PatternViewModel } from './views/pattern.js';
import type { Option } from './views/shared.js';
import type { ThemesViewModel } from './views/themes.js';

interface NetworkRef {
  id: number;
  name: string;
}

export const raisedByValues = ['resident', 'professional'] as const;
export const originValues = ['meeting', 'street', 'public_page', 'other'] as const;
/** The statuses a member sees in the list (pending ones are in the moderation queue). */
export const listedStatuses = [
  'new',
  'taken_up',
  'followed_up',
  'closed',
] as const satisfies readonly Exclude<SignalStatus, 'pending'>[];

/** A theme's label: the catalogue's for a default theme, the network's own name otherwise. */
export function themeLabel(t: Translate, theme: string): string {
  return isDefaultTheme(theme) ? t(`signals.theme.${theme}`) : theme;
}

export function themeOptions(t: Translate, themes: readonly string[]): Option[] {
  return themes.map((v) => ({ value: v, label: themeLabel(t, v) }));
}

export function statusOptions(t: Translate): Option[] {
  return listedStatuses.map((v) => ({ value: v, label: t(`signals.status.${v}`) }));
}

export function raisedByOptions(t: Translate): Option[] {
  return raisedByValues.map((v) => ({ value: v, label: t(`signals.raisedBy.${v}`) }));
}

/** Where a member's signal came from: every origin but the public page (that is a form). */
export function originOptions(t: Translate): Option[] {
  return originValues
    .filter((v) => v !== 'public_page')
    .map((v) => ({ value: v, label: t(`signals.origin.${v}`) }));
}

/** A row of the signals list as the repository gives it. */
export interface SignalListRow {
  id: number;
  title: string;
  theme: string;
  place: string;
  status: SignalStatus;
  personBound: boolean;
  followers: number;
  createdAt: Date;
  anonymisedAt: Date | null;
}

export function presentList(
  t: Translate,
  lang: Lang,
  input: {
    network: NetworkRef;
    rows: readonly SignalListRow[];
    hiddenPersonBound: number;
    /** The pages of the list (platform/pagination.ts). */
    pages: PageModel;
    filter: { status: string; theme: string; waiting: string };
    themes: readonly string[];
    canCreate: boolean;
    canModerate: boolean;
  },
): SignalListViewModel {
  return {
    network: input.network,
    rows: input.rows.map((r) => ({
      id: r.id,
      // An anonymised signal has no title left: say what it is instead of a placeholder.
      title: r.anonymisedAt ? t('signals.anonymised.title') : r.title,
      theme: themeLabel(t, r.theme),
      place: r.anonymisedAt ? '' : r.place,
      status: t(`signals.status.${r.status}`),
      personBound: r.personBound && !r.anonymisedAt,
      followers: r.followers,
      date: formatDate(lang, r.createdAt),
    })),
    hiddenPersonBound: input.hiddenPersonBound,
    pages: input.pages,
    filter: input.filter,
    statusOptions: statusOptions(t),
    themeOptions: themeOptions(t, input.themes),
    waitingOptions: [
      { value: 'duo', label: t('signals.filter.waiting.duo') },
      { value: 'stil', label: t('signals.filter.waiting.stil', { days: QUIET_AFTER_DAYS }) },
      { value: 'professional', label: t('signals.filter.waiting.professional') },
    ],
    canCreate: input.canCreate,
    moderationHref: input.canModerate
      ? moderationModule.api.queuePath(input.network.id, 'signal')
      : null,
  };
}

/** A name to show: erased accounts are "a former member". */
function personName(t: Translate, person: { name: string; erased: boolean }): string {
  return person.erased ? t('people.formerMember') : person.name;
}

export function presentDetail(
  t: Translate,
  lang: Lang,
  input: {
    network: NetworkRef;
    loaded: LoadedSignal;
    updates: readonly SignalUpdate[];
    members: readonly { personId: number; name: string; role: MemberRole }[];
    canJoin: boolean;
    canPost: boolean;
    canManage: boolean;
    canLeave: boolean;
    canEdit: boolean;
    /** Earlier versions, newest first (`editor` undefined: unknown). */
    revisions: readonly {
      id: number;
      editedAt: Date;
      title: string;
      description: string;
      editor: { name: string; erased: boolean } | undefined;
    }[];
  },
  state: FormState = {},
): SignalDetailViewModel {
  const { signal, followers } = input.loaded;
  const next = nextStatus[signal.status];
  const back = previousStatus[signal.status];
  const roleLabel = (role: MemberRole) => peopleModule.api.roleLabel(t, role);
  return {
    network: input.network,
    signal: {
      id: signal.id,
      title: signal.title,
      description: signal.description,
      theme: themeLabel(t, signal.theme),
      place: signal.place,
      trigger: signal.trigger,
      raisedBy: t(`signals.raisedBy.${signal.raisedBy}`),
      origin: t(`signals.origin.${signal.origin}`),
      status: t(`signals.status.${signal.status}`),
      outcome: signal.outcome,
      personBound: signal.personBound,
      anonymised: signal.anonymisedAt !== null,
      created: formatDate(lang, signal.createdAt),
    },
    anonymised: signal.anonymisedAt
      ? {
          line: t('signals.anonymised.line', { date: formatDate(lang, signal.anonymisedAt) }),
          theme: themeLabel(t, signal.theme),
          created: formatDate(lang, signal.createdAt),
          closed: signal.closedAt ? formatDate(lang, signal.closedAt) : undefined,
        }
      : undefined,
    followers: followers.map((f) => ({ name: personName(t, f), role: roleLabel(f.role) })),
    updates: input.updates.map((u) => ({
      id: u.id,
      when: formatDateTime(lang, u.createdAt),
      author: u.author ? personName(t, u.author) : t('signals.updates.unknownAuthor'),
      // A status entry with a text is a step back; the text is its reason.
      text:
        u.kind === 'status' && u.status
          ? u.text
            ? t('signals.updates.statusBack', {
                status: t(`signals.status.${u.status}`),
                reason: u.text,
              })
            : t('signals.updates.status', { status: t(`signals.status.${u.status}`) })
          : u.text,
      isStatus: u.kind === 'status',
    })),
    canJoin: input.canJoin,
    canPost: input.canPost,
    canManage: input.canManage,
    next: next && {
      status: next,
      label: t('signals.status.move', { status: t(`signals.status.${next}`) }),
      needsOutcome: next === 'closed',
    },
    back:
      input.canManage && back
        ? { label: t('signals.status.back', { status: t(`signals.status.${back}`) }) }
        : undefined,
    canLeave: input.canLeave,
    canEdit: input.canEdit,
    revisions: input.revisions.map((r) => ({
      id: r.id,
      when: formatDateTime(lang, r.editedAt),
      editor: r.editor ? personName(t, r.editor) : t('signals.updates.unknownAuthor'),
      title: r.title,
      description: r.description,
    })),
    memberOptions: input.members
      .filter((m) => !followers.some((f) => f.personId === m.personId))
      .map((m) => ({ value: String(m.personId), label: `${m.name} (${roleLabel(m.role)})` })),
    ...state,
  };
}

const monthLocales: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * A month "YYYY-MM" in words: `label` "dec 2025" (en: "Dec 2025"), `short` "dec" and its
 * year apart, for the chart's axis.
 */
export function monthLabels(
  lang: Lang,
  month: string,
): { label: string; short: string; year: string } {
  const [year, m] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (m ?? 1) - 1, 15));
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(monthLocales[lang], { ...options, timeZone: 'UTC' }).format(date);
  return {
    label: format({ month: 'short', year: 'numeric' }).replace('.', ''),
    short: format({ month: 'short' }).replace('.', ''),
    year: String(year),
  };
}

export function presentPattern(
  t: Translate,
  lang: Lang,
  network: NetworkRef,
  summary: PatternSummary,
): PatternViewModel {
  return {
    network,
    periods: summary.months.map((m) => {
      const { label, short, year } = monthLabels(lang, m);
      return { key: m, label, short, group: year };
    }),
    series: summary.rows.map((r) => ({
      label: themeLabel(t, r.theme),
      values: r.counts,
      total: r.total,
    })),
    totals: summary.totals,
    total: summary.total,
  };
}

/** The themes page: the default themes' labels and the network's own themes. */
export function presentThemes(
  t: Translate,
  network: NetworkRef,
  extras: readonly string[],
  state: FormState = {},
): ThemesViewModel {
  return {
    network,
    defaults: defaultThemes.map((d) => t(`signals.theme.${d}`)),
    extras: [...extras],
    ...state,
  };
}
