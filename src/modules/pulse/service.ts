// The pulse of one network over a period: every figure comes from the module that owns the
// data, counted there in SQL (no rows are loaded to be counted here).
import type { Database } from '../../db/client.js';
import { decisionsModule } from '../decisions/index.js';
import { experimentsModule } from '../experiments/index.js';
import { meetingsModule } from '../meetings/index.js';
import { signalsModule } from '../signals/index.js';

/** A period of whole months: [from, to) as Amsterdam calendar dates, and its months. */
export interface Period {
  from: string;
  to: string;
  /** "YYYY-MM", oldest first. */
  months: string[];
}

export interface NetworkPulse {
  decisions: { month: string; effect: string; involvement: string; n: number }[];
  dueForReview: number;
  signals: { theme: string; raisedBy: string; n: number }[];
  agenda: { origin: string; n: number }[];
  experiments: { status: string; n: number }[];
}

/** The months from `first` to `last` ("YYYY-MM", inclusive) as a period. */
export function periodOf(first: string, last: string): Period {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  // The first day of the month after the last one.
  return { from: `${first}-01`, to: `${y}-${String(m).padStart(2, '0')}-01`, months };
}

/** "YYYY-MM" `n` months before the month of `today` ("YYYY-MM-DD"). */
export function monthsBack(today: string, n: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 15));
  return d.toISOString().slice(0, 7);
}

export function pulseService(db: Database) {
  return {
    /** Every figure of the network's pulse for the period; `today` for the reviews due. */
    async networkPulse(networkId: number, period: Period, today: string): Promise<NetworkPulse> {
      const decisions = decisionsModule.api.pulse(db);
      const [byDecision, dueForReview, signals, agenda, experiments] = await Promise.all([
        decisions.countDecisions(networkId, period.from, period.to),
        decisions.countDueForReview(networkId, today),
        signalsModule.api.pulse(db).countSignals(networkId, period.from, period.to),
        meetingsModule.api.pulse(db).countAgenda(networkId, period.from, period.to),
        experimentsModule.api.pulse(db).countExperiments(networkId, period.from, period.to),
      ]);
      return { decisions: byDecision, dueForReview, signals, agenda, experiments };
    },
  };
}
