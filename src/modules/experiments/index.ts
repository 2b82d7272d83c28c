// Experiments: small experiments at the edge, run by residents and professionals side by
// side — question, team, linked signals, logbook, evaluation into lessons, the board.
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { Translate } from '../../platform/i18n/index.js';
import type { ModuleManifest } from '../../platform/module.js';
import { experimentsMessages } from './messages.js';
import { experimentsPersonData } from './person-data.js';
import { can } from './policy.js';
import { statusLabel } from './presenters.js';
import { experimentsRepository } from './repository.js';
import { experimentsRoutes } from './routes.js';
import { experimentsSearch } from './search.js';
import { seedExperimentsDemo } from './seed.js';
import * as tables from './tables.js';

/** The functions other modules may call. */
const api = {
  /** Aggregated figures for the pulse, counted in SQL: numbers only. */
  pulse(db: Executor) {
    return {
      /** `{ status, n }[]` of experiments of these networks proposed in [from, to). */
      countExperiments: experimentsRepository(db).countForPulse,
    };
  },
  /**
   * For a signal's page (the caller has checked that the actor may read the signal): the
   * experiments of its network linked to it (title, status in the actor's language, path),
   * and the path that starts a new experiment from it when the actor may start one.
   */
  async listForSignal(
    db: Executor,
    t: Translate,
    actor: Actor | undefined,
    networkId: number,
    signalId: number,
  ): Promise<{
    experiments: { title: string; status: string; path: string }[];
    startPath: string | undefined;
  }> {
    const rows = await experimentsRepository(db).listExperimentsForSignal(networkId, signalId);
    return {
      experiments: rows.map((e) => ({
        title: e.title,
        status: statusLabel(t, e.status),
        path: `/netwerk/${networkId}/experimenten/${e.id}`,
      })),
      startPath: can(actor, 'experiments.create', { networkId })
        ? `/netwerk/${networkId}/experimenten/nieuw?signaal=${signalId}`
        : undefined,
    };
  },
};

export const experimentsModule: ModuleManifest<typeof experimentsMessages, typeof api> = {
  name: 'experiments',
  tables,
  messages: experimentsMessages,
  routes: experimentsRoutes,
  seed: seedExperimentsDemo,
  personData: experimentsPersonData,
  search: experimentsSearch,
  api,
};
