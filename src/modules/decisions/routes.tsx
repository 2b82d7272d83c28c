// Decisions: parse → authorize → service → render or redirect.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findInNetworkOr404 } from '../../platform/access.js';
import {
  type FormErrors,
  type FormState,
  type FormValues,
  formValues,
  parseForm,
  parseRows,
} from '../../platform/forms.js';
import type { ModuleContext } from '../../platform/module.js';
import { meetingsModule } from '../meetings/index.js';
import { networkModule } from '../network/index.js';
import { decisionSchema, dissentRowSchema, reviewSchema } from './form-schemas.js';
import { DISSENT_MAX, DISSENT_ROWS, ids, meetingName, today, valuesOf } from './forms.js';
import { can } from './policy.js';
import {
  checkLine,
  formOptions,
  presentDecision,
  presentHistory,
  presentSummary,
} from './presenters.js';
import type { DecisionFields, DecisionRow } from './repository.js';
import { type Change, decisionsService, type RefusalReason } from './service.js';
import { decisionKinds } from './tables.js';
import {
  DecisionFormPage,
  DecisionPage,
  DecisionsPage,
  HistoryPage,
  ReviewFormPage,
  ReviewListPage,
  SettingsPage,
} from './views/pages.js';

const checked = { config: { policy: 'check' as const } };

