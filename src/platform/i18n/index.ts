// Interface language: the catalogue of every string (nl first, en second) and the
// formats for dates and money, which follow Dutch conventions in both languages.
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogue, type MessageKey } from './catalogue.js';

export const languages = ['nl', 'en'] as const;
export type Lang = (typeof languages)[number];
export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

/**
 * The language to write to a person in: the one they chose (`people.language`, the lang
 * cookie, a form's field), or `fallback` (Dutch unless given) when they chose none or the
 * value is unknown (issue 12 item 13).
 */
export function chosenLanguage(value: unknown, fallback: Lang = 'nl'): Lang {
  return isLang(value) ? value : fallback;
}

/** Compiled plural messages, per language and key (compiling is the costly part). */
const pluralFormats: Record<Lang, Map<string, IntlMessageFormat>> = {
  nl: new Map(),
  en: new Map(),
};

/**
 * The catalogue in one language. `{name}` is replaced by the parameter; a message with a
 * plural (ICU syntax, `{count, plural, one {# bewoner} other {# bewoners}}`) is formatted
 * by intl-messageformat with the language's plural rules (Intl.PluralRules).
 */
export function translator(lang: Lang): Translate {
  return (key, params) => {
    const text = catalogue()[lang][key];
    if (!params) return text;
    if (text.includes(', plural,')) {
      let format = pluralFormats[lang].get(key);
      if (!format) {
        format = new IntlMessageFormat(text, lang);
        pluralFormats[lang].set(key, format);
      }
      return String(format.format(params));
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

export function isMessageKey(value: string): value is MessageKey {
  return value in catalogue().nl;
}

const timeZone = 'Europe/Amsterdam';
const locales: Record<Lang, string> = { nl: 'nl-NL', en: 'en-NL' };
const money = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const wholeMoney = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

// Formatters are costly to make (each loads locale data), so there is one per language.
const dates: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat(locales.nl, { dateStyle: 'long', timeZone }),
  en: new Intl.DateTimeFormat(locales.en, { dateStyle: 'long', timeZone }),
};
const dateTimes: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat(locales.nl, { dateStyle: 'long', timeStyle: 'short', timeZone }),
  en: new Intl.DateTimeFormat(locales.en, { dateStyle: 'long', timeStyle: 'short', timeZone }),
};
const numbers: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat(locales.nl),
  en: new Intl.NumberFormat(locales.en),
};

export function formatDate(lang: Lang, date: Date): string {
  return dates[lang].format(date);
}

export function formatDateTime(lang: Lang, date: Date): string {
  return dateTimes[lang].format(date);
}

/** Money is kept in whole cents; shown in Dutch format in both languages. */
export function formatMoney(cents: number): string {
  return cents % 100 === 0 ? wholeMoney.format(cents / 100) : money.format(cents / 100);
}

export function formatNumber(lang: Lang, value: number): string {
  return numbers[lang].format(value);
}

/** A duration in words: "2 minuten", "90 seconden", "1 minute" (whole minutes as minutes; ICU's unit names). */
export function formatDuration(lang: Lang, seconds: number): string {
  const minutes = seconds % 60 === 0;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: minutes ? 'minute' : 'second',
    unitDisplay: 'long',
  }).format(minutes ? seconds / 60 : seconds);
}
