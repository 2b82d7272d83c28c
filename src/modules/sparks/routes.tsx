// Sparks (vonkjes) and meetings (bijeenkomsten): parse → authorize → service → render/redirect.
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { idParam, networkFromUrl } from '../../platform/access.js';
import { formValues, parseForm } from '../../platform/forms.js';
import { formatDate, formatDateTime, type Translate } from '../../platform/i18n/index.js';
import { safeLocalPath } from '../../platform/pages.js';
import {
  checkFormStamp,
  formStamp,
  honeypotFilled,
  MIN_FORM_MS,
} from '../../platform/spam-guard.js';
import { networkRepository } from '../network/index.js';
import { MAX_UPLOAD_BYTES } from './photos.js';
import { can, canSeePhoto } from './policy.js';
import type { MeetingRow, SparkRow } from './repository.js';
import { SPARK_MAX, sparksService } from './service.js';
import { type AgendaOrigin, agendaOrigins, type MeetingKind, meetingKinds } from './tables.js';
import { fromLocal, toLocal } from './time.js';
import {
  AgendaPrintPage,
  AttendancePage,
  MeetingFormPage,
  MeetingPage,
  MeetingsPage,
  type MeetingViewModel,
  MinutesPage,
  RoundPage,
} from './views/meetings.js';
import {
  type FormState,
  ModerationPage,
  PublicSparkPage,
  type SparkCardModel,
  WallPage,
} from './views/sparks.js';

export interface SparksDeps {
  db: Database;
  config: Config;
  /** Minimum time between showing the public form and sending it (spam guard). */
  minSubmitMs?: number;
}

/** A person needs at least this long to read the form and type a spark; bots are faster. */
export const MIN_SUBMIT_MS = MIN_FORM_MS;
const AGENDA_ROWS_EXTRA = 3;

const checked = { config: { policy: 'check' as const } };
const open = { config: { policy: 'public' as const } };

interface UploadedFile {
  data: Buffer;
  truncated: boolean;
}

export function kindLabel(t: Translate, kind: MeetingKind): string {
  return t(`meetings.kind.${kind}`);
}

export function originLabel(t: Translate, origin: AgendaOrigin): string {
  return t(`meetings.origin.${origin}`);
}

export function meetingLabel(t: Translate, m: Pick<MeetingRow, 'kind' | 'title'>): string {
  return m.title === '' ? kindLabel(t, m.kind) : `${kindLabel(t, m.kind)}: ${m.title}`;
}

export function sparkCard(t: Translate, lang: 'nl' | 'en', s: SparkRow): SparkCardModel {
  const author = s.authorErased
    ? t('sparks.formerMember')
    : (s.authorName ?? s.visitorName ?? t('sparks.fromNeighbourhood'));
  return {
    id: s.id,
    text: s.text,
    author,
    when: formatDateTime(lang, s.createdAt),
    isPublic: s.isPublic,
    photoUrl: s.photoId ? `/vonkjes/foto/${s.photoId}` : null,
  };
}

const sparkText = z
  .string()
  .trim()
  .min(1, 'sparks.error.empty')
  .max(SPARK_MAX, `sparks.error.tooLong|max=${SPARK_MAX}`);

