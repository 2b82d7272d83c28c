// Moderation rows → view models. Pure.
import {
  formatDate,
  formatDateTime,
  isMessageKey,
  type Lang,
  type MessageKey,
  type Translate,
} from '../../platform/i18n/index.js';
import type { ModeratedItem, WaitingItem } from '../../platform/module.js';

/** The kind's name ("Vonkje"), or the kind itself for a kind without a message. */
export function kindLabel(t: Translate, kind: string): string {
  const key = `moderation.kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

export interface QueueEntryModel {
  kind: string;
  text: string;
  summary: string;
  href: string;
}

export function presentQueueEntry(
  t: Translate,
  lang: Lang,
  entry: { item: ModeratedItem; reports: number; firstAt: Date },
): QueueEntryModel {
  return {
    kind: kindLabel(t, entry.item.kind),
    text: entry.item.text,
    summary: t('moderation.queue.reports', {
      count: entry.reports,
      date: formatDate(lang, entry.firstAt),
    }),
    href: `${queuePath(entry.item.networkId)}/${entry.item.kind}/${entry.item.id}`,
  };
}

/** An item waiting for publication, as the moderation page shows it. */
export interface WaitingEntryModel {
  /** `kind-id`: the card's anchor and the suffix of its field ids. */
  key: string;
  kind: string;
  title: string | null;
  text: string;
  from: string;
  approveAction: string;
  /** The approve button's words ("Publiceren", or the kind's own). */
  approveLabel: string;
  rejectAction: string;
  /** With an author to tell, a reason for a refusal is required. */
  reasonRequired: boolean;
  choice: WaitingItem['choice'] | null;
  /** Where the whole item can be read, when the card shows only part of it. */
  href: string | null;
  /** Sent back with the decision (see WaitingItem.version), or null. */
  version: string | null;
}

/** The address of the moderation page, filtered on a kind when one is given (`?soort=`). */
export function queuePath(networkId: number, kind?: string): string {
  const base = `/netwerk/${networkId}/moderatie`;
  return kind ? `${base}?${KIND_PARAM}=${encodeURIComponent(kind)}` : base;
}

/** The query parameter of the page's kind filter. */
export const KIND_PARAM = 'soort';

/** `approve`: the message key of the kind's approve button (see PublicationWords). */
export function presentWaiting(
  t: Translate,
  lang: Lang,
  item: WaitingItem,
  approve: MessageKey,
): WaitingEntryModel {
  const base = `/netwerk/${item.networkId}/moderatie/wacht/${item.kind}/${item.id}`;
  return {
    key: `${item.kind}-${item.id}`,
    kind: kindLabel(t, item.kind),
    title: item.title,
    text: item.text,
    from: t('moderation.waiting.from', {
      author: item.authorLabel,
      date: formatDateTime(lang, item.createdAt),
    }),
    approveAction: `${base}/publiceren`,
    approveLabel: t(approve),
    rejectAction: `${base}/afwijzen`,
    reasonRequired: item.authorId !== null,
    choice: item.choice ?? null,
    href: item.path ?? null,
    version: item.version ?? null,
  };
}
