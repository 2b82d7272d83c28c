// People and access: accounts, sessions, roles in networks, invitations, the audit log pages
// and a person's rights over their data (download everything, erase the account).

export { peopleMessages } from './messages.js';
export { can as canPeople } from './policy.js';
export { type PeopleDeps, peopleRoutes, roleLabel } from './routes.js';
export { hashPassword } from './secrets.js';
export { type PeopleService, type PersonDataProvider, peopleService } from './service.js';
export { actorResolver, SESSION_COOKIE } from './session.js';
