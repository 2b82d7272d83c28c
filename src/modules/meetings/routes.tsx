// Meetings (bijeenkomsten): parse → authorize → service → render or redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findInNetworkOr404, refusalFor } from '../../platform/access.js';
import { type FormState, formValues, parseForm, parseRows } from '../../platform/forms.js';
import { formatDate, formatDateTime, type Translate } from '../../platform/i18n/index.js';
import type { ModuleContext } from '../../platform/module.js';
import { fromLocal, toLocal } from '../../platform/time.js';
import { baseUrl } from '../../platform/urls.js';
import { networkModule } from '../network/index.js';
import { sparksModule } from '../sparks/index.js';
import { can } from './policy.js';
import {
  kindLabel,
  meetingLabel,
  originLabel,
  presentMeeting,
  presentSummary,
} from './presenters.js';
import type { MeetingRow } from './repository.js';
import {
  AGENDA_MAX,
  MEETING_TEXT_MAX,
  MEETING_YEARS,
  MINUTES_MAX,
  meetingsService,
  splitByTime,
} from './service.js';
import { agendaOrigins, meetingKinds } from './tables.js';
import { AttendancePage, MinutesPage } from './views/attendance.js';
import { MeetingFormPage } from './views/form.js';
import { MeetingsPage } from './views/list.js';
import { AgendaPrintPage, MeetingPage, type MeetingViewModel } from './views/meeting.js';
import { RoundPage } from './views/round.js';

const AGENDA_ROWS_EXTRA = 3;
const checked = { config: { policy: 'check' as const } };
const open = { config: { policy: 'public' as const } };

