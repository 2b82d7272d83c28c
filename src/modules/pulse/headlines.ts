// The pulse in short: a few headline figures of a period, with groups of 1 to 4 hidden —
// for a leader's overview and a network's public page. Pure.
import type { Translate } from '../../platform/i18n/index.js';
import { shareOf, suppressed } from './policy.js';
import type { PulseHeadlineFigures } from './service.js';

/** One headline: what is counted and its value as shown ("12", "40%", "minder dan 5", "–"). */
export interface Headline {
  label: string;
  value: string;
}

const sum = (rows: { n: number }[]) => rows.reduce((total, r) => total + r.n, 0);

/**
 * Signals, decisions, the share of decisions residents co-decided or were consulted on, the
 * share of residents among those who came to meetings, and the decisions due for review.
 * Always with small groups hidden: a count of 1 to 4 and any share that would reveal one.
 */
export function presentHeadlines(t: Translate, p: PulseHeadlineFigures): Headline[] {
  const count = (n: number) => {
    const v = suppressed(n);
    return v === null ? t('pulse.fewerThan5') : String(v);
  };
  const share = (part: number, whole: number) => {
    const v = shareOf(part, whole, true);
    return v === null ? t('pulse.noShare') : `${v}%`;
  };
  const decisions = sum(p.decisions);
  const involved = sum(
    p.decisions.filter((d) => d.involvement === 'co_decided' || d.involvement === 'consulted'),
  );
  const attended = p.attendance.residents + p.attendance.professionals;
  return [
    { label: t('pulse.headline.signals'), value: count(sum(p.signals)) },
    { label: t('pulse.headline.decisions'), value: count(decisions) },
    { label: t('pulse.headline.involved'), value: share(involved, decisions) },
    { label: t('pulse.headline.attendance'), value: share(p.attendance.residents, attended) },
    { label: t('pulse.headline.reviews'), value: count(p.dueForReview) },
  ];
}
