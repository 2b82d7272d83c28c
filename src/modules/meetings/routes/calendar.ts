// iCalendar feeds: the public meetings of a network, and all its meetings for its members.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { baseUrl } from '../../../platform/urls.js';
import { can } from '../policy.js';
import { kindLabel } from '../presenters.js';
import { checked, type MeetingRouteKit, open } from './kit.js';

export function registerCalendarRoutes(app: FastifyInstance, kit: MeetingRouteKit): void {
  const { service, networks, config } = kit;

  // ── iCalendar feeds ───────────────────────────────────────────────────────────────────

  function sendCalendar(reply: FastifyReply, body: string, name: string, isPublic: boolean) {
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${name}.ics"`)
      .header('cache-control', isPublic ? 'public, max-age=900' : 'private, no-store')
      .send(body);
  }

  app.get('/buurt/:slug/agenda.ics', open, async (request, reply) => {
    const network = await networks.bySlug(request);
    const body = await service.buildCalendar({
      networkId: network.id,
      networkName: network.name,
      onlyPublic: true,
      baseUrl: baseUrl(config, request),
      kindLabel: (k) => kindLabel(request.t, k),
    });
    return sendCalendar(reply, body, network.slug, true);
  });

  app.get('/netwerk/:networkId/bijeenkomsten/agenda.ics', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'meetings.view', can);
    const body = await service.buildCalendar({
      networkId: network.id,
      networkName: network.name,
      onlyPublic: false,
      baseUrl: baseUrl(config, request),
      kindLabel: (k) => kindLabel(request.t, k),
    });
    return sendCalendar(reply, body, `${network.slug}-leden`, false);
  });
}
