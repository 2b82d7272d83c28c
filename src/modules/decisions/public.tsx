// The decisions block on a network's public page /buurt/:slug: what the network decided in
// the past year, with the community strength check and how residents were involved.
import type { Database } from '../../db/client.js';
import type { Lang, Translate } from '../../platform/i18n/index.js';
import type { PublicSection } from '../../platform/module.js';
import { toLocal } from '../../platform/time.js';
import { paragraphs, presentSummary } from './presenters.js';
import { decisionsRepository } from './repository.js';
import { NotInvolvedFlag } from './views/pages.js';

/** The day one year before `today` (YYYY-MM-DD). */
export function yearBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - 1, m - 1, d, 12));
  return date.toISOString().slice(0, 10);
}

/**
 * Decided and reviewed decisions of the last year that are not marked internal, newest
 * first; null when there are none. Only what the decision says about itself: no names of
 * members, no links to member pages.
 */
export async function decisionsPublicSection(
  db: Database,
  network: { id: number },
  t: Translate,
  lang: Lang,
  now: Date = new Date(),
): Promise<PublicSection | null> {
  const today = toLocal(now).date;
  const rows = await decisionsRepository(db).listPublicSince(network.id, yearBefore(today));
  if (rows.length === 0) return null;
  return {
    title: t('decisions.publicTitle'),
    body: (
      <div>
        <p class="utrecht-paragraph">{t('decisions.publicIntro')}</p>
        <ul class="utrecht-unordered-list bk-decisions">
          {rows.map((row) => {
            const d = presentSummary(t, lang, row, today);
            return (
              <li class="utrecht-unordered-list__item bk-decision" key={d.id}>
                <strong>{d.title}</strong> — {d.date}
                {paragraphs(row.body).map((p, n) => (
                  <p class="utrecht-paragraph" key={n}>
                    {p}
                  </p>
                ))}
                <p class="utrecht-paragraph">
                  <strong class={`bk-effect bk-effect--${d.effectKey}`}>{d.check}</strong>
                  {': '}
                  {row.effectReasoning}
                </p>
                <p class="utrecht-paragraph">{d.involvement}</p>
                {row.reviewEffect ? (
                  <p class="utrecht-paragraph">
                    <strong>
                      {t('decisions.reviewLine', {
                        effect: t(`decisions.effect.${row.reviewEffect}`),
                      })}
                    </strong>
                    {': '}
                    {row.reviewText}
                  </p>
                ) : null}
                {d.notInvolved ? (
                  <NotInvolvedFlag ctx={{ t }} reason={d.notInvolvedReason} />
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    ),
  };
}
