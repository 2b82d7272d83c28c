// iCalendar feeds: the public meetings of a network; all its meetings for its members, by
// session or by each person's secret feed address (which calendar apps can subscribe to);
// and the page "Agenda in uw telefoon" where a member gets or renews that address.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../../platform/access.js';
import { recordAudit } from '../../../platform/audit.js';
import { baseUrl } from '../../../platform/urls.js';
import { networkModule } from '../../network/index.js';
import { peopleModule } from '../../people/index.js';
import { can } from '../policy.js';
import { kindLabel } from '../presenters.js';
import { FeedPage } from '../views/feed.js';
import { checked, type MeetingRouteKit, open } from './kit.js';

/** A feed token as made by renewFeedToken: 32 base64url characters. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export function registerCalendarRoutes(app: FastifyInstance, kit: MeetingRouteKit): void {
  const { service, networks, config, db, codeSecret } = kit;
  const site = () => baseUrl(config);

  function sendCalendar(reply: FastifyReply, body: string, name: string, isPublic: boolean) {
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${name}.ics"`)
      .header('cache-control', isPublic ? 'public, max-age=900' : 'private, no-store')
      .send(body);
  }

  /** All meetings of a network, linking to the members' pages. */
  function membersCalendar(request: FastifyRequest, network: { id: number; name: string }) {
    return service.buildCalendar({
      networkId: network.id,
      networkName: network.name,
      onlyPublic: false,
      baseUrl: site(),
      meetingUrl: (id) => `${site()}/netwerk/${network.id}/bijeenkomsten/${id}`,
      kindLabel: (k) => kindLabel(request.t, k),
      cancelledLabel: request.t('meetings.cancelled'),
      moreLabel: request.t('meetings.feed.more'),
    });
  }

  app.get('/buurt/:slug/agenda.ics', open, async (request, reply) => {
    const network = await networks.bySlug(request);
    const body = await service.buildCalendar({
      networkId: network.id,
      networkName: network.name,
      onlyPublic: true,
      baseUrl: site(),
      meetingUrl: (id) => `${site()}/buurt/${network.slug}/bijeenkomsten/${id}`,
      kindLabel: (k) => kindLabel(request.t, k),
      cancelledLabel: request.t('meetings.cancelled'),
      moreLabel: request.t('meetings.feed.more'),
    });
    return sendCalendar(reply, body, network.slug, true);
  });

  app.get('/netwerk/:networkId/bijeenkomsten/agenda.ics', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'meetings.view', can);
    const body = await membersCalendar(request, network);
    return sendCalendar(reply, body, `${network.slug}-leden`, false);
  });

  // The secret feed address: no session (a calendar app has none); the token names the
  // person, who must still be a member of the network. Anything else is a plain 404.
  app.get<{ Params: { networkId: string; token: string } }>(
    '/netwerk/:networkId/bijeenkomsten/agenda/:token',
    open,
    async (request, reply) => {
      const token = request.params.token.replace(/\.ics$/, '');
      if (!/^\d{1,9}$/.test(request.params.networkId) || !TOKEN.test(token)) return notFound();
      const networkId = Number(request.params.networkId);
      const personId = await service.findFeedTokenOwner(codeSecret, token);
      if (personId === undefined) return notFound();
      const role = await peopleModule.api.directory(db).findRole(networkId, personId);
      if (!role) return notFound();
      const [network] = await networkModule.api.places(db).listNetworkSummaries([networkId]);
      if (!network) return notFound();
      const body = await membersCalendar(request, network);
      return sendCalendar(reply, body, `${network.slug}-leden`, false);
    },
  );

  const feedPath = '/netwerk/:networkId/bijeenkomsten/in-uw-agenda';

  app.get(feedPath, checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'meetings.view', can);
    const hasToken = await service.hasFeedToken(request.actor!.personId);
    return reply.page((ctx) => <FeedPage ctx={ctx} vm={{ network, hasToken, address: null }} />);
  });

  // A new address; the old one stops working at once. Shown once: only its hash is kept.
  app.post(feedPath, checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'meetings.view', can);
    const personId = request.actor!.personId;
    const token = await service.renewFeedToken(personId, codeSecret);
    await recordAudit(db, {
      actorId: personId,
      action: 'meetings.feed.renew',
      result: 'ok',
      objectType: 'person',
      objectId: personId,
      networkId: network.id,
      origin: request.ip,
    });
    const address = `${site()}/netwerk/${network.id}/bijeenkomsten/agenda/${token}.ics`;
    return reply.page((ctx) => <FeedPage ctx={ctx} vm={{ network, hasToken: true, address }} />);
  });
}
