// Notifications: what people are told about signals they follow, duos, moderation queues,
// meetings they attend, invitations they sent and their own budget plans — in the header
// list and by mail in their own language, at once, once a day or not at all, as each person
// chooses (decision 0012).
import type { Executor } from '../../db/client.js';
import type { ModuleManifest } from '../../platform/module.js';
import { notificationKinds } from './kinds.js';
import { notificationsMessages } from './messages.js';
import { notificationsPersonData } from './person-data.js';
import { notificationsRepository } from './repository.js';
import { notificationsRoutes } from './routes.js';
import { notify, runMailWorker, SETTINGS_PATH } from './service.js';
import * as tables from './tables.js';

export type { DeliveryChoice, NotificationEvent, NotificationKind } from './kinds.js';
export type { NotifyInput } from './service.js';

/** The functions other modules may call. */
const api = {
  /**
   * Tells people about something (see NotifyInput), inside the caller's transaction: pass
   * the transaction as `db`. Rows only for people whose choice for the kind is not `off`.
   */
  notify,
  kinds: notificationKinds,
  /** How many notifications of a person are unread (the header's count). */
  countUnread: (db: Executor, personId: number) =>
    notificationsRepository(db).countUnread(personId),
  /** The page where a signed-in person makes their choices. */
  settingsPath: SETTINGS_PATH,
};

export const notificationsModule: ModuleManifest<typeof notificationsMessages, typeof api> = {
  name: 'notifications',
  tables,
  messages: notificationsMessages,
  routes: notificationsRoutes,
  personData: notificationsPersonData,
  workers: [{ name: 'mail-queue', run: runMailWorker }],
  api,
};
