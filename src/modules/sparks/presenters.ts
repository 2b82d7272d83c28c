// Turns spark rows into the plain view models of the sparks pages. Pure.
import {
  formatDate,
  formatDateTime,
  type Lang,
  type Translate,
} from '../../platform/i18n/index.js';
import { moderationModule } from '../moderation/index.js';
import type { SparkRow } from './repository.js';
import type { NamedSpark } from './service.js';
import type { SparkCardModel } from './views/sparks.js';

/** The moderation module's addresses for a spark (kind 'spark', see moderation.ts). */
const moderationPaths = {
  report: (id: number) => moderationModule.api.reportPath('spark', id),
  withdraw: (id: number) => moderationModule.api.withdrawPath('spark', id),
  moderate: (networkId: number, id: number) =>
    moderationModule.api.moderatePath(networkId, 'spark', id),
};

/** The path a spark's photo is served from (see the photo route). */
export function photoPath(photoId: number): string {
  return `/vonkjes/foto/${photoId}`;
}

/**
 * Who looks at a card, for its moderation links: anyone may report it (decision 0009), its
 * author may withdraw it, the network's coordinator may hide it.
 */
export interface SparkViewer {
  personId: number | null;
  coordinator: boolean;
}

/** A spark as a card: text, who (a member, a visitor, or "oud-lid"), when, photo. */
export function presentSpark(
  t: Translate,
  lang: Lang,
  s: NamedSpark,
  viewer?: SparkViewer,
): SparkCardModel {
  const author = s.authorErased
    ? t('sparks.formerMember')
    : (s.authorName ?? s.visitorName ?? t('sparks.fromNeighbourhood'));
  const own = viewer?.personId != null && s.authorId === viewer.personId;
  return {
    id: s.id,
    text: s.text,
    author,
    when: formatDateTime(lang, s.createdAt),
    isPublic: s.isPublic,
    waitsForPublic: s.publicRequested,
    photoUrl: s.photoId ? photoPath(s.photoId) : null,
    photoAlt: s.photoDescription ?? t('sparks.photoAlt'),
    ...(viewer
      ? {
          actions: {
            report: moderationPaths.report(s.id),
            withdraw: own ? moderationPaths.withdraw(s.id) : null,
            moderate: viewer.coordinator ? moderationPaths.moderate(s.networkId, s.id) : null,
          },
        }
      : {}),
  };
}

/** A public spark on the network's public page: no author, the date only (in the page's language). */
export function presentPublicSpark(t: Translate, lang: Lang, s: SparkRow): SparkCardModel {
  return {
    id: s.id,
    text: s.text,
    author: '',
    when: formatDate(lang, s.createdAt),
    isPublic: true,
    waitsForPublic: false,
    photoUrl: s.photoId ? photoPath(s.photoId) : null,
    photoAlt: s.photoDescription ?? t('sparks.photoAlt'),
    actions: { report: moderationPaths.report(s.id), withdraw: null, moderate: null },
  };
}
