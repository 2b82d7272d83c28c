// The pulse of one network over a period: every figure comes from the module that owns the
// data, counted there in SQL (no rows are loaded to be counted here).
import type { Database } from '../../db/client.js';
import { type BudgetPulse, budgetingModule } from '../budgeting/index.js';
import { decisionsModule } from '../decisions/index.js';
import { experimentsModule } from '../experiments/index.js';
import { libraryModule } from '../library/index.js';
import { meetingsModule } from '../meetings/index.js';
import { peopleModule } from '../people/index.js';
import { signalsModule } from '../signals/index.js';

/** A period of whole months: [from, to) as Amsterdam calendar dates, and its months. */
export interface Period {
  from: string;
  to: string;
  /** "YYYY-MM", oldest first. */
  months: string[];
}

/** The pulse of one network or of all networks of a municipality or region: counts only. */
export interface NetworkPulse {
  decisions: {
    month: string;
    effect: string;
    involvement: string;
    fromResidents: boolean;
    n: number;
  }[];
  dueForReview: number;
  signals: { month: string; theme: string; raisedBy: string; n: number }[];
  agenda: { origin: string; n: number }[];
  attendance: { residents: number; professionals: number };
  experiments: { status: string; n: number }[];
  lessons: { visibility: string; n: number }[];
  budget: BudgetPulse;
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

/** The figures the pulse in short needs (a leader's overview, a public page). */
export type PulseHeadlineFigures = Pick<
  NetworkPulse,
  'decisions' | 'dueForReview' | 'signals' | 'attendance'
>;

export function pulseService(db: Database) {
  return {
    /**
     * Only the figures of the pulse in short, counted in SQL like `pulseOf` (the agenda,
     * experiments, lessons and budget counts are left out: the short pulse does not show them).
     */
    async headlineFiguresOf(
      networkIds: readonly number[],
      period: Period,
      today: string,
    ): Promise<PulseHeadlineFigures> {
      const { from, to } = period;
      const signals = signalsModule.api.pulse(db);
      const decisions = decisionsModule.api.pulse(db);
      const [byDecision, dueForReview, bySignal, attendance] = await Promise.all([
        decisions.countDecisions(networkIds, from, to, signals.residentSignalIds(networkIds)),
        decisions.countDueForReview(networkIds, today),
        signals.countSignals(networkIds, from, to),
        meetingsModule.api
          .pulse(db)
          .countAttendance(
            networkIds,
            from,
            to,
            peopleModule.api.directory(db).residentMemberships(networkIds),
          ),
      ]);
      return { decisions: byDecision, dueForReview, signals: bySignal, attendance };
    },

    /**
     * Every figure of the pulse of a set of networks (one network, or all of a municipality
     * or region) for the period, each counted in SQL by the module owning the data; `today`
     * ("YYYY-MM-DD") for the reviews due.
     */
    async pulseOf(
      networkIds: readonly number[],
      period: Period,
      today: string,
    ): Promise<NetworkPulse> {
      const { from, to } = period;
      const directory = peopleModule.api.directory(db);
      const signals = signalsModule.api.pulse(db);
      const decisions = decisionsModule.api.pulse(db);
      const meetings = meetingsModule.api.pulse(db);
      const [byDecision, dueForReview, bySignal, agenda, attendance, experiments, lessons, budget] =
        await Promise.all([
          decisions.countDecisions(networkIds, from, to, signals.residentSignalIds(networkIds)),
          decisions.countDueForReview(networkIds, today),
          signals.countSignals(networkIds, from, to),
          meetings.countAgenda(networkIds, from, to),
          meetings.countAttendance(networkIds, from, to, directory.residentMemberships(networkIds)),
          experimentsModule.api.pulse(db).countExperiments(networkIds, from, to),
          libraryModule.api.pulse(db).countLessons(networkIds, from, to),
          budgetingModule.api
            .pulse(db)
            .countRounds(networkIds, from, to, directory.residentMemberships(networkIds)),
        ]);
      return {
        decisions: byDecision,
        dueForReview,
        signals: bySignal,
        agenda,
        attendance,
        experiments,
        lessons,
        budget,
      };
    },
  };
}
