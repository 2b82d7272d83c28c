// Turns the people module's rows into the plain view models of its pages. Pure: rows and
// the translator in, view models out.
import { type MemberRole, memberRoles } from '../../platform/actor.js';
import {
  chosenLanguage,
  formatDate,
  formatDateTime,
  isMessageKey,
  type Lang,
  type Translate,
} from '../../platform/i18n/index.js';
import {
  OVERVIEW_ACTIVITY_LIMIT,
  type OverviewActivity,
  type OverviewBlock,
  type OverviewPart,
} from '../../platform/module.js';
import type { AuditRow, OutboxRow } from '../../platform/repository.js';
import { countForLeaders } from './policy.js';
import type { AccountViewModel } from './views/account.js';
import type { AuditViewModel, MyDataViewModel, OutboxViewModel } from './views/admin.js';
import type { InvitationsViewModel } from './views/invitations.js';
import type { MemberRow, MyNetworksViewModel } from './views/members.js';
import type { OverviewPartView } from './views/overview.js';

/** A role in words ("coördinator"). */
export function roleLabel(t: Translate, role: MemberRole): string {
  return t(`role.${role}`);
}

/** The four roles as options of a select or radio group. */
export function roleOptions(t: Translate): Array<{ value: MemberRole; label: string }> {
  return memberRoles.map((r) => ({ value: r, label: roleLabel(t, r) }));
}

interface MembershipWithNetwork {
  networkId: number;
  networkName: string;
  slug: string;
  role: MemberRole;
  listed: boolean;
}

/** /netwerk: the person's networks, and for a leader the member counts of their area. */
export function presentMyNetworks(
  t: Translate,
  memberships: MembershipWithNetwork[],
  scoped: Array<{ name: string; members: number }>,
): MyNetworksViewModel {
  return {
    networks: memberships.map((m) => ({
      id: m.networkId,
      name: m.networkName,
      slug: m.slug,
      roleLabel: roleLabel(t, m.role),
    })),
    leaderNetworks: scoped.map((n) => ({ name: n.name, members: countForLeaders(n.members) })),
  };
}

/** A row of the member list; an erased person shows as "oud-lid". */
export function presentMember(
  t: Translate,
  m: {
    id: number;
    displayName: string;
    role: MemberRole;
    organisationName: string | null;
    listed: boolean;
  },
): MemberRow {
  return {
    id: m.id,
    name: m.displayName || t('people.formerMember'),
    role: m.role,
    roleLabel: roleLabel(t, m.role),
    organisation: m.organisationName,
    listed: m.listed,
  };
}

/** An open invitation as the coordinator sees it: to whom, and until when. */
export function presentOpenInvitation(
  t: Translate,
  lang: Lang,
  i: {
    id: number;
    kind: 'email' | 'letter';
    email: string | null;
    addressee: string | null;
    expiresAt: Date;
  },
): { id: number; label: string; until: string } {
  return {
    id: i.id,
    label:
      i.kind === 'email'
        ? t('members.invitation.email', { email: i.email ?? '' })
        : i.addressee
          ? t('members.invitation.letter', { name: i.addressee })
          : t('members.invitation.letterNoName'),
    until: t('members.invitation.until', { date: formatDate(lang, i.expiresAt) }),
  };
}

/** Display names by person id (erased people keep their row, not their name). */
export type NameLookup = Map<number, { name: string; erased: boolean }>;

/** What was done, in plain words: "Signaal gemeld", or "Geweigerd: Signalen bekijken". */
export function auditWhat(t: Translate, action: string, result: string): string {
  const key = `audit.action.${action}`;
  const what = isMessageKey(key) ? t(key) : t('audit.action.other');
  if (result === 'denied') return t('audit.denied', { what });
  if (result === 'failed') return t('audit.failed', { what });
  return what;
}

/** Who did it: their name, "oud-lid" after erasure, "onbekend" without an account. */
export function auditWho(t: Translate, actorId: number | null, names: NameLookup): string {
  if (actorId === null) return t('audit.nobody');
  const person = names.get(actorId);
  if (!person) return t('audit.nobody');
  return person.erased || person.name === '' ? t('audit.formerMember') : person.name;
}

