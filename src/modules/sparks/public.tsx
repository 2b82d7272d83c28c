// The sparks block on a network's public page /buurt/:slug.
import type { Database } from '../../db/client.js';
import type { Lang, Translate } from '../../platform/i18n/index.js';
import type { PublicSection } from '../../platform/module.js';
import { presentPublicSpark } from './presenters.js';
import { sparksRepository } from './repository.js';
import { PublicSparksList } from './views/sparks.js';

/** How many public sparks the public page shows, newest first. */
export const PUBLIC_SPARKS_SHOWN = 6;

/** The public sparks of a network (newest first, dates in `lang`), with the link to send one. */
export async function sparksPublicSection(
  db: Database,
  network: { id: number; slug: string },
  t: Translate,
  lang: Lang,
): Promise<PublicSection | null> {
  const rows = await sparksRepository(db).listPublic(network.id, PUBLIC_SPARKS_SHOWN);
  return {
    title: t('sparks.public.title'),
    body: (
      <PublicSparksList
        ctx={{ t }}
        sparks={rows.map((s) => presentPublicSpark(t, lang, s))}
        slug={network.slug}
      />
    ),
  };
}
