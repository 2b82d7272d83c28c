// Attendance and minutes of a meeting (members who manage meetings).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FormState, formValues, parseForm } from '../../../platform/forms.js';
import { formatDateTime } from '../../../platform/i18n/index.js';
import { can } from '../policy.js';
import { meetingLabel } from '../presenters.js';
import type { MeetingRow } from '../repository.js';
import { MINUTES_MAX } from '../service.js';
import { AttendancePage, MinutesPage } from '../views/attendance.js';
import { checked, type MeetingRouteKit } from './kit.js';

export function registerAttendanceRoutes(app: FastifyInstance, kit: MeetingRouteKit): void {
  const { service, networks, loadMeeting } = kit;

  async function showAttendance(
    request: FastifyRequest,
    reply: FastifyReply,
    network: { id: number; name: string },
    meeting: MeetingRow,
    state: FormState,
    status = 200,
  ) {
    const detail = await service.describeMeeting(meeting);
    const present = new Set(detail.attendance.map((a) => a.personId));
    const members = (await service.listMembers(network.id)).map((m) => ({
      personId: m.personId,
      name: m.name,
      present: state.values
        ? state.values[`present-${m.personId}`] === 'on'
        : present.has(m.personId),
    }));
    const vm = {
      network,
      meeting: {
        id: meeting.id,
        label: meetingLabel(request.t, meeting),
        when: formatDateTime(request.lang, meeting.startsAt),
      },
      members,
      otherResidents: String(meeting.otherResidents),
      otherProfessionals: String(meeting.otherProfessionals),
    };
    return reply.page((ctx) => <AttendancePage ctx={ctx} vm={vm} state={state} />, status);
  }

  app.get(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/aanwezigheid',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await loadMeeting(request, network.id);
      return showAttendance(request, reply, network, meeting, {});
    },
  );

  const count = z.coerce
    .number({ message: 'meetings.error.count' })
    .int('meetings.error.count')
    .min(0, 'meetings.error.count')
    .max(10_000, 'meetings.error.count');
  const attendanceSchema = z.object({
    otherResidents: count.describe('meetings.name.otherResidents'),
    otherProfessionals: count.describe('meetings.name.otherProfessionals'),
  });

  app.post(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/aanwezigheid',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await loadMeeting(request, network.id);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const form = parseForm(attendanceSchema, body, request.t);
      if (!form.ok) {
        return showAttendance(
          request,
          reply,
          network,
          meeting,
          { errors: form.errors, values: formValues(body) },
          400,
        );
      }
      const present = Object.keys(body)
        .map((k) => /^present-(\d+)$/.exec(k)?.[1])
        .filter((id): id is string => id !== undefined && body[`present-${id}`] === 'on')
        .map(Number);
      await service.saveAttendance(network.id, meeting.id, { present, ...form.data });
      return reply
        .flash('ok', 'meetings.saved')
        .redirect(`/netwerk/${network.id}/bijeenkomsten/${meeting.id}`, 303);
    },
  );

  app.get(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/verslag',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await loadMeeting(request, network.id);
      const vm = {
        network,
        meeting: { id: meeting.id, label: meetingLabel(request.t, meeting) },
        minutes: meeting.minutes,
        max: MINUTES_MAX,
      };
      return reply.page((ctx) => <MinutesPage ctx={ctx} vm={vm} state={{}} />);
    },
  );

  app.post(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/verslag',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await loadMeeting(request, network.id);
      const form = parseForm(
        z.object({
          minutes: z.string().max(MINUTES_MAX).default('').describe('meetings.name.minutes'),
        }),
        request.body,
        request.t,
      );
      if (!form.ok) {
        const vm = {
          network,
          meeting: { id: meeting.id, label: meetingLabel(request.t, meeting) },
          minutes: meeting.minutes,
          max: MINUTES_MAX,
        };
        return reply.page((ctx) => <MinutesPage ctx={ctx} vm={vm} state={form} />, 400);
      }
      await service.saveMinutes(network.id, meeting.id, form.data.minutes.trim());
      return reply
        .flash('ok', 'meetings.saved')
        .redirect(`/netwerk/${network.id}/bijeenkomsten/${meeting.id}`, 303);
    },
  );
}