export async function decisionsRoutes(app: FastifyInstance, context: ModuleContext) {
  const service = decisionsService(context.db);
  const networks = networkModule.api.fromRequest(context.db);
  const meetingsOf = (request: FastifyRequest) =>
    meetingsModule.api.meetings(context.db, request.t);

  /** The decision in the URL, within the network; otherwise 404 (audited). */
  function decisionIn(request: FastifyRequest, networkId: number): Promise<DecisionRow> {
    return findInNetworkOr404(request, 'decisionId', (id) => service.findDecision(networkId, id), {
      action: 'decisions.view',
      objectType: 'decision',
      networkId,
    });
  }

  const by = (request: FastifyRequest): Change => ({
    personId: request.actor!.personId,
    origin: request.ip,
    today: today(),
  });

  /**
   * Parses the decision form. Besides the schema: who took part (or, when residents were not
   * involved, why not), at least one objection or the statement that none came, a meeting
   * of this network, and a review date not before the decision.
   */
  async function parseDecision(
    request: FastifyRequest,
    networkId: number,
  ): Promise<
    | { ok: true; fields: DecisionFields; decide: boolean; version: number }
    | { ok: false; errors: FormErrors; values: FormValues; rows: number }
  > {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const t = request.t;
    const form = parseForm(decisionSchema, body, t);
    const errors: FormErrors = form.ok ? {} : { ...form.errors };
    const dissent = parseRows(body, 'dissent', dissentRowSchema, t, (row) =>
      ['raisedBy', 'objection', 'response'].every(
        (k) => typeof row[k] !== 'string' || (row[k] as string).trim() === '',
      ),
    );
    Object.assign(errors, dissent.errors);
    const rows = Math.min(DISSENT_MAX, Math.max(DISSENT_ROWS, dissent.sent));
    if (form.ok) {
      const d = form.data;
      if (d.involvement === 'not_involved' && d.involvementWho === '') {
        errors.involvementWho = t('decisions.error.involvementReason');
      } else if (d.involvementWho === '' && d.involvementCount === '') {
        errors.involvementWho = t('decisions.error.involvementWho');
      }
      const noneCame = d.dissentNoneCame === 'on';
      const rowsSent = dissent.rows.length > 0 || Object.keys(dissent.errors).length > 0;
      if (noneCame && rowsSent) errors.dissentNoneCame = t('decisions.error.dissentBoth');
      else if (!noneCame && !rowsSent) errors.dissentNoneCame = t('decisions.error.dissent');
      else if (noneCame && d.dissentInvited === '')
        errors.dissentInvited = t('decisions.error.dissentInvited');
      if (dissent.rows.length > DISSENT_MAX) {
        errors[`dissent${DISSENT_MAX}Objection`] = t('form.invalid');
      }
      if (d.meetingId !== '') {
        const meeting = await meetingsOf(request).findMeeting(networkId, Number(d.meetingId));
        if (!meeting) errors.meetingId = t('decisions.error.meeting');
      }
      if (d.decidedOn !== '' && d.reviewOn < d.decidedOn) {
        errors.reviewOn = t('decisions.error.reviewBefore');
      }
      if (Object.keys(errors).length === 0) {
        const version = Number((body as { version?: unknown }).version);
        return {
          ok: true,
          decide: body.intent === 'decide',
          version: Number.isInteger(version) ? version : 0,
          fields: {
            title: d.title,
            body: d.body,
            reasons: d.reasons,
            kind: d.kind,
            decidedBy: d.decidedBy,
            decidedByName: d.decidedByName,
            decidedOn: d.decidedOn || null,
            meetingId: d.meetingId === '' ? null : Number(d.meetingId),
            involvement: d.involvement,
            involvementWho: d.involvementWho,
            involvementCount: d.involvementCount === '' ? null : Number(d.involvementCount),
            effect: d.effect,
            effectReasoning: d.effectReasoning,
            dissent: noneCame ? [] : dissent.rows,
            dissentNoneCame: noneCame,
            dissentInvited: noneCame ? d.dissentInvited : '',
            signalIds: ids(d.signals),
            experimentIds: ids(d.experiments),
            lessonIds: ids(d.lessons),
            reviewOn: d.reviewOn,
            isInternal: d.isInternal === 'on',
          },
        };
      }
    }
    return { ok: false, errors, values: formValues(body), rows };
  }

  async function formVm(
    request: FastifyRequest,
    network: { id: number; name: string },
    decision?: DecisionRow,
    rows = DISSENT_ROWS,
  ) {
    const options = formOptions(request.t);
    const meetings = await meetingsOf(request).listMeetings(network.id);
    return {
      network,
      ...(decision
        ? { decision: { id: decision.id, version: decision.version, title: decision.title } }
        : {}),
      ...options,
      meetings: meetings.map((m) => ({ value: String(m.id), label: meetingName(request, m) })),
      canDecide: can(request.actor, 'decisions.manage', { networkId: network.id }),
      dissentRows: Math.max(rows, decision?.dissent.length ?? 0),
    };
  }

  async function detailVm(
    request: FastifyRequest,
    network: { id: number; name: string },
    decision: DecisionRow,
  ) {
    const meeting =
      decision.meetingId === null
        ? undefined
        : await meetingsOf(request).findMeeting(network.id, decision.meetingId);
    return presentDecision(request.t, request.lang, {
      network,
      decision,
      meetingLabel: meeting ? meetingName(request, meeting) : null,
      consent: await service.consentState(decision),
      actor: request.actor,
      today: today(),
    });
  }

  const refusal = (request: FastifyRequest, reason: RefusalReason) =>
    request.t(`decisions.error.${reason}`);

  // ── The list, the review list, the setting ────────────────────────────────────────────

  app.get('/netwerk/:networkId/besluiten', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'decisions.view', can);
    const now = today();
    const rows = await service.listDecisions(network.id);
    const vm = {
      network,
      decisions: rows.map((d) => presentSummary(request.t, request.lang, d, now)),
      dueCount: (await service.listDueForReview(network.id, now)).length,
      canPropose: can(request.actor, 'decisions.propose', { networkId: network.id }),
      canManage: can(request.actor, 'decisions.manage', { networkId: network.id }),
    };
    return reply.page((ctx) => <DecisionsPage ctx={ctx} vm={vm} />);
  });

  app.get('/netwerk/:networkId/besluiten/te-herzien', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'decisions.view', can);
    const now = today();
    const rows = await service.listDueForReview(network.id, now);
    const vm = {
      network,
      decisions: rows.map((d) => presentSummary(request.t, request.lang, d, now)),
    };
    return reply.page((ctx) => <ReviewListPage ctx={ctx} vm={vm} />);
  });

  async function settingsVm(request: FastifyRequest, network: { id: number; name: string }) {
    const chosen = await service.listConsentKinds(network.id);
    return {
      network,
      kinds: decisionKinds.map((k) => ({
        value: k,
        label: request.t(`decisions.kind.${k}`),
        checked: chosen.includes(k),
      })),
    };
  }

  app.get('/netwerk/:networkId/besluiten/instellingen', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'decisions.manage', can);
    const vm = await settingsVm(request, network);
    return reply.page((ctx) => <SettingsPage ctx={ctx} vm={vm} />);
  });

  app.post('/netwerk/:networkId/besluiten/instellingen', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'decisions.manage', can);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const kinds = decisionKinds.filter((k) => body[`kind-${k}`] === 'on');
    await service.setConsentKinds(network.id, kinds, by(request));
    return reply
      .flash('ok', 'decisions.settingsSaved')
      .redirect(`/netwerk/${network.id}/besluiten/instellingen`, 303);
  });

  // ── Record a decision ─────────────────────────────────────────────────────────────────

  app.get('/netwerk/:networkId/besluiten/nieuw', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'decisions.propose', can);
    const vm = await formVm(request, network);
    return reply.page((ctx) => <DecisionFormPage ctx={ctx} vm={vm} state={{}} />);
  });

  app.post('/netwerk/:networkId/besluiten/nieuw', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'decisions.propose', can);
    const parsed = await parseDecision(request, network.id);
    if (!parsed.ok) {
      const vm = await formVm(request, network, undefined, parsed.rows);
      const state: FormState = { errors: parsed.errors, values: parsed.values };
      return reply.page((ctx) => <DecisionFormPage ctx={ctx} vm={vm} state={state} />, 400);
    }
    // Only those who may manage decisions record one as taken; others make a proposal.
    const decide =
      parsed.decide && can(request.actor, 'decisions.manage', { networkId: network.id });
    const { id, awaitingConsent } = await service.createDecision(
      network.id,
      parsed.fields,
      decide,
      by(request),
    );
    return reply
      .flash('ok', awaitingConsent ? 'decisions.savedAwaiting' : 'decisions.saved')
      .redirect(`/netwerk/${network.id}/besluiten/${id}`, 303);
  });

  // ── One decision ──────────────────────────────────────────────────────────────────────

  app.get('/netwerk/:networkId/besluiten/:decisionId', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'decisions.view', can);
    const decision = await decisionIn(request, network.id);
    const vm = await detailVm(request, network, decision);
    return reply.page((ctx) => <DecisionPage ctx={ctx} vm={vm} state={{}} />);
  });

  app.get(
    '/netwerk/:networkId/besluiten/:decisionId/geschiedenis',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'decisions.view', can);
      const decision = await decisionIn(request, network.id);
      const versions = await service.listHistory(decision.id);
      const meetings = await meetingsOf(request).listMeetings(network.id);
      const vm = presentHistory(request.t, request.lang, {
        network,
        decision,
        versions,
        meetingLabels: new Map(meetings.map((m) => [m.id, meetingName(request, m)] as const)),
      });
      return reply.page((ctx) => <HistoryPage ctx={ctx} vm={vm} />);
    },
  );

  app.get('/netwerk/:networkId/besluiten/:decisionId/bewerken', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'decisions.manage', can);
    const decision = await decisionIn(request, network.id);
    const vm = await formVm(request, network, decision);
    const state: FormState = { values: valuesOf(decision) };
    return reply.page((ctx) => <DecisionFormPage ctx={ctx} vm={vm} state={state} />);
  });

  app.post(
    '/netwerk/:networkId/besluiten/:decisionId/bewerken',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'decisions.manage', can);
      const decision = await decisionIn(request, network.id);
      const parsed = await parseDecision(request, network.id);
      if (!parsed.ok) {
        const vm = await formVm(request, network, decision, parsed.rows);
        const state: FormState = { errors: parsed.errors, values: parsed.values };
        return reply.page((ctx) => <DecisionFormPage ctx={ctx} vm={vm} state={state} />, 400);
      }
      const result = await service.updateDecision(
        network.id,
        decision.id,
        parsed.version,
        parsed.fields,
        by(request),
      );
      if (!result.ok) {
        const vm = await formVm(request, network, decision);
        const state: FormState = {
          errors: { form: refusal(request, result.reason) },
          values: formValues(request.body),
        };
        return reply.page((ctx) => <DecisionFormPage ctx={ctx} vm={vm} state={state} />, 409);
      }
      return reply
        .flash('ok', 'decisions.saved')
        .redirect(`/netwerk/${network.id}/besluiten/${decision.id}`, 303);
    },
  );

  app.post('/netwerk/:networkId/besluiten/:decisionId/stand', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'decisions.manage', can);
    const decision = await decisionIn(request, network.id);
    const base = `/netwerk/${network.id}/besluiten/${decision.id}`;
    const to = (request.body as { to?: unknown } | undefined)?.to;
    const result =
      to === 'decided'
        ? await service.decide(network.id, decision.id, by(request))
        : to === 'withdrawn'
          ? await service.withdraw(network.id, decision.id, by(request))
          : ({ ok: false, reason: 'flow' } as const);
    if (!result.ok) {
      const fresh = (await service.findDecision(network.id, decision.id)) ?? decision;
      const vm = await detailVm(request, network, fresh);
      const state = { errors: { form: refusal(request, result.reason) } };
      return reply.page((ctx) => <DecisionPage ctx={ctx} vm={vm} state={state} />, 409);
    }
    const message =
      to === 'withdrawn'
        ? 'decisions.withdrawn'
        : 'awaitingConsent' in result && result.awaitingConsent
          ? 'decisions.savedAwaiting'
          : 'decisions.decided';
    return reply.flash('ok', message).redirect(base, 303);
  });

  app.post(
    '/netwerk/:networkId/besluiten/:decisionId/instemmen',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'decisions.consent', can);
      const decision = await decisionIn(request, network.id);
      const seen = Number((request.body as { version?: unknown } | undefined)?.version);
      const result = await service.consent(
        network.id,
        decision.id,
        Number.isInteger(seen) ? seen : 0,
        by(request),
      );
      if (!result.ok) {
        const vm = await detailVm(request, network, decision);
        const state = { errors: { form: refusal(request, result.reason) } };
        return reply.page((ctx) => <DecisionPage ctx={ctx} vm={vm} state={state} />, 409);
      }
      return reply
        .flash('ok', result.decided ? 'decisions.consentedDecided' : 'decisions.consented')
        .redirect(`/netwerk/${network.id}/besluiten/${decision.id}`, 303);
    },
  );

  // ── Review with hindsight ─────────────────────────────────────────────────────────────

  const reviewVm = (
    request: FastifyRequest,
    network: { id: number; name: string },
    d: DecisionRow,
  ) => ({
    network,
    id: d.id,
    title: d.title,
    check: checkLine(request.t, d.effect),
    effects: formOptions(request.t).effects,
  });

  app.get('/netwerk/:networkId/besluiten/:decisionId/herzien', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'decisions.review', can);
    const decision = await decisionIn(request, network.id);
    const vm = reviewVm(request, network, decision);
    return reply.page((ctx) => <ReviewFormPage ctx={ctx} vm={vm} state={{}} />);
  });

  app.post('/netwerk/:networkId/besluiten/:decisionId/herzien', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'decisions.review', can);
    const decision = await decisionIn(request, network.id);
    const vm = reviewVm(request, network, decision);
    const form = parseForm(reviewSchema, request.body, request.t);
    if (!form.ok) {
      return reply.page((ctx) => <ReviewFormPage ctx={ctx} vm={vm} state={form} />, 400);
    }
    const result = await service.review(
      network.id,
      decision.id,
      { effect: form.data.reviewEffect, text: form.data.reviewText },
      by(request),
    );
    if (!result.ok) {
      const state = {
        errors: { reviewText: refusal(request, result.reason) },
        values: formValues(request.body),
      };
      return reply.page((ctx) => <ReviewFormPage ctx={ctx} vm={vm} state={state} />, 409);
    }
    return reply
      .flash('ok', 'decisions.reviewed')
      .redirect(`/netwerk/${network.id}/besluiten/${decision.id}`, 303);
  });
}
