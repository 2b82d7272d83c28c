// Meetings (bijeenkomsten): parse → authorize → service → render or redirect. Each part's
// file registers its routes.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../platform/module.js';
import { registerAttendanceRoutes } from './attendance.js';
import { registerCalendarRoutes } from './calendar.js';
import { meetingRouteKit } from './kit.js';
import { registerMeetingRoutes } from './meetings.js';
import { registerPublicMeetingRoutes, registerResponseRoutes } from './responses.js';
import { registerRoundRoutes } from './round.js';

export async function meetingsRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const kit = meetingRouteKit(context);
  registerMeetingRoutes(app, kit);
  registerAttendanceRoutes(app, kit);
  registerRoundRoutes(app, kit);
  registerCalendarRoutes(app, kit);
  registerResponseRoutes(app, kit);
  registerPublicMeetingRoutes(app, kit);
}
