// Turns library rows into the plain view models of the library pages. Pure.
import { formatDate, type Lang, type Translate } from '../../platform/i18n/index.js';
import { excerpt } from '../../platform/text.js';
import type { ShownPhoto } from '../../platform/views/PhotoFields.js';
import type { ItemRow, ReflectionRow } from './repository.js';
import { type ReflectionQuestion, reflectionQuestions } from './service.js';
import { type ItemKind, type ItemVisibility, itemKinds, itemVisibilities } from './tables.js';
import type { ItemViewModel } from './views/item.js';
import type { ItemSummary } from './views/list.js';
import type { ReflectionsViewModel } from './views/reflections.js';

export function kindLabel(t: Translate, kind: ItemKind): string {
  return t(`library.kind.${kind}`);
}

export function visibilityLabel(t: Translate, v: ItemVisibility): string {
  return t(`library.visibility.${v}`);
}

/** How many characters of an item's text a list shows, on one line (whole words). */
const LIST_EXCERPT = 160;

export const kindOptions = (t: Translate) =>
  itemKinds.map((k) => ({ value: k, label: kindLabel(t, k) }));

export const visibilityOptions = (t: Translate) =>
  itemVisibilities.map((v) => ({ value: v, label: visibilityLabel(t, v) }));

/** Text as paragraphs: split on blank lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A story's photo as pages show it (served only to those who may see the story). */
export function itemPhoto(
  itemId: number,
  photo: { width: number; height: number; description: string } | undefined,
): ShownPhoto | null {
  return photo
    ? {
        url: `/bibliotheek/${itemId}/foto`,
        alt: photo.description,
        width: photo.width,
        height: photo.height,
      }
    : null;
}

export function presentSummary(
  t: Translate,
  item: ItemRow,
  network: string,
  photo?: { width: number; height: number; description: string },
): ItemSummary {
  return {
    photo: itemPhoto(item.id, photo),
    id: item.id,
    href: `/bibliotheek/${item.id}`,
    kind: kindLabel(t, item.kind),
    title: item.title,
    excerpt: excerpt(item.body.replace(/\s+/g, ' ').trim(), LIST_EXCERPT),
    themes: item.themes,
    network,
    visibility: visibilityLabel(t, item.visibility),
  };
}

export function presentItem(
  t: Translate,
  input: {
    item: ItemRow;
    network: string;
    authorName: string | null;
    responses: {
      id: number;
      text: string;
      authorName: string | null;
      networkName: string;
      helped: boolean;
    }[];
    canRespond: boolean;
    canMarkHelped: boolean;
    canShare: boolean;
    canEdit: boolean;
    lessonFromCaseHref: string | null;
    photo?: { width: number; height: number; description: string } | undefined;
  },
): ItemViewModel {
  const { item } = input;
  const byline = (name: string | null, network: string) =>
    name === null ? t('library.byFormer', { network }) : t('library.by', { name, network });
  const extraLabel =
    item.kind === 'case'
      ? t('library.question')
      : item.kind === 'lesson'
        ? t('library.differently')
        : null;
  const source =
    item.sourceType === null
      ? null
      : {
          text: t(`library.from.${item.sourceType}`, { title: item.sourceTitle }),
          href:
            item.sourceType === 'case'
              ? `/bibliotheek/${item.sourceId}`
              : `/netwerk/${item.networkId}/experimenten/${item.sourceId}`,
        };
  return {
    id: item.id,
    editHref: input.canEdit ? `/bibliotheek/${item.id}/bewerken` : null,
    kind: kindLabel(t, item.kind),
    title: item.title,
    body: paragraphs(item.body),
    photo: itemPhoto(item.id, input.photo),
    extraLabel,
    extra: paragraphs(item.extra),
    themes: item.themes,
    byline: byline(input.authorName, input.network),
    source,
    visibility: t('library.visibleTo', { level: visibilityLabel(t, item.visibility) }),
    pending: item.requestedVisibility
      ? t('library.pending', { level: visibilityLabel(t, item.requestedVisibility) })
      : null,
    isCase: item.kind === 'case',
    responses: input.responses.map((r) => ({
      id: r.id,
      paragraphs: paragraphs(r.text),
      byline: byline(r.authorName, r.networkName),
      helped: r.helped,
    })),
    canRespond: input.canRespond,
    canMarkHelped: input.canMarkHelped,
    share: input.canShare
      ? {
          options: visibilityOptions(t),
          value: item.requestedVisibility ?? item.visibility,
        }
      : null,
    lessonFromCaseHref: input.lessonFromCaseHref,
  };
}

export function questionLabel(t: Translate, question: string): string {
  return (reflectionQuestions as readonly string[]).includes(question)
    ? t(`library.reflect.q.${question as ReflectionQuestion}`)
    : t('library.reflect.q.free');
}

export function presentReflections(
  t: Translate,
  lang: Lang,
  rows: ReflectionRow[],
): ReflectionsViewModel {
  return {
    questions: reflectionQuestions.map((q) => ({ value: q, label: questionLabel(t, q) })),
    entries: rows.map((r) => ({
      id: r.id,
      question: questionLabel(t, r.question),
      paragraphs: paragraphs(r.text),
      date: formatDate(lang, r.createdAt),
    })),
  };
}
