// Use cases of accounts and memberships, in four parts: signing in (sessions, password
// reset), invitations, members, and a person's rights over their data. Built once per app.
import type { PersonDataProvider } from '../../../platform/module.js';
import { accountService } from './accounts.js';
import { type PeopleServiceOptions, serviceContext } from './context.js';
import { invitationService } from './invitations.js';
import { memberService } from './members.js';
import { myDataService } from './my-data.js';
import { selfService } from './self-service.js';
import { signInService } from './sign-in.js';

export type { AdminOrigin, LeaderScopeInput } from './accounts.js';
export { LEADER_LINK_MINUTES, SETUP_LINK_MINUTES } from './accounts.js';
export { INVITATION_DAYS } from './invitations.js';
export { gatherOverview, peopleOverview } from './overview.js';
export { EMAIL_CHANGE_HOURS } from './self-service.js';
export type { LoginResult } from './sign-in.js';
/** Rows another module holds about a person: included in the export, anonymised on erasure. */
export type { PeopleServiceOptions, PersonDataProvider };

export function peopleService(options: PeopleServiceOptions) {
  const context = serviceContext(options);
  return {
    ...signInService(context),
    ...invitationService(context),
    ...memberService(context),
    ...myDataService(context),
    ...accountService(context),
    ...selfService(context),
  };
}

export type PeopleService = ReturnType<typeof peopleService>;
