// People and access: accounts, sessions, roles in networks, invitations, the audit log pages
// and a person's rights over their data (download everything, erase the account).
import type { Executor } from '../../db/client.js';
import type { ModuleContext, ModuleManifest } from '../../platform/module.js';
import { isCommonPassword } from './common-passwords.js';
import { invitationLanguageChoice, invitationLanguageSchema } from './invitation-language.js';
import { peopleMessages } from './messages.js';
import { roleLabel } from './presenters.js';
import { peopleDirectory } from './repository/index.js';
import { peopleRoutes } from './routes/index.js';
import { hashPassword } from './secrets.js';
import { DEMO_PASSWORD, demoAccounts, seedPeopleDemo } from './seed.js';
import {
  type PeopleService,
  type PeopleServiceOptions,
  peopleOverview,
  peopleService,
} from './service/index.js';
import { actorResolver, SESSION_COOKIE } from './session.js';
import * as tables from './tables.js';

export type { InvitationLanguageChoice } from './invitation-language.js';
export type { PeopleDirectory } from './repository/index.js';
export type { DemoAccount, DemoRole } from './seed.js';
export type { AdminOrigin, LeaderScopeInput, PeopleService } from './service/index.js';

const services = new WeakMap<ModuleContext, PeopleService>();

/** The people service of an app: built once per app context, shared by routes and access. */
function serviceFor(context: ModuleContext): PeopleService {
  let service = services.get(context);
  if (!service) {
    service = peopleService({
      db: context.db,
      mailer: context.mailer,
      codeSecret: context.codeSecret,
      sessionIdleMinutes: context.config.sessionIdleMinutes,
      sessionAbsoluteHours: context.config.sessionAbsoluteHours,
      personData: context.personData,
    });
    services.set(context, service);
  }
  return service;
}

/** The functions other modules may call. */
const api = {
  serviceFor,
  /**
   * A people service outside a web app (the command line): the same use cases on a database
   * opened with the same settings (the code secret must be the server's).
   */
  serviceWith: (options: PeopleServiceOptions) => peopleService(options),
  /** Resolves the session cookie of a request to its actor (see platform/access.ts). */
  actorResolver: (context: ModuleContext) => actorResolver(serviceFor(context)),
  /** Members, roles and display names, for other modules. */
  directory: (db: Executor) => peopleDirectory(db),
  hashPassword,
  /** Whether a password is too common (or too close to the person's own words). */
  isCommonPassword,
  roleLabel,
  /**
   * The letter-language field of an invitation form: `schema()` (`nl`/`en`, default Dutch)
   * and `choice(t)`, its radio group for a view; every form that invites asks it this way.
   */
  invitationLanguage: { schema: invitationLanguageSchema, choice: invitationLanguageChoice },
  SESSION_COOKIE,
  /**
   * The demo's accounts and their shared password (listed on the login page in demo mode).
   * A getter: the network and people faces import each other, so the seed's constants are
   * read when asked for, not while the modules load.
   */
  get demo() {
    return { password: DEMO_PASSWORD, accounts: demoAccounts };
  },
};

export const peopleModule: ModuleManifest<typeof peopleMessages, typeof api, typeof tables> = {
  name: 'people',
  tables,
  messages: peopleMessages,
  routes: (app, context) => peopleRoutes(app, { context, service: serviceFor(context) }),
  seed: seedPeopleDemo,
  overview: [peopleOverview],
  api,
};
