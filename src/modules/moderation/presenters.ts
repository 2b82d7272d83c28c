// Moderation rows → view models. Pure.
import { formatDate, isMessageKey, type Lang, type Translate } from '../../platform/i18n/index.js';
import type { ModeratedItem } from '../../platform/module.js';

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
    href: `/netwerk/${entry.item.networkId}/moderatie/${entry.item.kind}/${entry.item.id}`,
  };
}
