// All SQL of accounts, memberships, sessions, invitations and password resets, one file a
// part; peopleRepository(db) puts them together. peopleDirectory is what other modules read.
import type { Executor } from '../../../db/client.js';
import type { invitations, people } from '../tables.js';
import { accountRepository } from './accounts.js';
import { invitationRepository } from './invitations.js';
import { membershipRepository } from './memberships.js';
import { selfServiceRepository } from './self-service.js';
import { sessionRepository } from './sessions.js';

export { type PeopleDirectory, peopleDirectory } from './directory.js';

export type PersonRow = typeof people.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export { type AccountRow, type AccountsRepository, accountsRepository } from './admin-accounts.js';

export function peopleRepository(db: Executor) {
  return {
    ...accountRepository(db),
    ...membershipRepository(db),
    ...sessionRepository(db),
    ...invitationRepository(db),
    ...selfServiceRepository(db),
  };
}

export type PeopleRepository = ReturnType<typeof peopleRepository>;
