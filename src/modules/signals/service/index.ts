// Use cases of the signals module, in four parts: recording and reading signals, following
// them up, themes and the pattern view, and the public submissions' moderation; beside them
// the daily retention job, dashboard figures and person data. Transactions live here; SQL
// lives in repository.ts.
import type { Database } from '../../../db/client.js';
import { followUpService } from './follow-up.js';
import { moderationService } from './moderation.js';
import { buildSignalsContext } from './shared.js';
import { recordingService } from './signals.js';
import { themeService } from './themes.js';

export { countSignals, runSignalRetention, type SignalCounts, signalsPersonData } from './jobs.js';
export {
  DEFAULT_RETENTION_MONTHS,
  type Follower,
  type LoadedSignal,
  MAX_EXTRA_THEMES,
  monthsBefore,
  type NewSignalInput,
  type Origin,
  PATTERN_MONTHS,
  type PatternSummary,
  PUBLIC_TITLE_MAX,
  type RaisedBy,
  reviewPersonalDetails,
  type SignalUpdate,
} from './shared.js';

export function signalsService(db: Database) {
  const context = buildSignalsContext(db);
  return {
    ...themeService(context),
    ...recordingService(context),
    ...followUpService(context),
    ...moderationService(context),
  };
}

export type SignalsService = ReturnType<typeof signalsService>;
