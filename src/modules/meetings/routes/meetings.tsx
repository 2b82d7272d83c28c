// Meetings (members): the list, a new meeting and its agenda, changes, the meeting page and
// the printable agenda.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formValues, parseForm, parseRows } from '../../../platform/forms.js';
import type { Translate } from '../../../platform/i18n/index.js';
import { fromLocal, toLocal } from '../../../platform/time.js';
import { can } from '../policy.js';
import { kindLabel, originLabel, presentMeeting, presentSummary } from '../presenters.js';
import type { MeetingRow } from '../repository.js';
import {
  AGENDA_MAX,
  DESCRIPTION_MAX,
  MEETING_LENGTH_MS,
  MEETING_TEXT_MAX,
  MEETING_YEARS,
  MINUTES_MAX,
  splitByTime,
} from '../service.js';
import { agendaOrigins, meetingKinds } from '../tables.js';
import { MeetingFormPage } from '../views/form.js';
import { MeetingsPage } from '../views/list.js';
import { AgendaPrintPage, type MeetingViewModel } from '../views/meeting.js';
import { checked, type MeetingRouteKit } from './kit.js';
import { showMeetingPage } from './page.js';

const AGENDA_ROWS_EXTRA = 3;

export function registerMeetingRoutes(app: FastifyInstance, kit: MeetingRouteKit): void {
  const { service, networks, loadMeeting } = kit;

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
      limits: {
        agenda: AGENDA_MAX,
        text: MEETING_TEXT_MAX,
        minutes: MINUTES_MAX,
        description: DESCRIPTION_MAX,
      },
      askPast: false,
    };
  }

  const meetingSchema = z.object({
    kind: z.enum(meetingKinds).describe('meetings.name.kind'),
    title: z.string().trim().max(MEETING_TEXT_MAX).default('').describe('meetings.name.title'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'form.date')
      .describe('meetings.name.date'),
    time: z
      .string()
      .regex(/^\d{2}:\d{2}$/, 'meetings.error.time')
      .describe('meetings.name.time'),
    endTime: z
      .string()
      .regex(/^(\d{2}:\d{2})?$/, 'meetings.error.endTime')
      .default('')
      .describe('meetings.name.endTime'),
    description: z
      .string()
      .trim()
      .max(DESCRIPTION_MAX)
      .default('')
      .describe('meetings.name.description'),
    place: z.string().trim().max(MEETING_TEXT_MAX).default('').describe('meetings.name.place'),
    maxPlaces: z
      .string()
      .trim()
      .regex(/^(\d{1,5})?$/, 'meetings.error.maxPlaces')
      .default('')
      .describe('meetings.name.maxPlaces'),
    isPublic: z.literal('on').optional().describe('meetings.name.isPublic'),
    confirmPast: z.literal('on').optional().describe('meetings.name.confirmPast'),
  });

  /** One agenda row of the meeting form (`item<n>Title`, `item<n>Origin`). */
  const agendaRowSchema = z.object({
    title: z.string().trim().max(MEETING_TEXT_MAX).describe('meetings.name.agendaTitle'),
    origin: z.enum(agendaOrigins).describe('meetings.name.agendaOrigin'),
  });

  /**
   * The meeting form: fields, and the agenda rows that have a title — every row the form
   * sent (`item1Title`, `item2Title`, … in any order, gaps allowed), at most AGENDA_MAX
   * filled in; more is refused with a message, never dropped without a word.
   */
  function parseMeeting(request: FastifyRequest, current?: MeetingRow) {
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
    let endsAt: Date | undefined;
    let askPast = false;
    if (form.ok) {
      const year = Number(form.data.date.slice(0, 4));
      startsAt = fromLocal(form.data.date, form.data.time);
      if (year < MEETING_YEARS.from || year > MEETING_YEARS.to) {
        startsAt = undefined;
        errors.date = request.t('meetings.error.year', MEETING_YEARS);
      } else if (!startsAt) errors.date = request.t('form.date');
      if (startsAt) {
        endsAt =
          form.data.endTime === ''
            ? new Date(startsAt.getTime() + MEETING_LENGTH_MS)
            : fromLocal(form.data.date, form.data.endTime);
        if (!endsAt) errors.endTime = request.t('meetings.error.endTime');
        else if (endsAt.getTime() <= startsAt.getTime()) {
          errors.endTime = request.t('meetings.error.endBeforeStart');
        }
        // A date in the past is asked about once (a typo in the year or month is common);
        // an unchanged start of a meeting being edited is not.
        const changed = !current || current.startsAt.getTime() !== startsAt.getTime();
        if (changed && startsAt.getTime() < Date.now() && form.data.confirmPast !== 'on') {
          askPast = true;
          errors.confirmPast = request.t('meetings.error.past');
        }
      }
      const max = form.data.maxPlaces === '' ? null : Number(form.data.maxPlaces);
      if (max !== null && (max < 1 || max > 10_000)) {
        errors.maxPlaces = request.t('meetings.error.maxPlaces');
      }
    }
    if (!form.ok || !startsAt || !endsAt || Object.keys(errors).length > 0) {
      return { ok: false as const, errors, values, rows, askPast };
    }
    return {
      ok: true as const,
      rows,
      input: {
        kind: form.data.kind,
        title: form.data.title,
        startsAt,
        endsAt,
        description: form.data.description,
        place: form.data.place,
        isPublic: form.data.isPublic === 'on',
        maxPlaces: form.data.maxPlaces === '' ? null : Number(form.data.maxPlaces),
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

  /**
   * "Agendapunt erbij" (a submit button, so it works without JavaScript): the form again with
   * one more row and everything typed kept; nothing is saved.
   */
  function addRowRequested(request: FastifyRequest): boolean {
    return ((request.body ?? {}) as Record<string, unknown>).addRow !== undefined;
  }

  function showWithExtraRow(
    request: FastifyRequest,
    reply: FastifyReply,
    network: { id: number; name: string },
    meetingId?: number,
  ) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = formValues(body);
    delete values.addRow;
    const sent = parseRows(body, 'item', agendaRowSchema, request.t, () => true).sent;
    const vm = meetingFormVm(request.t, network, Math.min(sent + 1, AGENDA_MAX), meetingId);
    return reply.page((ctx) => <MeetingFormPage ctx={ctx} vm={vm} state={{ values }} />);
  }

  app.post('/netwerk/:networkId/bijeenkomsten/nieuw', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'meetings.manage', can);
    if (addRowRequested(request)) return showWithExtraRow(request, reply, network);
    const parsed = parseMeeting(request);
    if (!parsed.ok) {
      const vm = {
        ...meetingFormVm(request.t, network, Math.max(parsed.rows, 1)),
        askPast: parsed.askPast,
      };
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
      const meeting = await loadMeeting(request, network.id);
      const detail = await service.describeMeeting(meeting);
      const local = toLocal(meeting.startsAt);
      const values: Record<string, string> = {
        kind: meeting.kind,
        title: meeting.title,
        date: local.date,
        time: local.time,
        endTime: toLocal(meeting.endsAt).time,
        description: meeting.description,
        place: meeting.place,
        maxPlaces: meeting.maxPlaces === null ? '' : String(meeting.maxPlaces),
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
      const meeting = await loadMeeting(request, network.id);
      if (addRowRequested(request)) return showWithExtraRow(request, reply, network, meeting.id);
      const parsed = parseMeeting(request, meeting);
      if (!parsed.ok) {
        const vm = {
          ...meetingFormVm(request.t, network, Math.max(parsed.rows, 1), meeting.id),
          askPast: parsed.askPast,
        };
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
    meeting: MeetingRow,
  ): Promise<MeetingViewModel> {
    const detail = await service.describeMeeting(meeting);
    const canManage = can(request.actor, 'meetings.manage', { networkId: network.id });
    return presentMeeting(request.t, request.lang, network, detail, canManage);
  }

  app.get('/netwerk/:networkId/bijeenkomsten/:meetingId', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'meetings.view', can);
    const meeting = await loadMeeting(request, network.id);
    return showMeetingPage(kit, request, reply, network, meeting);
  });

  app.get(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/agenda',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'meetings.view', can);
      const meeting = await loadMeeting(request, network.id);
      const vm = await meetingVm(request, network, meeting);
      return reply.page((ctx) => <AgendaPrintPage ctx={ctx} vm={vm} />);
    },
  );
}
