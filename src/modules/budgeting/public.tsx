// The neighbourhood budget's block on a network's public page /buurt/:slug: rounds open for
// proposals (the public form) or voting (the way in), rounds with results, and funded projects under way (realisation).
import type { Database } from '../../db/client.js';
import type { Lang, Translate } from '../../platform/i18n/index.js';
import type { PublicSection } from '../../platform/module.js';
import { presentRealisation } from './presenters.js';
import { budgetingRepository } from './repository.js';

/**
 * Every round with the way in that fits its phase, and the funded projects that have updates and are not
 * done yet; null when there is nothing to show.
 */
export async function budgetingPublicSection(
  db: Database,
  network: { id: number; slug: string },
  t: Translate,
  lang: Lang,
): Promise<PublicSection | null> {
  const repo = budgetingRepository(db);
  const rounds = await repo.listRounds(network.id);
  if (rounds.length === 0) return null;
  const base = `/buurt/${network.slug}/wijkbudget`;
  const underWay: { roundId: number; id: number; title: string; summary: string }[] = [];
  for (const round of rounds.filter((r) => r.result !== null)) {
    const updates = await repo.listUpdates(round.id);
    if (updates.length === 0) continue;
    const projects = presentRealisation(
      lang,
      round,
      await repo.listProposals(round.id, ['accepted']),
      updates,
      new Map(),
    );
    for (const p of projects.filter((x) => x.updates.length > 0 && !x.done)) {
      underWay.push({
        roundId: round.id,
        id: p.id,
        title: p.title,
        summary: t('budget.realisation.summary', {
          progress: p.progress,
          spent: p.spent,
          cost: p.cost,
        }),
      });
    }
  }
  return {
    title: t('budget.publicTitle'),
    body: (
      <>
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
              ) : r.phase === 'submission' ? (
                <a class="utrecht-link" href={`${base}/${r.id}/voorstel`}>
                  {t('budget.publicPropose', { round: r.title })}
                </a>
              ) : (
                <a class="utrecht-link" href={`${base}/${r.id}`}>
                  {r.title}
                </a>
              )}
            </li>
          ))}
        </ul>
        {underWay.length > 0 ? (
          <>
            <h3 class="utrecht-heading-3">{t('budget.realisation.title')}</h3>
            <ul class="utrecht-unordered-list">
              {underWay.map((p) => (
                <li class="utrecht-unordered-list__item" key={p.id}>
                  <a class="utrecht-link" href={`${base}/${p.roundId}#uitvoering`}>
                    {p.title}
                  </a>
                  : {p.summary}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </>
    ),
  };
}
