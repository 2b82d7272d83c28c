// The people module's pages, in four parts plus the audit log: each part's file registers
// its routes (parse → authorize → service → render or redirect).
import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit.js';
import { invitationRoutes } from './invitations.js';
import { memberRoutes } from './members.js';
import { myDataRoutes } from './my-data.js';
import type { PeopleDeps } from './shared.js';
import { signInRoutes } from './sign-in.js';

export type { PeopleDeps } from './shared.js';

export async function peopleRoutes(app: FastifyInstance, deps: PeopleDeps): Promise<void> {
  await signInRoutes(app, deps);
  await invitationRoutes(app, deps);
  await memberRoutes(app, deps);
  await auditRoutes(app, deps);
  await myDataRoutes(app, deps);
}
