// The meeting page, shared by the routes that show it (plainly, or again with a form's errors).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormState } from '../../../platform/forms.js';
import { can } from '../policy.js';
import { presentActions, presentMeeting } from '../presenters.js';
import type { MeetingRow } from '../repository.js';
import { hasEnded, PLACES_PER_PERSON_MAX } from '../service.js';
import { MeetingPage } from '../views/meeting.js';
import type { MeetingRouteKit } from './kit.js';

/**
 * Renders a meeting's page for the reader: "ik kom" for members while it is still to come,
 * who is coming for the coordinator, the action points; optionally with a form's errors.
 */
export async function showMeetingPage(
  kit: MeetingRouteKit,
  request: FastifyRequest,
  reply: FastifyReply,
  network: { id: number; name: string; slug: string },
  m: MeetingRow,
  forms: { rsvp?: FormState; action?: FormState } = {},
  status = 200,
) {
  const { service } = kit;
  // The row is read once (by the route); the rest of the page in parallel.
  const [detail, coming, actions] = await Promise.all([
    service.describeMeeting(m),
    service.listComing(m.id),
    service.listActions(m.id),
  ]);
  const canManage = can(request.actor, 'meetings.manage', { networkId: network.id });
  const vm = presentMeeting(request.t, request.lang, network, detail, canManage);
  const personId = request.actor?.personId;
  const open = !m.cancelledAt && !hasEnded(m, new Date());
  if (
    open &&
    personId !== undefined &&
    can(request.actor, 'meetings.respond', { networkId: network.id })
  ) {
    const mine = coming.people.find((p) => p.personId === personId)?.places ?? 0;
    vm.rsvp = {
      mine,
      left: m.maxPlaces === null ? null : m.maxPlaces - (coming.total - mine),
      max: m.maxPlaces,
      perPerson: PLACES_PER_PERSON_MAX,
      state: forms.rsvp ?? {},
    };
  }
  if (canManage) {
    vm.coming = {
      total: coming.total,
      people: coming.people.map((p) =>
        p.places > 1
          ? request.t('meetings.coming.places', {
              name: p.name || request.t('meetings.formerMember'),
              places: p.places,
            })
          : p.name || request.t('meetings.formerMember'),
      ),
    };
  }
  vm.actions = presentActions(request.t, request.lang, network.id, actions);
  vm.publicPath = m.isPublic ? `/buurt/${network.slug}/bijeenkomsten/${m.id}` : null;
  vm.canReopen = canManage && m.cancelledAt !== null && !hasEnded(m, new Date());
  return reply.page(
    (ctx) => <MeetingPage ctx={ctx} vm={vm} actionState={forms.action ?? {}} />,
    status,
  );
}
