// The pulse in short on a network's public page /buurt/:slug: a few headline figures of the
// last 12 months, with groups of 1 to 4 hidden as for leaders. Counts only, never names.
import type { Database } from '../../db/client.js';
import type { Translate } from '../../platform/i18n/index.js';
import type { PublicSection } from '../../platform/module.js';
import { toLocal } from '../../platform/time.js';
import { presentHeadlines } from './headlines.js';
import { monthsBack, periodOf, pulseService } from './service.js';
import { Headlines } from './views/overview.js';

/** The block, or null when nothing happened in the network in the last 12 months. */
export async function pulsePublicSection(
  db: Database,
  network: { id: number },
  t: Translate,
  now: Date = new Date(),
): Promise<PublicSection | null> {
  const today = toLocal(now).date;
  const period = periodOf(monthsBack(today, 11), monthsBack(today, 0));
  const pulse = await pulseService(db).headlineFiguresOf([network.id], period, today);
  const anything =
    pulse.signals.length > 0 ||
    pulse.decisions.length > 0 ||
    pulse.attendance.residents + pulse.attendance.professionals > 0;
  if (!anything) return null;
  return {
    title: t('pulse.publicTitle'),
    body: (
      <div>
        <p class="utrecht-paragraph">{t('pulse.publicIntro')}</p>
        <Headlines items={presentHeadlines(t, pulse)} />
      </div>
    ),
  };
}
