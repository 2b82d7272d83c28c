// Sections the network module shows on the public network page /buurt/:slug.
import type { VNode } from 'preact';
import type { Database } from '../../db/client.js';
import {
  formatDate,
  formatDateTime,
  type Lang,
  type Translate,
} from '../../platform/i18n/index.js';
import { meetingLabel } from './routes.js';
import { sparksService } from './service.js';
import { PublicSparksList } from './views/sparks.js';

export interface PublicSection {
  title: string;
  body: VNode;
}

/** The network whose public page is shown (found by the page already). */
export interface PublicNetwork {
  id: number;
  slug: string;
}

/** The public sparks of a network (newest first), with the link to send one. */
export async function sparksPublicSection(
  db: Database,
  network: PublicNetwork,
  t: Translate,
): Promise<PublicSection | null> {
  const rows = await sparksService(db).publicSparks(network.id, 6);
  const sparks = rows.map((s) => ({
    id: s.id,
    text: s.text,
    author: '',
    when: formatDate('nl', s.createdAt),
    isPublic: true,
    photoUrl: s.photoId ? `/vonkjes/foto/${s.photoId}` : null,
  }));
  return {
    title: t('sparks.public.title'),
    body: <PublicSparksList ctx={{ t }} sparks={sparks} slug={network.slug} />,
  };
}

/** Upcoming public meetings, with the public calendar feed; null when there are none. */
export async function meetingsPublicSection(
  db: Database,
  network: PublicNetwork,
  t: Translate,
  lang: Lang,
): Promise<PublicSection | null> {
  const rows = await sparksService(db).upcomingPublic(network.id, 5);
  if (rows.length === 0) return null;
  return {
    title: t('meetings.publicTitle'),
    body: (
      <div>
        <ul class="utrecht-unordered-list bk-meetings">
          {rows.map((m) => (
            <li class="utrecht-unordered-list__item" key={m.id}>
              <strong>{meetingLabel(t, m)}</strong> — {formatDateTime(lang, m.startsAt)}
              {m.place ? `, ${m.place}` : ''}
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