export async function meetingsRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const service = meetingsService(context.db);
  const sparks = sparksModule.api.service(context.db);
  const networks = networkModule.api.fromRequest(context.db);

  /** The meeting in the URL, within the network; otherwise 404 (audited). */
  async function meetingIn(request: FastifyRequest, networkId: number): Promise<MeetingRow> {
    // The row only: the pages that show the agenda and attendance read them once, themselves.
    return findInNetworkOr404(request, 'meetingId', (id) => service.findMeetingRow(networkId, id), {
      action: 'meetings.view',
      objectType: 'meeting',
      networkId,
    });
  }

  // ── Meetings ──────────────────────────────────────────────────────────────────────────

  app.get('/netwerk/:networkId/bijeenkomsten', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'meetings.view', can);
    const { upcoming, past } = splitByTime(await service.listMeetings(network.id), new Date());
    const s = (m: MeetingRow) => presentSummary(request.t, request.lang, m);
    const vm = {
      network,
      upcoming: upcoming.map(s),
      past: past.map(s),
      canManage: can(request.actor, 'meetings.manage', { networkId: network.id }),
    };
    return reply.page((ctx) => <MeetingsPage ctx={ctx} vm={vm} />);
  });

  function meetingFormVm(
    t: Translate,
    network: { id: number; name: string },
    rows: number,
    meetingId?: number,
  ) {
    return {
      network,
      ...(meetingId ? { meetingId } : {}),
      kinds: meetingKinds.map((k) => ({ value: k, label: kindLabel(t, k) })),
      origins: agendaOrigins.map((o) => ({ value: o, label: originLabel(t, o) })),
      agendaRows: rows,
      limits: { agenda: AGENDA_MAX, text: MEETING_TEXT_MAX, minutes: MINUTES_MAX },
    };
  }

  const meetingSchema = z.object({
    kind: z.enum(meetingKinds),
    title: z.string().trim().max(MEETING_TEXT_MAX).default(''),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'form.date'),
    time: z.string().regex(/^\d{2}:\d{2}$/, 'meetings.error.time'),
    place: z.string().trim().max(MEETING_TEXT_MAX).default(''),
    isPublic: z.literal('on').optional(),
  });

  /** One agenda row of the meeting form (`item<n>Title`, `item<n>Origin`). */
  const agendaRowSchema = z.object({
    title: z.string().trim().max(MEETING_TEXT_MAX),
    origin: z.enum(agendaOrigins),
  });

  /**
   * The meeting form: fields, and the agenda rows that have a title — every row the form
   * sent (`item1Title`, `item2Title`, … in any order, gaps allowed), at most AGENDA_MAX
   * filled in; more is refused with a message, never dropped without a word.
   */
  function parseMeeting(request: FastifyRequest) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(meetingSchema, body, request.t);
    const values = formValues(body);
    const items = parseRows(
      body,
      'item',
      agendaRowSchema,
      request.t,
      (row) =>
        row.title === undefined || (typeof row.title === 'string' && row.title.trim() === ''),
    );
    const errors: Record<string, string> = { ...(form.ok ? {} : form.errors), ...items.errors };
    const agenda = items.rows;
    if (agenda.length > AGENDA_MAX) {
      errors.agenda = request.t('meetings.error.agendaMax', { max: AGENDA_MAX });
    }
    // The form shows the rows that were sent (never more than the limit allows).
    const rows = Math.min(items.sent, AGENDA_MAX);
    let startsAt: Date | undefined;
    if (form.ok) {
      const year = Number(form.data.date.slice(0, 4));
      startsAt = fromLocal(form.data.date, form.data.time);
      if (year < MEETING_YEARS.from || year > MEETING_YEARS.to) {
        startsAt = undefined;
        errors.date = request.t('meetings.error.year', MEETING_YEARS);
      } else if (!startsAt) errors.date = request.t('form.date');
    }
    if (!form.ok || !startsAt || Object.keys(errors).length > 0) {
      return { ok: false as const, errors, values, rows };
    }
    return {
      ok: true as const,
      rows,
      input: {
        kind: form.data.kind,
        title: form.data.title,
        startsAt,
        place: form.data.place,
        isPublic: form.data.isPublic === 'on',
        agenda,
      },
    };
  }

  app.get('/netwerk/:networkId/bijeenkomsten/nieuw', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'meetings.manage', can);
    const vm = meetingFormVm(request.t, network, 5);
    return reply.page((ctx) => (
      <MeetingFormPage
        ctx={ctx}
        vm={vm}
        state={{ values: { kind: 'network_meeting', time: '19:30' } }}
      />
    ));
  });

  app.post('/netwerk/:networkId/bijeenkomsten/nieuw', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'meetings.manage', can);
    const parsed = parseMeeting(request);
    if (!parsed.ok) {
      const vm = meetingFormVm(request.t, network, Math.max(parsed.rows, 1));
      return reply.page(
        (ctx) => (
          <MeetingFormPage
            ctx={ctx}
            vm={vm}
            state={{ errors: parsed.errors, values: parsed.values }}
          />
        ),
        400,
      );
    }
    const id = await service.createMeeting(network.id, parsed.input);
    return reply
      .flash('ok', 'meetings.saved')
      .redirect(`/netwerk/${network.id}/bijeenkomsten/${id}`, 303);
  });

  app.get(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/bewerken',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await meetingIn(request, network.id);
      const detail = (await service.findMeeting(network.id, meeting.id))!;
      const local = toLocal(meeting.startsAt);
      const values: Record<string, string> = {
        kind: meeting.kind,
        title: meeting.title,
        date: local.date,
        time: local.time,
        place: meeting.place,
        ...(meeting.isPublic ? { isPublic: 'on' } : {}),
      };
      detail.agenda.forEach((a, i) => {
        values[`item${i + 1}Title`] = a.title;
        values[`item${i + 1}Origin`] = a.origin;
      });
      const vm = meetingFormVm(
        request.t,
        network,
        Math.min(detail.agenda.length + AGENDA_ROWS_EXTRA, AGENDA_MAX),
        meeting.id,
      );
      return reply.page((ctx) => <MeetingFormPage ctx={ctx} vm={vm} state={{ values }} />);
    },
  );

  app.post(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/bewerken',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await meetingIn(request, network.id);
      const parsed = parseMeeting(request);
      if (!parsed.ok) {
        const vm = meetingFormVm(request.t, network, Math.max(parsed.rows, 1), meeting.id);
        return reply.page(
          (ctx) => (
            <MeetingFormPage
              ctx={ctx}
              vm={vm}
              state={{ errors: parsed.errors, values: parsed.values }}
            />
          ),
          400,
        );
      }
      await service.updateMeeting(network.id, meeting.id, parsed.input);
      return reply
        .flash('ok', 'meetings.saved')
        .redirect(`/netwerk/${network.id}/bijeenkomsten/${meeting.id}`, 303);
    },
  );

  async function meetingVm(
    request: FastifyRequest,
    network: { id: number; name: string },
    meetingId: number,
  ): Promise<MeetingViewModel> {
    const detail = (await service.findMeeting(network.id, meetingId))!;
    const canManage = can(request.actor, 'meetings.manage', { networkId: network.id });
    return presentMeeting(request.t, request.lang, network, detail, canManage);
  }

  app.get('/netwerk/:networkId/bijeenkomsten/:meetingId', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'meetings.view', can);
    const meeting = await meetingIn(request, network.id);
    const vm = await meetingVm(request, network, meeting.id);
    return reply.page((ctx) => <MeetingPage ctx={ctx} vm={vm} />);
  });

  app.get(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/agenda',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.view', can);
      const meeting = await meetingIn(request, network.id);
      const vm = await meetingVm(request, network, meeting.id);
      return reply.page((ctx) => <AgendaPrintPage ctx={ctx} vm={vm} />);
    },
  );

  async function showAttendance(
    request: FastifyRequest,
    reply: FastifyReply,
    network: { id: number; name: string },
    meeting: MeetingRow,
    state: FormState,
    status = 200,
  ) {
    const detail = (await service.findMeeting(network.id, meeting.id))!;
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
      const meeting = await meetingIn(request, network.id);
      return showAttendance(request, reply, network, meeting, {});
    },
  );

  const count = z.coerce
    .number({ message: 'meetings.error.count' })
    .int('meetings.error.count')
    .min(0, 'meetings.error.count')
    .max(10_000, 'meetings.error.count');
  const attendanceSchema = z.object({ otherResidents: count, otherProfessionals: count });

  app.post(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/aanwezigheid',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.manage', can);
      const meeting = await meetingIn(request, network.id);
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
      const meeting = await meetingIn(request, network.id);
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
      const meeting = await meetingIn(request, network.id);
      const form = parseForm(
        z.object({ minutes: z.string().max(MINUTES_MAX).default('') }),
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
      const meeting = await meetingIn(request, network.id);
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
      const meeting = await meetingIn(request, network.id);
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
      baseUrl: baseUrl(context.config, request),
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
      baseUrl: baseUrl(context.config, request),
      kindLabel: (k) => kindLabel(request.t, k),
    });
    return sendCalendar(reply, body, `${network.slug}-leden`, false);
  });
}
