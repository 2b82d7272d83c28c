// The neighbourhood budget's block on a network's public page /buurt/:slug: rounds open for
// voting (with the way in) and rounds with results.
import type { Database } from '../../db/client.js';
import type { Translate } from '../../platform/i18n/index.js';
import type { PublicSection } from '../../platform/module.js';
import { budgetingRepository } from './repository.js';

/** Rounds in voting or with results; null when there are none. */
export async function budgetingPublicSection(
  db: Database,
  network: { id: number; slug: string },
  t: Translate,
): Promise<PublicSection | null> {
  const rounds = (await budgetingRepository(db).listRounds(network.id)).filter(
    (r) => r.phase !== 'submission' || r.result !== null,
  );
  if (rounds.length === 0) return null;
  const base = `/buurt/${network.slug}/wijkbudget`;
  return {
    title: t('budget.publicTitle'),
    body: (
      <ul class="utrecht-unordered-list">
        {rounds.map((r) => (
          <li class="utrecht-unordered-list__item" key={r.id}>
            {r.phase === 'voting' ? (
              <a class="utrecht-link" href={`${base}/${r.id}/stemmen`}>
                {t('budget.publicVoting', { round: r.title })}
              </a>
            ) : r.result !== null ? (
              <a class="utrecht-link" href={`${base}/${r.id}/uitslag`}>
                {t('budget.publicResults', { round: r.title })}
              </a>
            ) : (
              <a class="utrecht-link" href={`${base}/${r.id}`}>
                {r.title}
              </a>
            )}
          </li>
        ))}
      </ul>
    ),
  };
}