export async function sparksRoutes(app: FastifyInstance, deps: SparksDeps): Promise<void> {
  const service = sparksService(deps.db);
  const networks = networkRepository(deps.db);
  const minSubmitMs = Math.max(deps.minSubmitMs ?? MIN_SUBMIT_MS, 0);

  // Photo uploads: the fields (with the CSRF token) are on request.body before the CSRF
  // check runs; a file over the limit is cut off and marked, so the form can say why.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 10_000 },
    async onFile(part: MultipartFile) {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      (part as unknown as { value: UploadedFile }).value = {
        data: Buffer.concat(chunks),
        truncated: part.file.truncated,
      };
    },
  });

  /**
   * The network in the URL, if the actor may do `action` there; otherwise 404 — except that
   * members see 403 for pages of their own network they may not use.
   */
  async function networkFor(
    request: FastifyRequest,
    action: Parameters<typeof can>[1],
  ): Promise<{ id: number; name: string; slug: string }> {
    const network = await networkFromUrl(
      request,
      action,
      networks.findNetworkById,
      (networkId) => can(request.actor, action, { networkId }),
      (networkId) => (can(request.actor, 'sparks.view', { networkId }) ? 403 : 404),
    );
    return { id: network.id, name: network.name, slug: network.slug };
  }

  async function meetingIn(request: FastifyRequest, networkId: number): Promise<MeetingRow> {
    const parsed = idParam.safeParse((request.params as { meetingId?: string }).meetingId);
    const meeting = parsed.success ? await service.findMeeting(networkId, parsed.data) : undefined;
    if (!meeting) {
      await request.authorize(false, {
        action: 'meetings.view',
        objectType: 'meeting',
        objectId: String((request.params as { meetingId?: string }).meetingId ?? ''),
        networkId,
        status: 404,
      });
      throw new Error('unreachable');
    }
    return meeting;
  }

  // ── Sparks: the wall ──────────────────────────────────────────────────────────────────

  async function showWall(
    request: FastifyRequest,
    reply: FastifyReply,
    network: { id: number; name: string },
    state: FormState = {},
    status = 200,
  ) {
    const rows = await service.wall(network.id);
    const canModerate = can(request.actor, 'sparks.moderate', { networkId: network.id });
    const pendingCount = canModerate ? (await service.pending(network.id)).length : 0;
    const vm = {
      network,
      sparks: rows.map((s) => sparkCard(request.t, request.lang, s)),
      canModerate,
      pendingCount,
    };
    return reply.page((ctx) => <WallPage ctx={ctx} vm={vm} state={state} />, status);
  }

  app.get('/netwerk/:networkId/vonkjes', checked, async (request, reply) => {
    const network = await networkFor(request, 'sparks.view');
    return showWall(request, reply, network);
  });

  const sparkSchema = z.object({
    text: sparkText,
    isPublic: z.literal('on').optional(),
    terug: z.string().optional(),
  });

  app.post('/netwerk/:networkId/vonkjes', checked, async (request, reply) => {
    const network = await networkFor(request, 'sparks.create');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const photo = body.photo as UploadedFile | undefined;
    const fields = { text: body.text, isPublic: body.isPublic, terug: body.terug };
    const back = roundPath(formValues(fields).terug, network.id);
    const form = parseForm(sparkSchema, fields, request.t);
    const fail = (state: FormState) =>
      back
        ? showRound(request, reply, network, back.meetingId, undefined, state, 400)
        : showWall(request, reply, network, state, 400);
    if (!form.ok) return fail({ errors: form.errors, values: form.values });
    const result = await service.addSpark({
      networkId: network.id,
      authorId: request.actor!.personId,
      text: form.data.text,
      isPublic: form.data.isPublic === 'on',
      photo: photo && Buffer.isBuffer(photo.data) ? photo : undefined,
    });
    if (!result.ok) {
      const message =
        result.reason === 'photoTooLarge'
          ? request.t('sparks.error.photoTooLarge')
          : request.t('sparks.error.photoType');
      return fail({ errors: { photo: message }, values: formValues(fields) });
    }
    reply.flash('ok', 'sparks.added');
    if (back) return reply.redirect(`${back.path}?nr=laatste`, 303);
    return reply.redirect(`/netwerk/${network.id}/vonkjes`, 303);
  });

  /** Only the sparks round of a meeting of this network may be the way back. */
  function roundPath(value: string | undefined, networkId: number) {
    const path = safeLocalPath(value, '');
    const match = /^\/netwerk\/(\d+)\/bijeenkomsten\/(\d+)\/vonkjesronde$/.exec(path);
    if (!match || Number(match[1]) !== networkId) return undefined;
    return { path, meetingId: Number(match[2]) };
  }

  // ── Photos ────────────────────────────────────────────────────────────────────────────

  app.get('/vonkjes/foto/:photoId', open, async (request, reply) => {
    const parsed = idParam.safeParse((request.params as { photoId?: string }).photoId);
    const photo = parsed.success ? await service.photo(parsed.data) : undefined;
    if (!photo || !canSeePhoto(request.actor, photo)) {
      await request.authorize(false, {
        action: 'sparks.photo',
        objectType: 'spark_photo',
        objectId: parsed.success ? parsed.data : undefined,
        networkId: photo?.networkId ?? null,
        status: 404,
      });
    }
    const isPublic = photo!.isPublic && photo!.status === 'published';
    return reply
      .header('content-type', photo!.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', isPublic ? 'public, max-age=86400' : 'private, max-age=3600')
      .header('cross-origin-resource-policy', 'same-origin')
      .send(photo!.data);
  });

  // ── Sparks: moderation of sparks sent from the public page ─────────────────────────────

  app.get('/netwerk/:networkId/vonkjes/moderatie', checked, async (request, reply) => {
    const network = await networkFor(request, 'sparks.moderate');
    const pending = (await service.pending(network.id)).map((s) => ({
      id: s.id,
      text: s.text,
      name: s.visitorName ?? request.t('sparks.fromNeighbourhood'),
      when: formatDateTime(request.lang, s.createdAt),
    }));
    return reply.page((ctx) => <ModerationPage ctx={ctx} vm={{ network, pending }} />);
  });

  app.post('/netwerk/:networkId/vonkjes/moderatie/:sparkId', checked, async (request, reply) => {
    const network = await networkFor(request, 'sparks.moderate');
    const sparkId = idParam.safeParse((request.params as { sparkId?: string }).sparkId);
    const decision = (request.body as { decision?: string } | undefined)?.decision;
    if (!sparkId.success || (decision !== 'approve' && decision !== 'reject')) {
      return reply
        .flash('error', 'sparks.moderation.unknown')
        .redirect(`/netwerk/${network.id}/vonkjes/moderatie`, 303);
    }
    const done = await service.moderate({
      networkId: network.id,
      sparkId: sparkId.data,
      approve: decision === 'approve',
      actorId: request.actor!.personId,
      origin: request.ip,
    });
    reply.flash(
      done ? 'ok' : 'error',
      !done
        ? 'sparks.moderation.unknown'
        : decision === 'approve'
          ? 'sparks.moderation.approved'
          : 'sparks.moderation.rejected',
    );
    return reply.redirect(`/netwerk/${network.id}/vonkjes/moderatie`, 303);
  });

  // ── From the neighbourhood: the public spark form ─────────────────────────────────────

  async function publicNetwork(request: FastifyRequest) {
    const slug = (request.params as { slug?: string }).slug ?? '';
    const network = /^[a-z0-9-]{1,100}$/.test(slug)
      ? await networks.findNetworkBySlug(slug)
      : undefined;
    if (!network) {
      const error = new Error('Not Found') as Error & { statusCode: number };
      error.statusCode = 404;
      throw error;
    }
    return network;
  }

  function showPublicForm(
    reply: FastifyReply,
    network: { name: string; slug: string },
    state: FormState,
    sent: boolean,
    status = 200,
  ) {
    const stamp = formStamp(reply);
    return reply.page(
      (ctx) => <PublicSparkPage ctx={ctx} vm={{ network, stamp, sent }} state={state} />,
      status,
    );
  }

  app.get<{ Querystring: { verstuurd?: string } }>(
    '/buurt/:slug/vonkje',
    open,
    async (request, reply) => {
      const network = await publicNetwork(request);
      return showPublicForm(reply, network, {}, request.query.verstuurd === '1');
    },
  );

  const publicSchema = z.object({
    text: sparkText,
    name: z.string().trim().max(80, 'form.tooLong|max=80').default(''),
  });

  app.post(
    '/buurt/:slug/vonkje',
    { config: { policy: 'public', rateLimit: { max: 5, timeWindow: 15 * 60_000 } } },
    async (request, reply) => {
      const network = await publicNetwork(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const fields = { text: body.text, name: body.name };
      const values = formValues(fields);
      // A filled-in hidden field: a robot. Answer as if all went well; store nothing.
      if (honeypotFilled(body)) {
        return reply.redirect(`/buurt/${network.slug}/vonkje?verstuurd=1`, 303);
      }
      const stamp = checkFormStamp(request, body.stamp, minSubmitMs);
      if (stamp !== 'ok') {
        const key = stamp;
        return showPublicForm(
          reply,
          network,
          { errors: { text: request.t(`sparks.public.${key}`) }, values },
          false,
          400,
        );
      }
      const form = parseForm(publicSchema, fields, request.t);
      if (!form.ok) {
        return showPublicForm(
          reply,
          network,
          { errors: form.errors, values: form.values },
          false,
          400,
        );
      }
      await service.submitFromPublic(network.id, form.data.text, form.data.name);
      return reply.redirect(`/buurt/${network.slug}/vonkje?verstuurd=1`, 303);
    },
  );

  // ── Meetings ──────────────────────────────────────────────────────────────────────────

  function summary(t: Translate, lang: 'nl' | 'en', m: MeetingRow) {
    return {
      id: m.id,
      label: meetingLabel(t, m),
      when: formatDateTime(lang, m.startsAt),
      place: m.place,
      isPublic: m.isPublic,
    };
  }

  app.get('/netwerk/:networkId/bijeenkomsten', checked, async (request, reply) => {
    const network = await networkFor(request, 'meetings.view');
    const all = await service.listMeetings(network.id);
    const now = Date.now();
    const s = (m: MeetingRow) => summary(request.t, request.lang, m);
    const vm = {
      network,
      upcoming: all.filter((m) => m.startsAt.getTime() >= now).map(s),
      past: all
        .filter((m) => m.startsAt.getTime() < now)
        .reverse()
        .map(s),
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
    };
  }

  const meetingSchema = z.object({
    kind: z.enum(meetingKinds),
    title: z.string().trim().max(200).default(''),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'form.date'),
    time: z.string().regex(/^\d{2}:\d{2}$/, 'meetings.error.time'),
    place: z.string().trim().max(200).default(''),
    isPublic: z.literal('on').optional(),
  });

  /** The meeting form: fields, and the agenda rows that have a title. */
  function parseMeeting(request: FastifyRequest) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(meetingSchema, body, request.t);
    const values = formValues(body);
    const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
    const agenda: { origin: AgendaOrigin; title: string }[] = [];
    let rows = 0;
    for (let n = 1; n <= 50; n++) {
      if (!(`item${n}Title` in body)) break;
      rows = n;
      const title = String(body[`item${n}Title`] ?? '').trim();
      const origin = String(body[`item${n}Origin`] ?? '');
      if (title === '') continue;
      if (title.length > 200) errors[`item${n}Title`] = request.t('form.tooLong', { max: 200 });
      else if (!(agendaOrigins as readonly string[]).includes(origin))
        errors[`item${n}Origin`] = request.t('form.choose');
      else agenda.push({ origin: origin as AgendaOrigin, title });
    }
    let startsAt: Date | undefined;
    if (form.ok) {
      startsAt = fromLocal(form.data.date, form.data.time);
      if (!startsAt) errors.date = request.t('form.date');
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
    const network = await networkFor(request, 'meetings.manage');
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
    const network = await networkFor(request, 'meetings.manage');
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
      const network = await networkFor(request, 'meetings.manage');
      const meeting = await meetingIn(request, network.id);
      const detail = (await service.meeting(network.id, meeting.id))!;
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
        detail.agenda.length + AGENDA_ROWS_EXTRA,
        meeting.id,
      );
      return reply.page((ctx) => <MeetingFormPage ctx={ctx} vm={vm} state={{ values }} />);
    },
  );

  app.post(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/bewerken',
    checked,
    async (request, reply) => {
      const network = await networkFor(request, 'meetings.manage');
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
    const { t, lang } = request;
    const detail = (await service.meeting(network.id, meetingId))!;
    const m = detail.meeting;
    return {
      network,
      meeting: {
        id: m.id,
        label: meetingLabel(t, m),
        when: formatDateTime(lang, m.startsAt),
        place: m.place,
        isPublic: m.isPublic,
        minutes: m.minutes
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter((p) => p !== ''),
        otherResidents: m.otherResidents,
        otherProfessionals: m.otherProfessionals,
      },
      agenda: detail.agenda.map((a) => ({ title: a.title, originLabel: originLabel(t, a.origin) })),
      attendance: detail.attendance.map((a) => (a.erased ? t('sparks.formerMember') : a.name)),
      canManage: can(request.actor, 'meetings.manage', { networkId: network.id }),
    };
  }

  app.get('/netwerk/:networkId/bijeenkomsten/:meetingId', checked, async (request, reply) => {
    const network = await networkFor(request, 'meetings.view');
    const meeting = await meetingIn(request, network.id);
    const vm = await meetingVm(request, network, meeting.id);
    return reply.page((ctx) => <MeetingPage ctx={ctx} vm={vm} />);
  });

  app.get(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/agenda',
    checked,
    async (request, reply) => {
      const network = await networkFor(request, 'meetings.view');
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
    const detail = (await service.meeting(network.id, meeting.id))!;
    const present = new Set(detail.attendance.map((a) => a.personId));
    const members = (await service.members(network.id)).map((m) => ({
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
      const network = await networkFor(request, 'meetings.manage');
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
      const network = await networkFor(request, 'meetings.manage');
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
      const network = await networkFor(request, 'meetings.manage');
      const meeting = await meetingIn(request, network.id);
      const vm = {
        network,
        meeting: { id: meeting.id, label: meetingLabel(request.t, meeting) },
        minutes: meeting.minutes,
      };
      return reply.page((ctx) => <MinutesPage ctx={ctx} vm={vm} state={{}} />);
    },
  );

  app.post(
    '/netwerk/:networkId/bijeenkomsten/:meetingId/verslag',
    checked,
    async (request, reply) => {
      const network = await networkFor(request, 'meetings.manage');
      const meeting = await meetingIn(request, network.id);
      const form = parseForm(
        z.object({ minutes: z.string().max(20_000).default('') }),
        request.body,
        request.t,
      );
      if (!form.ok) {
        const vm = {
          network,
          meeting: { id: meeting.id, label: meetingLabel(request.t, meeting) },
          minutes: meeting.minutes,
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
    const detail = await service.meeting(network.id, meetingId);
    if (!detail) {
      await request.authorize(false, {
        action: 'meetings.view',
        objectType: 'meeting',
        objectId: meetingId,
        networkId: network.id,
        status: 404,
      });
      throw new Error('unreachable');
    }
    const meeting = detail.meeting;
    const sparks = await service.round(meeting);
    const total = sparks.length;
    let nr = nrParam === 'laatste' ? total : Number.parseInt(nrParam ?? '1', 10);
    if (!Number.isFinite(nr) || nr < 1) nr = 1;
    if (nr > total) nr = Math.max(total, 1);
    const spark = sparks[nr - 1];
    const previous = await service.previousMeeting(meeting);
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
            const card = sparkCard(request.t, request.lang, spark);
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
      const network = await networkFor(request, 'meetings.view');
      const meeting = await meetingIn(request, network.id);
      const nr = typeof request.query.nr === 'string' ? request.query.nr.slice(0, 10) : undefined;
      return showRound(request, reply, network, meeting.id, nr);
    },
  );

  // ── iCalendar feeds ───────────────────────────────────────────────────────────────────

  function baseUrl(request: FastifyRequest): string {
    return deps.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
  }

  function sendCalendar(reply: FastifyReply, body: string, name: string, isPublic: boolean) {
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${name}.ics"`)
      .header('cache-control', isPublic ? 'public, max-age=900' : 'private, no-store')
      .send(body);
  }

  app.get('/buurt/:slug/agenda.ics', open, async (request, reply) => {
    const network = await publicNetwork(request);
    const body = await service.calendar({
      networkId: network.id,
      networkName: network.name,
      onlyPublic: true,
      baseUrl: baseUrl(request),
      kindLabel: (k) => kindLabel(request.t, k),
    });
    return sendCalendar(reply, body, network.slug, true);
  });

  app.get('/netwerk/:networkId/bijeenkomsten/agenda.ics', checked, async (request, reply) => {
    const network = await networkFor(request, 'meetings.view');
    const body = await service.calendar({
      networkId: network.id,
      networkName: network.name,
      onlyPublic: false,
      baseUrl: baseUrl(request),
      kindLabel: (k) => kindLabel(request.t, k),
    });
    return sendCalendar(reply, body, `${network.slug}-leden`, false);
  });
}
