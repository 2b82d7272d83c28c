// What happens around a meeting: "ik kom" (members), cancelling it (and undoing that) and its
// action points (the coordinator); and the public page of a public meeting.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../platform/access.js';
import { formValues, parseForm } from '../../../platform/forms.js';
import { signalsModule } from '../../signals/index.js';
import { can } from '../policy.js';
import { meetingLabel, minutesBlocks, whenLabel } from '../presenters.js';
import { MEETING_TEXT_MAX, MEETING_YEARS, PLACES_PER_PERSON_MAX } from '../service.js';
import { CancelPage } from '../views/cancel.js';
import { PublicMeetingPage } from '../views/public-meeting.js';
import { checked, type MeetingRouteKit, open } from './kit.js';
import { showMeetingPage } from './page.js';

/** Whether `YYYY-MM-DD` is a day that exists, in the years meetings are planned in. */
function isRealDay(d: string): boolean {
  const year = Number(d.slice(0, 4));
  if (year < MEETING_YEARS.from || year > MEETING_YEARS.to) return false;
  const at = new Date(`${d}T12:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === d;
}

export function registerResponseRoutes(app: FastifyInstance, kit: MeetingRouteKit): void {
  const { service, networks, loadMeeting, db } = kit;
  const meetingPath = (networkId: number, meetingId: number) =>
    `/netwerk/${networkId}/bijeenkomsten/${meetingId}`;

  // ── "Ik kom" ──────────────────────────────────────────────────────────────────────────

  app.post(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/ik-kom',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.respond', can);
      const meeting = await loadMeeting(request, network.id);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const placesError = request.t('meetings.rsvp.error.places', { max: PLACES_PER_PERSON_MAX });
      const form = parseForm(
        z.object({
          places: z
            .string()
            .trim()
            .regex(/^\d{1,3}$/, placesError)
            .default('1')
            .describe('meetings.name.places'),
        }),
        body,
        request.t,
      );
      let places = form.ok ? Number(form.data.places) : Number.NaN;
      if (meeting.maxPlaces === null && places > 1) places = 1;
      if (!form.ok || places > PLACES_PER_PERSON_MAX) {
        const errors = { places: placesError };
        const state = { errors, values: formValues(body) };
        return showMeetingPage(kit, request, reply, network, meeting, { rsvp: state }, 400);
      }
      const result = await service.respond(network.id, meeting.id, request.actor!.personId, places);
      if (!result.ok) {
        if (result.reason === 'closed') {
          return reply
            .flash('error', 'meetings.rsvp.closed')
            .redirect(meetingPath(network.id, meeting.id), 303);
        }
        const message =
          result.left === 1
            ? request.t('meetings.rsvp.fullLeftOne')
            : result.left > 1
              ? request.t('meetings.rsvp.fullLeft', { left: result.left })
              : request.t('meetings.rsvp.full');
        const state = { errors: { places: message }, values: formValues(body) };
        return showMeetingPage(kit, request, reply, network, meeting, { rsvp: state }, 409);
      }
      return reply
        .flash('ok', places === 0 ? 'meetings.rsvp.withdrawn' : 'meetings.rsvp.saved')
        .redirect(meetingPath(network.id, meeting.id), 303);
    },
  );

  // ── Cancelling ────────────────────────────────────────────────────────────────────────

  app.get(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/afzeggen',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await loadMeeting(request, network.id);
      const vm = {
        network,
        meeting: {
          id: meeting.id,
          label: meetingLabel(request.t, meeting),
          when: whenLabel(request.t, request.lang, meeting),
          cancelled: meeting.cancelledAt !== null,
        },
      };
      return reply.page((ctx) => <CancelPage ctx={ctx} vm={vm} />);
    },
  );

  app.post(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/afzeggen',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await loadMeeting(request, network.id);
      await service.cancelMeeting(network.id, meeting.id, request.actor!.personId, request.ip);
      return reply
        .flash('ok', 'meetings.cancelledDone')
        .redirect(meetingPath(network.id, meeting.id), 303);
    },
  );

  app.post(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/gaat-toch-door',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await loadMeeting(request, network.id);
      const reopened = await service.reopenMeeting(
        network.id,
        meeting.id,
        request.actor!.personId,
        request.ip,
      );
      // Not cancelled, or already over: nothing changed, and the page says how it stands.
      if (!reopened) return reply.redirect(meetingPath(network.id, meeting.id), 303);
      return reply
        .flash('ok', 'meetings.reopenedDone')
        .redirect(meetingPath(network.id, meeting.id), 303);
    },
  );

  // ── Action points ─────────────────────────────────────────────────────────────────────

  const actionSchema = z.object({
    what: z
      .string()
      .trim()
      .min(1, 'meetings.actions.error.what')
      .max(MEETING_TEXT_MAX)
      .describe('meetings.name.what'),
    who: z.string().trim().max(MEETING_TEXT_MAX).default('').describe('meetings.name.who'),
    dueOn: z
      .string()
      .trim()
      .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'meetings.actions.error.due')
      // A real day (no 30 February, which Date would roll over) within the meeting years.
      .refine((d) => d === '' || isRealDay(d), 'meetings.actions.error.due')
      .default('')
      .describe('meetings.name.dueOn'),
    signalId: z
      .string()
      .trim()
      .regex(/^\d{0,9}$/, 'meetings.actions.error.signal')
      .default('')
      .describe('meetings.name.signalId'),
  });

  app.post(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/actiepunten',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await loadMeeting(request, network.id);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const form = parseForm(actionSchema, body, request.t);
      const errors = form.ok ? {} : { ...form.errors };
      const signalId = form.ok && form.data.signalId !== '' ? Number(form.data.signalId) : null;
      if (
        signalId !== null &&
        !(await signalsModule.api.existsInNetwork(db, network.id, signalId))
      ) {
        errors.signalId = request.t('meetings.actions.error.signal');
      }
      if (!form.ok || Object.keys(errors).length > 0) {
        const state = { errors, values: formValues(body) };
        return showMeetingPage(kit, request, reply, network, meeting, { action: state }, 400);
      }
      await service.addAction(meeting.id, {
        what: form.data.what,
        who: form.data.who,
        dueOn: form.data.dueOn === '' ? null : form.data.dueOn,
        signalId,
      });
      return reply
        .flash('ok', 'meetings.actions.added')
        .redirect(`${meetingPath(network.id, meeting.id)}#actions-title`, 303);
    },
  );

  app.post<{ Params: { actionId: string } }>(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/actiepunten/:actionId/verwijderen',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await loadMeeting(request, network.id);
      // Ids are int4 in the database: anything longer than nine digits is no action point.
      if (/^\d{1,9}$/.test(request.params.actionId)) {
        await service.removeAction(meeting.id, Number(request.params.actionId));
      }
      return reply
        .flash('ok', 'meetings.actions.removed')
        .redirect(`${meetingPath(network.id, meeting.id)}#actions-title`, 303);
    },
  );
}

/** The public page of a public meeting (anyone); other meetings are a plain 404. */
export function registerPublicMeetingRoutes(app: FastifyInstance, kit: MeetingRouteKit): void {
  const { service, networks } = kit;
  app.get<{ Params: { meetingId: string } }>(
    '/buurt/:slug/bijeenkomsten/:meetingId',
    open,
    async (request, reply) => {
      const network = await networks.bySlug(request);
      const id = Number(request.params.meetingId);
      const meeting = /^\d{1,9}$/.test(request.params.meetingId)
        ? await service.findPublicMeeting(network.id, id)
        : undefined;
      if (!meeting) notFound();
      const agenda = await service.listAgenda(meeting.id);
      const vm = {
        network,
        meeting: {
          label: meetingLabel(request.t, meeting),
          when: whenLabel(request.t, request.lang, meeting),
          place: meeting.place,
          description: minutesBlocks(meeting.description),
          cancelled: meeting.cancelledAt !== null,
        },
        agenda: agenda.map((a) => a.title),
      };
      return reply.page((ctx) => <PublicMeetingPage ctx={ctx} vm={vm} />);
    },
  );
}
