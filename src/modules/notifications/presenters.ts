// Notifications as words: one line in the reader's language, the mail of one notification and
// the daily summary. Pure: the caller passes the translator, addresses and rows.
import {
  formatDateTime,
  formatMoney,
  isMessageKey,
  type Lang,
  type MessageKey,
  type Translate,
} from '../../platform/i18n/index.js';
import { excerpt } from '../../platform/text.js';
import { type DeliveryChoice, deliveryChoices, type NotificationKind } from './kinds.js';

/** What a line needs of a notification (a row of `notifications`). */
export interface NotificationFacts {
  kind: NotificationKind;
  event: string;
  params: Record<string, string | number>;
}

/**
 * The notification as one sentence in `lang`. Parameters are shown as given, except `at`
 * (an ISO instant: date and time in the reader's language), names ending in `Key` (a
 * catalogue key, translated), names ending in `Cents` (an amount in cents, shown in euros)
 * and names `<name>:<lang>` (a text made in each language beforehand, such as the
 * explanation of a budget result: the reader's language gives `<name>`).
 */
export function describeNotification(t: Translate, lang: Lang, facts: NotificationFacts): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(facts.params)) {
    const inLang = /^(\w+):(nl|en)$/.exec(name);
    if (inLang) {
      if (inLang[2] === lang) params[inLang[1]!] = value;
    } else if (name.endsWith('Cents') && typeof value === 'number') {
      params[name] = formatMoney(value);
    } else if (name === 'at' && typeof value === 'string') {
      const at = new Date(value);
      params[name] = Number.isNaN(at.getTime()) ? value : formatDateTime(lang, at);
    } else if (name.endsWith('Key') && typeof value === 'string' && isMessageKey(value)) {
      params[name] = t(value);
    } else params[name] = value;
  }
  const key = `notifications.event.${facts.kind}.${facts.event}`;
  return isMessageKey(key) ? t(key as MessageKey, params) : key;
}

export const kindLabel = (kind: NotificationKind): MessageKey => `notifications.kind.${kind}`;

/** A rendered mail: subject and plain-text body. */
export interface RenderedMail {
  subject: string;
  body: string;
}

/** A mail subject's length at most, in characters: longer ones end at a word with "…". */
const SUBJECT_MAX = 120;

/** The mail of one notification: its sentence, the link, and where to change the choice. */
export function renderSingleMail(
  t: Translate,
  lang: Lang,
  facts: NotificationFacts,
  links: { item: string; choice: string },
): RenderedMail {
  const line = describeNotification(t, lang, facts);
  return {
    subject: excerpt(`Buurtkracht: ${line}`, SUBJECT_MAX),
    body: [
      t('notifications.mail.greeting'),
      '',
      line,
      t('notifications.mail.look', { url: links.item }),
      '',
      t('notifications.mail.signature'),
      '',
      '--',
      t('notifications.mail.why', { kind: t(kindLabel(facts.kind)), url: links.choice }),
    ].join('\n'),
  };
}

/**
 * The daily summary of one person: every line with its link, then per kind in it the
 * link that changes that kind's choice, and the settings page.
 */
export function renderSummaryMail(
  t: Translate,
  lang: Lang,
  items: Array<NotificationFacts & { link: string }>,
  links: { choice: (kind: NotificationKind) => string; settings: string },
): RenderedMail {
  const kinds = [...new Set(items.map((i) => i.kind))];
  return {
    subject: t('notifications.summary.subject', { count: items.length }),
    body: [
      t('notifications.mail.greeting'),
      '',
      t('notifications.summary.intro'),
      '',
      ...items.flatMap((item) => [`- ${describeNotification(t, lang, item)}`, `  ${item.link}`]),
      '',
      t('notifications.mail.signature'),
      '',
      '--',
      ...kinds.map((kind) =>
        t('notifications.summary.change', { kind: t(kindLabel(kind)), url: links.choice(kind) }),
      ),
      t('notifications.mail.settings', { url: links.settings }),
    ].join('\n'),
  };
}

/** One kind's choice as a group of radio buttons. */
export interface ChoiceFieldModel {
  name: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
}

/** The radio group of one kind: its label and the three choices, the current one checked. */
export function presentChoiceField(
  t: Translate,
  name: string,
  kind: NotificationKind,
  value: DeliveryChoice,
): ChoiceFieldModel {
  return {
    name,
    label: t(kindLabel(kind)),
    value,
    options: deliveryChoices.map((choice) => ({
      value: choice,
      label: t(`notifications.choice.${choice}`),
    })),
  };
}
