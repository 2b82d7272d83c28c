// Turns search hits into the plain view models of the search page. Pure.
import { formatDate, isMessageKey, type Lang, type Translate } from '../../platform/i18n/index.js';
import { MARK_END, MARK_START, type SearchHit } from './repository.js';
import type { HitViewModel, SnippetPart } from './views/pages.js';

export function typeLabel(t: Translate, type: string): string {
  const key = `search.type.${type}`;
  return isMessageKey(key) ? t(key) : t('search.type.other');
}

/**
 * Splits a ts_headline snippet at its markers into plain and marked parts; the view
 * escapes every part, so text from the index is never taken as HTML.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) {
      parts.push({ text: rest, marked: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), marked: false });
    const end = rest.indexOf(MARK_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), marked: true });
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  return parts
    .map((p) => ({ ...p, text: p.text.replaceAll(MARK_START, '').replaceAll(MARK_END, '') }))
    .filter((p) => p.text !== '');
}

export function presentHit(
  t: Translate,
  lang: Lang,
  hit: SearchHit,
  networkName: string | undefined,
): HitViewModel {
  return {
    href: hit.path,
    title: hit.title,
    type: typeLabel(t, hit.type),
    date: formatDate(lang, hit.occurredAt),
    network: networkName ?? '',
    snippet: snippetParts(hit.snippet),
  };
}
