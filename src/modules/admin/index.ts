// The administration (/beheer): places, networks, organisations, people, leaders, the mail
// check and the platform settings, plus what the command line does (first administrator,
// CSV export and import). It owns no tables: it works through the network and people faces.
import type { ModuleManifest } from '../../platform/module.js';
import { peopleModule } from '../people/index.js';
import { csvColumns, csvKinds, exportPlaces, importPlaces } from './csv.js';
import { adminMessages } from './messages.js';
import { adminRoutes } from './routes/index.js';
import { adminService } from './service.js';
import { commandLinePeople, firstAdminNotice } from './setup.js';

export type { CsvKind, ImportResult } from './csv.js';

/** The functions other parts may call (the command line and server.ts). */
const api = {
  /** The command on a production database without an administrator; undefined otherwise. */
  firstAdminNotice,
  /** The people service on the server's database, for the command line. */
  commandLinePeople,
  csvKinds,
  csvColumns,
  /** Every place, network and organisation as one CSV text per kind. */
  exportPlaces,
  /** Imports CSV texts per kind: idempotent by slug, every row checked, one transaction. */
  importPlaces,
};

export const adminModule: ModuleManifest<typeof adminMessages, typeof api> = {
  name: 'admin',
  tables: {},
  messages: adminMessages,
  routes: (app, context) =>
    adminRoutes(app, {
      context,
      service: adminService(context.db, context.mailer),
      people: peopleModule.api.serviceFor(context),
    }),
  api,
};
