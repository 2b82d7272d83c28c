// The rounds of a network (members): the list, a new round, its settings, its page and its
// phase. Settings cannot change after the first ballot (409, audited by the service).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type FormErrors,
  type FormState,
  fieldMessage,
  formValues,
  parseForm,
} from '../../../platform/forms.js';
import { formatMoney, type Lang, type Translate } from '../../../platform/i18n/index.js';
import { offeredRules } from '../ballot.js';
import { can, phaseChangeRefusal } from '../policy.js';
import { ballotTypeLabel, centsInput, phaseLabel, ruleChoices } from '../presenters.js';
import type { RoundRow, RoundSettings } from '../repository.js';
import { FrozenError, parseEuroCents } from '../service.js';
import { ballotTypes, type Phase, phases } from '../tables.js';
import { RoundPage } from '../views/round.js';
import { RoundFormPage, RoundsPage } from '../views/rounds.js';
import { type BudgetRouteKit, checked, type Net } from './kit.js';

/** Tie-breaking a round may use: the engine's modes, less `file` (a round has no file order). */
const ROUND_TIE_MODES = ['default', 'lexicographic'] as const;

export function registerRoundRoutes(app: FastifyInstance, kit: BudgetRouteKit): void {
  const { service, networks, describeDoer, findRound, answerFrozen, buildRoundVm } = kit;

  app.get('/netwerk/:networkId/wijkbudget', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.view', can);
    const rounds = (await service.listRounds(network.id)).map((r) => ({
      id: r.id,
      title: r.title,
      budget: formatMoney(r.budgetCents),
      phaseLabel: phaseLabel(request.t, r.phase),
    }));
    const vm = {
      network,
      rounds,
      canManage: can(request.actor, 'budget.manage', { networkId: network.id }),
    };
    return reply.page((ctx) => <RoundsPage ctx={ctx} vm={vm} />);
  });

  /** The round form's choices, labelled in the page's language (`lang`, as `t`). */
  function roundFormVm(t: Translate, lang: Lang, network: Net, roundId?: number) {
    return {
      network,
      ...(roundId ? { roundId } : {}),
      ballotTypes: ballotTypes.map((b) => ({
        value: b,
        label: ballotTypeLabel(t, b),
        hint: t(`budget.ballotType.${b}.hint`),
      })),
      rules: ruleChoices(t, lang, offeredRules()),
      ties: ROUND_TIE_MODES.map((m) => ({ value: m, label: t(`budget.ties.${m}`) })),
    };
  }

  const isoDate = z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'form.date')
    .default('');
  const count = (max: number) =>
    z
      .string()
      .trim()
      .regex(/^\d{1,7}$/, 'budget.error.number')
      .transform(Number)
      .pipe(z.number().int().min(0).max(max));
  const roundSchema = z.object({
    title: z.string().trim().min(1).max(200).describe('budget.name.title'),
    description: z.string().trim().max(4000).default('').describe('budget.name.description'),
    budget: z.string().trim().min(1).max(30).describe('budget.name.budget'),
    submissionUntil: isoDate.describe('budget.name.submissionUntil'),
    reviewUntil: isoDate.describe('budget.name.reviewUntil'),
    votingFrom: isoDate.describe('budget.name.votingFrom'),
    votingUntil: isoDate.describe('budget.name.votingUntil'),
    ballotType: z.enum(ballotTypes).describe('budget.name.ballotType'),
    minSelections: count(1000).describe('budget.name.minSelections'),
    maxSelections: count(1000).describe('budget.name.maxSelections'),
    pointsTotal: count(1000).describe('budget.name.pointsTotal'),
    rule: z
      .string({ required_error: 'form.choose' })
      .refine((r) => offeredRules().includes(r), 'form.choose')
      .describe('budget.name.rule'),
    ties: z.enum(ROUND_TIE_MODES).describe('budget.name.ties'),
    voteByCode: z.literal('on').optional().describe('budget.name.voteByCode'),
    voteByAccount: z.literal('on').optional().describe('budget.name.voteByAccount'),
    minAge: count(120).describe('budget.name.minAge'),
  });

  /** The round form: the settings, or the errors per field with the input kept. */
  function parseRound(
    request: FastifyRequest,
  ): { ok: true; settings: RoundSettings } | { ok: false; state: FormState } {
    const form = parseForm(roundSchema, request.body, request.t);
    const values = formValues(request.body);
    const errors: FormErrors = form.ok ? {} : { ...form.errors };
    const cents = parseEuroCents(String(values.budget ?? ''));
    if (!errors.budget && (cents === undefined || cents <= 0))
      errors.budget = fieldMessage(roundSchema, 'budget', 'budget.error.money', request.t);
    if (form.ok) {
      const d = form.data;
      if (d.ballotType === 'approval-k' && d.maxSelections < 1)
        errors.maxSelections = request.t('budget.error.k');
      if (d.maxSelections > 0 && d.minSelections > d.maxSelections)
        errors.minSelections = request.t('budget.error.minAboveMax');
      if (d.ballotType === 'points' && d.pointsTotal < 1)
        errors.pointsTotal = request.t('budget.error.points');
      if (!d.voteByCode && !d.voteByAccount) errors.voteByCode = request.t('budget.error.voteBy');
      if (d.votingFrom && d.votingUntil && d.votingUntil < d.votingFrom)
        errors.votingUntil = request.t('budget.error.dates');
    }
    if (!form.ok || Object.keys(errors).length > 0 || cents === undefined)
      return { ok: false, state: { errors, values } };
    const d = form.data;
    return {
      ok: true,
      settings: {
        title: d.title,
        description: d.description,
        budgetCents: cents,
        submissionUntil: d.submissionUntil || null,
        reviewUntil: d.reviewUntil || null,
        votingFrom: d.votingFrom || null,
        votingUntil: d.votingUntil || null,
        ballotType: d.ballotType,
        minSelections: d.minSelections,
        maxSelections: d.maxSelections,
        pointsTotal: d.pointsTotal,
        rule: d.rule,
        ties: d.ties,
        voteByCode: d.voteByCode === 'on',
        voteByAccount: d.voteByAccount === 'on',
        minAge: d.minAge,
      },
    };
  }

  function roundValues(r: RoundRow): Record<string, string> {
    return {
      title: r.title,
      description: r.description,
      budget: centsInput(r.budgetCents),
      submissionUntil: r.submissionUntil ?? '',
      reviewUntil: r.reviewUntil ?? '',
      votingFrom: r.votingFrom ?? '',
      votingUntil: r.votingUntil ?? '',
      ballotType: r.ballotType,
      minSelections: String(r.minSelections),
      maxSelections: String(r.maxSelections),
      pointsTotal: String(r.pointsTotal),
      rule: r.rule,
      ties: r.ties,
      minAge: String(r.minAge),
      ...(r.voteByCode ? { voteByCode: 'on' } : {}),
      ...(r.voteByAccount ? { voteByAccount: 'on' } : {}),
    };
  }

  app.get('/netwerk/:networkId/wijkbudget/nieuw', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const vm = roundFormVm(request.t, request.lang, network);
    const values = {
      ballotType: 'approval-budget',
      minSelections: '1',
      maxSelections: '0',
      pointsTotal: '10',
      rule: offeredRules()[0]!,
      ties: 'default',
      voteByCode: 'on',
      voteByAccount: 'on',
      minAge: '16',
    };
    return reply.page((ctx) => <RoundFormPage ctx={ctx} vm={vm} state={{ values }} />);
  });

  app.post('/netwerk/:networkId/wijkbudget/nieuw', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const parsed = parseRound(request);
    if (!parsed.ok) {
      const vm = roundFormVm(request.t, request.lang, network);
      return reply.page((ctx) => <RoundFormPage ctx={ctx} vm={vm} state={parsed.state} />, 400);
    }
    const id = await service.createRound(network.id, parsed.settings, describeDoer(request));
    return reply
      .flash('ok', 'budget.saved')
      .redirect(`/netwerk/${network.id}/wijkbudget/${id}`, 303);
  });

  app.get('/netwerk/:networkId/wijkbudget/:roundId', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.view', can);
    const round = await findRound(request, network.id);
    const vm = await buildRoundVm(request, network, round);
    return reply.page((ctx) => <RoundPage ctx={ctx} vm={vm} />);
  });

  app.get('/netwerk/:networkId/wijkbudget/:roundId/bewerken', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await findRound(request, network.id);
    const vm = roundFormVm(request.t, request.lang, network, round.id);
    return reply.page((ctx) => (
      <RoundFormPage ctx={ctx} vm={vm} state={{ values: roundValues(round) }} />
    ));
  });

  app.post('/netwerk/:networkId/wijkbudget/:roundId/bewerken', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await findRound(request, network.id);
    const back = `/netwerk/${network.id}/wijkbudget/${round.id}`;
    const parsed = parseRound(request);
    if (!parsed.ok) {
      const vm = roundFormVm(request.t, request.lang, network, round.id);
      return reply.page((ctx) => <RoundFormPage ctx={ctx} vm={vm} state={parsed.state} />, 400);
    }
    try {
      await service.updateRound(network.id, round.id, parsed.settings, describeDoer(request));
    } catch (error) {
      if (error instanceof FrozenError) return answerFrozen(reply, back);
      throw error;
    }
    return reply.flash('ok', 'budget.saved').redirect(back, 303);
  });

  app.post('/netwerk/:networkId/wijkbudget/:roundId/fase', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await findRound(request, network.id);
    const back = `/netwerk/${network.id}/wijkbudget/${round.id}`;
    const phase = String((request.body as Record<string, unknown>)?.phase ?? '') as Phase;
    const showPhaseError = async (problem: string, status: number) => {
      const vm = await buildRoundVm(request, network, round);
      return reply.page((ctx) => <RoundPage ctx={ctx} vm={vm} phaseError={problem} />, status);
    };
    if (!phases.includes(phase)) return showPhaseError(request.t('form.choose'), 400);
    const [accepted, ballots] = await Promise.all([
      service.listProposals(round.id, ['accepted']),
      service.countBallots(round.id),
    ]);
    const refusal = phaseChangeRefusal({ phase: round.phase, counted: !!round.result }, phase, {
      acceptedProposals: accepted.length,
      ballots,
    });
    if (refusal === 'frozen') return answerFrozen(reply, back);
    // After the count the vote is closed for good: a conflict with the round's state (409).
    if (refusal)
      return showPhaseError(
        request.t(`budget.error.${refusal}`),
        refusal === 'countedNoVoting' ? 409 : 400,
      );
    if (phase !== round.phase)
      await service.changePhase(network.id, round.id, phase, describeDoer(request));
    return reply.flash('ok', 'budget.saved').redirect(back, 303);
  });
}