/** Which item: "signaal 12", or a person's name. */
export function auditObject(
  t: Translate,
  objectType: string | null,
  objectId: string | null,
  names: NameLookup,
): string {
  if (!objectType) return '';
  if (objectType === 'person' && objectId !== null) {
    return auditWho(t, Number(objectId), names);
  }
  const key = `audit.object.${objectType}`;
  const label = isMessageKey(key) ? t(key) : t('audit.object.other');
  return objectId ? `${label} ${objectId}` : label;
}

/** The person ids an audit page needs names for: actors, and people as objects. */
export function auditPersonIds(rows: AuditRow[]): number[] {
  return rows.flatMap((r) => [
    ...(r.actorId === null ? [] : [r.actorId]),
    ...(r.objectType === 'person' && r.objectId && /^\d+$/.test(r.objectId)
      ? [Number(r.objectId)]
      : []),
  ]);
}

/**
 * One page of the audit log, with links to the newer and older pages. Coordinators read it
 * in plain words (who did what to which item, when); only administrators (`technical`) see
 * the action code, the result, the address it came from and the details (issue 9).
 */
export function presentAuditPage(
  t: Translate,
  lang: Lang,
  rows: AuditRow[],
  names: NameLookup,
  paging: { page: number; pageSize: number; path: string; technical: boolean },
): Pick<AuditViewModel, 'rows' | 'newer' | 'older' | 'technical'> {
  const { page, pageSize, path, technical } = paging;
  return {
    technical,
    rows: rows.slice(0, pageSize).map((r) => ({
      id: r.id,
      when: formatDateTime(lang, r.at),
      who: auditWho(t, r.actorId, names),
      what: auditWhat(t, r.action, r.result),
      object: auditObject(t, r.objectType, r.objectId, names),
      ...(technical
        ? {
            technical: {
              action: r.action,
              result: r.result,
              origin: r.origin ?? '',
              detail: r.detail ?? '',
            },
          }
        : {}),
    })),
    newer: page > 1 ? `${path}?pagina=${page - 1}` : undefined,
    older: rows.length > pageSize ? `${path}?pagina=${page + 1}` : undefined,
  };
}

/**
 * The outbox page: newest first; each mail with its state in words. The body only of mail
 * kept without a mail server (the administrator passes it on); mail for the server shows its
 * attempts and last error instead (its body may hold a link with a code; once sent it is gone).
 */
export function presentOutbox(
  t: Translate,
  lang: Lang,
  mails: OutboxRow[],
  smtp: boolean,
): OutboxViewModel {
  return {
    intro: t(smtp ? 'outbox.introSmtp' : 'outbox.intro'),
    mails: mails.map((m) => {
      const state =
        m.status === 'sent'
          ? t('outbox.status.sent', { when: m.sentAt ? formatDateTime(lang, m.sentAt) : '' })
          : m.status === 'failed'
            ? t('outbox.status.failed', { attempts: m.attempts })
            : m.status === 'waiting'
              ? m.attempts > 0
                ? t('outbox.status.retrying', {
                    attempts: m.attempts,
                    when: formatDateTime(lang, m.nextAttemptAt),
                  })
                : t('outbox.status.waiting')
              : t('outbox.status.kept');
      return {
        id: m.id,
        to: m.recipient,
        subject: m.subject,
        when: formatDateTime(lang, m.createdAt),
        status: m.status,
        state,
        ...(m.status === 'kept' ? { body: m.body } : {}),
        ...(m.lastError && m.status !== 'sent'
          ? { error: t('outbox.error', { error: m.lastError }) }
          : {}),
      };
    }),
  };
}

/** /mijn-gegevens: what the person sees of their own account and memberships. */
/** One open invitation for the coordinator's list: to whom, role, sent and valid until. */
export function presentInvitationRow(
  t: Translate,
  lang: Lang,
  i: {
    id: number;
    kind: 'email' | 'letter';
    role: MemberRole;
    email: string | null;
    addressee: string | null;
    language: 'nl' | 'en';
    createdAt: Date;
    expiresAt: Date;
  },
): InvitationsViewModel['invitations'][number] {
  return {
    id: i.id,
    kind: i.kind,
    to:
      i.kind === 'email'
        ? t('members.invitation.email', { email: i.email ?? '' })
        : i.addressee
          ? t('members.invitation.letter', { name: i.addressee })
          : t('members.invitation.letterNoName'),
    who: i.kind === 'email' ? (i.email ?? '') : (i.addressee ?? t('invitations.noName')),
    role: roleLabel(t, i.role),
    language: t(i.language === 'en' ? 'account.language.en' : 'account.language.nl'),
    languageCode: i.language === 'en' ? 'en' : 'nl',
    sent: formatDateTime(lang, i.createdAt),
    expires: formatDate(lang, i.expiresAt),
  };
}

