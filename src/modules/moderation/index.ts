// Moderation after publication: anyone reports an item, its author withdraws it, the
// network's coordinator hides it (with a reason; the author is told) or keeps it — for every
// module's content through its manifest's `moderation` providers (decision 0009).
import type { ModuleManifest } from '../../platform/module.js';
import { moderationMessages } from './messages.js';
import { moderationOverview } from './overview.js';
import { moderationPersonData } from './person-data.js';
import { queuePath } from './presenters.js';
import { moderationRoutes } from './routes.js';
import * as tables from './tables.js';

/** The functions other modules may call. */
const api = {
  /** The address of the report form of an item. */
  reportPath: (kind: string, id: number) => `/melden/${kind}/${id}`,
  /** The address an author posts to withdraw their item. */
  withdrawPath: (kind: string, id: number) => `/intrekken/${kind}/${id}`,
  /**
   * The coordinator's moderation page (what waits for publication, and the reports),
   * filtered on one kind when given.
   */
  queuePath,
  /** The coordinator's page of one item (hide or keep). */
  moderatePath: (networkId: number, kind: string, id: number) =>
    `/netwerk/${networkId}/moderatie/${kind}/${id}`,
};

export const moderationModule: ModuleManifest<typeof moderationMessages, typeof api> = {
  name: 'moderation',
  tables,
  messages: moderationMessages,
  routes: moderationRoutes,
  personData: moderationPersonData,
  overview: [moderationOverview],
  api,
};
