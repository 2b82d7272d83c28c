// Turns spark rows into the plain view models of the sparks pages. Pure.
import {
  formatDate,
  formatDateTime,
  type Lang,
  type Translate,
} from '../../platform/i18n/index.js';
import type { SparkRow } from './repository.js';
import type { NamedSpark } from './service.js';
import type { SparkCardModel } from './views/sparks.js';

/** The path a spark's photo is served from (see the photo route). */
export function photoPath(photoId: number): string {
  return `/vonkjes/foto/${photoId}`;
}

/** A spark as a card: text, who (a member, a visitor, or "oud-lid"), when, photo. */
export function presentSpark(t: Translate, lang: Lang, s: NamedSpark): SparkCardModel {
  const author = s.authorErased
    ? t('sparks.formerMember')
    : (s.authorName ?? s.visitorName ?? t('sparks.fromNeighbourhood'));
  return {
    id: s.id,
    text: s.text,
    author,
    when: formatDateTime(lang, s.createdAt),
    isPublic: s.isPublic,
    photoUrl: s.photoId ? photoPath(s.photoId) : null,
  };
}

/** A public spark on the network's public page: no author, the date only. */
export function presentPublicSpark(s: SparkRow): SparkCardModel {
  return {
    id: s.id,
    text: s.text,
    author: '',
    when: formatDate('nl', s.createdAt),
    isPublic: true,
    photoUrl: s.photoId ? photoPath(s.photoId) : null,
  };
}

/** A spark waiting in the moderation queue. */
export function presentPending(t: Translate, lang: Lang, s: SparkRow) {
  return {
    id: s.id,
    text: s.text,
    name: s.visitorName ?? t('sparks.fromNeighbourhood'),
    when: formatDateTime(lang, s.createdAt),
  };
}