/**
 * A short name for the device behind a session, from its user agent: "Firefox op Windows".
 * Rough on purpose (enough to recognise one's own devices); unknown agents say so.
 */
export function deviceSummary(t: Translate, userAgent: string | null): string {
  if (!userAgent) return t('account.device.unknown');
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /Firefox\/|FxiOS/.test(ua)
        ? 'Firefox'
        : /Chrome\/|CriOS|Chromium/.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : undefined;
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : undefined;
  if (browser && system) return t('account.device.on', { browser, system });
  return browser ?? system ?? t('account.device.unknown');
}

/** The self-service forms of "my data": the person's name, language and sessions. */
export function presentAccount(
  t: Translate,
  lang: Lang,
  person: {
    displayName: string;
    email: string | null;
    passwordHash: string | null;
    language: string | null;
  },
  memberships: MembershipWithNetwork[],
  sessions: Array<{
    publicId: number;
    userAgent: string | null;
    createdAt: Date;
    lastSeenAt: Date;
    current: boolean;
  }>,
  emailChangeHours: number,
): AccountViewModel {
  return {
    displayName: person.displayName,
    hasEmail: person.email !== null,
    hasPassword: person.passwordHash !== null,
    language: chosenLanguage(person.language, lang),
    emailChangeHours,
    networks: memberships.map((m) => ({ networkId: m.networkId, networkName: m.networkName })),
    sessions: sessions.map((s) => ({
      publicId: s.publicId,
      device: deviceSummary(t, s.userAgent),
      lastSeen: formatDateTime(lang, s.lastSeenAt),
      since: formatDateTime(lang, s.createdAt),
      current: s.current,
    })),
  };
}

export function presentMyData(
  t: Translate,
  person: { displayName: string; email: string | null; username: string | null } | undefined,
  memberships: MembershipWithNetwork[],
  account: AccountViewModel,
): MyDataViewModel {
  return {
    account,
    name: person?.displayName ?? '',
    email: person?.email ?? null,
    username: person?.username ?? null,
    memberships: memberships.map((m) => ({
      networkId: m.networkId,
      networkName: m.networkName,
      roleLabel: roleLabel(t, m.role),
      listed: m.listed,
    })),
  };
}

/** The overview's parts, in the order of the page. */
const overviewParts: readonly OverviewPart[] = ['waiting', 'council', 'mine', 'next'];

/** Whether a block has something waiting (a count above zero): such blocks come first. */
const waits = (block: OverviewBlock) => block.items.some((item) => (item.count ?? 0) > 0);

/**
 * The providers' blocks grouped into the page's parts (empty blocks and parts left out; in
 * each part the blocks where something waits first, else in the module list's order) and
 * their activity merged: newest first, at most OVERVIEW_ACTIVITY_LIMIT, with its day.
 */
export function presentOverview(
  t: Translate,
  lang: Lang,
  gathered: { blocks: OverviewBlock[]; activity: OverviewActivity[] },
): { parts: OverviewPartView[]; activity: { when: string; label: string; href: string }[] } {
  const parts = overviewParts
    .map((part) => ({
      part,
      title: t(`overview.part.${part}`),
      blocks: gathered.blocks
        .filter((b) => b.part === part && b.items.length > 0)
        .sort((a, b) => Number(waits(b)) - Number(waits(a))),
    }))
    .filter((p) => p.blocks.length > 0);
  const activity = [...gathered.activity]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, OVERVIEW_ACTIVITY_LIMIT)
    .map((a) => ({ when: formatDate(lang, a.at), label: a.label, href: a.href }));
  return { parts, activity };
}
