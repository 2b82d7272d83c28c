// The meetings block on a network's public page /buurt/:slug.
import type { Database } from '../../db/client.js';
import type { Lang, Translate } from '../../platform/i18n/index.js';
import type { PublicSection } from '../../platform/module.js';
import { meetingLabel, whenLabel } from './presenters.js';
import { meetingsRepository } from './repository.js';
import { MeetingName } from './views/list.js';

/** How many upcoming public meetings the public page lists. */
export const PUBLIC_MEETINGS_SHOWN = 5;

/**
 * Public meetings that have not ended (one under way is still shown), each linking to its
 * public page, with the public calendar feed; null when there are none.
 */
export async function meetingsPublicSection(
  db: Database,
  network: { id: number; slug: string },
  t: Translate,
  lang: Lang,
): Promise<PublicSection | null> {
  const rows = await meetingsRepository(db).listUpcomingPublic(
    network.id,
    new Date(),
    PUBLIC_MEETINGS_SHOWN,
  );
  if (rows.length === 0) return null;
  return {
    title: t('meetings.publicTitle'),
    body: (
      <div>
        <ul class="utrecht-unordered-list bk-meetings">
          {rows.map((m) => (
            <li class="utrecht-unordered-list__item" key={m.id}>
              {m.cancelledAt ? <strong>{t('meetings.cancelled')}: </strong> : null}
              <a class="utrecht-link" href={`/buurt/${network.slug}/bijeenkomsten/${m.id}`}>
                <MeetingName label={meetingLabel(t, m)} />
              </a>{' '}
              — {whenLabel(t, lang, m)}
              {m.place ? (
                <>
                  , <span lang="nl">{m.place}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/buurt/${network.slug}/agenda.ics`}>
            {t('meetings.publicFeed')}
          </a>
        </p>
      </div>
    ),
  };
}
