// The sparks round of a meeting: the sparks since the previous meeting, one at a time; a
// spark added during the round is stored by the sparks module and shown at once.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { refusalFor } from '../../../platform/access.js';
import type { FormState } from '../../../platform/forms.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/index.js';
import { sparksModule } from '../../sparks/index.js';
import { can } from '../policy.js';
import { meetingLabel } from '../presenters.js';
import { RoundPage } from '../views/round.js';
import { checked, type MeetingRouteKit } from './kit.js';

export function registerRoundRoutes(app: FastifyInstance, kit: MeetingRouteKit): void {
  const { service, sparks, networks, loadMeeting } = kit;

  // ── The sparks round ──────────────────────────────────────────────────────────────────

  async function showRound(
    request: FastifyRequest,
    reply: FastifyReply,
    network: { id: number; name: string },
    meetingId: number,
    nrParam: string | undefined,
    state: FormState = {},
    status = 200,
  ) {
    const detail = await service.findMeeting(network.id, meetingId);
    if (!detail) {
      return request.deny({
        action: 'meetings.view',
        objectType: 'meeting',
        objectId: meetingId,
        networkId: network.id,
        status: 404,
      });
    }
    const meeting = detail.meeting;
    const sparks = await service.listRound(meeting);
    const total = sparks.length;
    let nr = nrParam === 'laatste' ? total : Number.parseInt(nrParam ?? '1', 10);
    if (!Number.isFinite(nr) || nr < 1) nr = 1;
    if (nr > total) nr = Math.max(total, 1);
    const spark = sparks[nr - 1];
    const previous = await service.findPreviousMeeting(meeting);
    const vm = {
      network,
      meeting: {
        id: meeting.id,
        label: meetingLabel(request.t, meeting),
        when: formatDateTime(request.lang, meeting.startsAt),
      },
      total,
      nr: total === 0 ? 0 : nr,
      spark: spark
        ? (() => {
            const card = sparksModule.api.presentSpark(request.t, request.lang, spark);
            return {
              text: card.text,
              author: card.author,
              when: card.when,
              photoUrl: card.photoUrl,
            };
          })()
        : null,
      since: previous ? formatDate(request.lang, previous.startsAt) : null,
    };
    return reply.page((ctx) => <RoundPage ctx={ctx} vm={vm} state={state} />, status);
  }

  app.get<{ Querystring: { nr?: string } }>(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/vonkjesronde',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.view', can);
      const meeting = await loadMeeting(request, network.id);
      const nr = typeof request.query.nr === 'string' ? request.query.nr.slice(0, 10) : undefined;
      return showRound(request, reply, network, meeting.id, nr);
    },
  );

  // A spark added during the round: stored by the sparks module, shown at once as the last.
  app.post(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/vonkjesronde',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.view', can);
      const meeting = await loadMeeting(request, network.id);
      await request.authorize(sparksModule.api.canAdd(request.actor, network.id), {
        action: 'sparks.create',
        objectType: 'network',
        objectId: network.id,
        networkId: network.id,
        status: refusalFor(request.actor, network.id),
        ownNetworkId: network.id,
      });
      const added = await sparksModule.api.addSparkFromForm(sparks, {
        networkId: network.id,
        authorId: request.actor!.personId,
        body: request.body,
        t: request.t,
      });
      if (!added.ok) {
        return showRound(request, reply, network, meeting.id, 'laatste', added.state, 400);
      }
      reply.flash('ok', 'sparks.added');
      return reply.redirect(
        `/netwerk/${network.id}/bijeenkomsten/${meeting.id}/vonkjesronde?nr=laatste`,
        303,
      );
    },
  );
}
