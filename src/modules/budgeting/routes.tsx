// The neighbourhood budget (wijkbudget): parse → authorize → service → render or redirect.
// Member pages live under /netwerk/:networkId/wijkbudget; the public round, voting and
// results under /buurt/:slug/wijkbudget/:roundId.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RULES, writePabulib } from '../../pb/index.js';
import { findInNetworkOr404, idParam, notFound } from '../../platform/access.js';
import { type FormErrors, type FormState, formValues, parseForm } from '../../platform/forms.js';
import { formatDate, formatMoney, type Translate } from '../../platform/i18n/index.js';
import type { ModuleContext } from '../../platform/module.js';
import { baseUrl } from '../../platform/urls.js';
import { networkModule } from '../network/index.js';
import { type BallotProblem, checkBallot, offeredRules } from './ballot.js';
import { newIdempotencyKey } from './codes.js';
import { can } from './policy.js';
import {
  ballotRulesText,
  ballotTypeLabel,
  centsInput,
  phaseLabel,
  presentProposalCard,
  presentPublicProposal,
  presentResults,
  roundDates,
} from './presenters.js';
import type { ProposalRow, RoundRow, RoundSettings } from './repository.js';
import {
  budgetingService,
  type Choices,
  CODES_PER_BATCH_MAX,
  type Doer,
  FrozenError,
  parseEuroCents,
  type StoredResult,
} from './service.js';
import { ballotTypes, type Phase, phases } from './tables.js';
import {
  FrozenPage,
  LettersPage,
  type LetterViewModel,
  ProposalFormPage,
  RoundFormPage,
  RoundPage,
  RoundsPage,
  type RoundViewModel,
} from './views/pages.js';
import {
  BallotPage,
  type BallotViewModel,
  PublicRoundPage,
  ReceiptPage,
  ResultsPage,
  ReviewPage,
  VoteRefusedPage,
  VoteStartPage,
} from './views/public.js';

/** Tie-breaking a round may use: the engine's modes, less `file` (a round has no file order). */
const ROUND_TIE_MODES = ['default', 'lexicographic'] as const;
const checked = { config: { policy: 'check' as const } };
const open = { config: { policy: 'public' as const } };
/**
 * Voting posts carry their own guard: wrong codes are counted per address in the service
 * (WRONG_CODES_MAX per window); a polling station behind one address must not be stopped
 * by the general per-address post limit.
 */
const voting = { config: { policy: 'public' as const, rateLimit: false as const } };
/** How many demo codes the voting page lists in demo mode. */
const DEMO_CODES_SHOWN = 8;

type Net = { id: number; name: string; slug: string };

export async function budgetingRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const service = budgetingService(context.db, context.codeSecret);
  const networks = networkModule.api.fromRequest(context.db);
  const doer = (request: FastifyRequest): Doer => ({
    personId: request.actor?.personId ?? null,
    origin: request.ip,
  });

  function roundIn(request: FastifyRequest, networkId: number): Promise<RoundRow> {
    return findInNetworkOr404(request, 'roundId', (id) => service.findRound(networkId, id), {
      action: 'budget.view',
      objectType: 'budget_round',
      networkId,
    });
  }

  async function publicRound(
    request: FastifyRequest,
  ): Promise<{ network: Net; round: RoundRow; base: string }> {
    const network = await networks.bySlug(request);
    const id = idParam.safeParse((request.params as { roundId?: string }).roundId);
    if (!id.success) notFound();
    const round = await service.findRound(network.id, id.data);
    if (!round) notFound();
    return {
      network: { id: network.id, name: network.name, slug: network.slug },
      round,
      base: `/buurt/${network.slug}/wijkbudget/${round.id}`,
    };
  }

  const frozen = (reply: FastifyReply, back: string) =>
    reply.page((ctx) => <FrozenPage ctx={ctx} back={back} />, 409);

  // ── Rounds (members) ───────────────────────────────────────────────────────────────────

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

  function roundFormVm(t: Translate, network: Net, roundId?: number) {
    return {
      network,
      ...(roundId ? { roundId } : {}),
      ballotTypes: ballotTypes.map((b) => ({
        value: b,
        label: ballotTypeLabel(t, b),
        hint: t(`budget.ballotType.${b}.hint`),
      })),
      rules: offeredRules().map((r) => ({
        value: r,
        label: `${r} — ${RULES.get(r)?.description ?? ''}`,
      })),
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
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).default(''),
    budget: z.string().trim().min(1).max(30),
    submissionUntil: isoDate,
    reviewUntil: isoDate,
    votingFrom: isoDate,
    votingUntil: isoDate,
    ballotType: z.enum(ballotTypes),
    minSelections: count(1000),
    maxSelections: count(1000),
    pointsTotal: count(1000),
    rule: z.string().refine((r) => RULES.has(r), 'form.choose'),
    ties: z.enum(ROUND_TIE_MODES),
    voteByCode: z.literal('on').optional(),
    voteByAccount: z.literal('on').optional(),
    minAge: count(120),
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
      errors.budget = request.t('budget.error.money');
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
    const vm = roundFormVm(request.t, network);
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
      const vm = roundFormVm(request.t, network);
      return reply.page((ctx) => <RoundFormPage ctx={ctx} vm={vm} state={parsed.state} />, 400);
    }
    const id = await service.createRound(network.id, parsed.settings, doer(request));
    return reply
      .flash('ok', 'budget.saved')
      .redirect(`/netwerk/${network.id}/wijkbudget/${id}`, 303);
  });

  async function roundVm(
    request: FastifyRequest,
    network: Net,
    round: RoundRow,
  ): Promise<RoundViewModel> {
    const t = request.t;
    const networkId = network.id;
    const canManage = can(request.actor, 'budget.manage', { networkId });
    const canReview = can(request.actor, 'budget.review', { networkId });
    const ballots = await service.countBallots(round.id);
    const all = await service.listProposals(round.id);
    const early = round.phase === 'submission' || round.phase === 'review';
    // Reviewers see every proposal; other members what is public plus their own.
    const visible = canReview
      ? all
      : all.filter((p) => p.status !== 'withdrawn' || p.authorId === request.actor?.personId);
    return {
      network,
      round: {
        id: round.id,
        title: round.title,
        description: round.description,
        budget: formatMoney(round.budgetCents),
        phase: round.phase,
        phaseLabel: phaseLabel(t, round.phase),
        dates: roundDates(t, request.lang, round),
        ballotLabel: ballotTypeLabel(t, round.ballotType),
        rule: round.rule,
        ballots,
        frozen: ballots > 0,
      },
      phases: phases.map((p) => ({ value: p, label: phaseLabel(t, p) })),
      proposals: visible.map((p) =>
        presentProposalCard(
          t,
          p,
          early &&
            ballots === 0 &&
            p.status !== 'withdrawn' &&
            p.authorId !== null &&
            p.authorId === request.actor?.personId,
        ),
      ),
      codes: canManage && round.voteByCode ? await service.countCodes(round.id) : null,
      canManage,
      canReview,
      canPropose:
        round.phase === 'submission' && can(request.actor, 'budget.propose', { networkId }),
      publicPath: `/buurt/${network.slug}/wijkbudget/${round.id}`,
    };
  }

  app.get('/netwerk/:networkId/wijkbudget/:roundId', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.view', can);
    const round = await roundIn(request, network.id);
    const vm = await roundVm(request, network, round);
    return reply.page((ctx) => <RoundPage ctx={ctx} vm={vm} />);
  });

  app.get('/netwerk/:networkId/wijkbudget/:roundId/bewerken', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await roundIn(request, network.id);
    const vm = roundFormVm(request.t, network, round.id);
    return reply.page((ctx) => (
      <RoundFormPage ctx={ctx} vm={vm} state={{ values: roundValues(round) }} />
    ));
  });

  app.post('/netwerk/:networkId/wijkbudget/:roundId/bewerken', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await roundIn(request, network.id);
    const back = `/netwerk/${network.id}/wijkbudget/${round.id}`;
    const parsed = parseRound(request);
    if (!parsed.ok) {
      const vm = roundFormVm(request.t, network, round.id);
      return reply.page((ctx) => <RoundFormPage ctx={ctx} vm={vm} state={parsed.state} />, 400);
    }
    try {
      await service.updateRound(network.id, round.id, parsed.settings, doer(request));
    } catch (error) {
      if (error instanceof FrozenError) return frozen(reply, back);
      throw error;
    }
    return reply.flash('ok', 'budget.saved').redirect(back, 303);
  });

  app.post('/netwerk/:networkId/wijkbudget/:roundId/fase', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await roundIn(request, network.id);
    const back = `/netwerk/${network.id}/wijkbudget/${round.id}`;
    const phase = String((request.body as Record<string, unknown>)?.phase ?? '') as Phase;
    let problem: string | undefined;
    if (!phases.includes(phase)) problem = request.t('form.choose');
    else if (
      phase === 'voting' &&
      (await service.listProposals(round.id, ['accepted'])).length === 0
    )
      problem = request.t('budget.error.noAccepted');
    else if ((phase === 'results' || phase === 'realisation') && !round.result)
      problem = request.t('budget.error.notCounted');
    else if (
      phase !== round.phase &&
      (phase === 'submission' || phase === 'review') &&
      (await service.countBallots(round.id)) > 0
    )
      return frozen(reply, back);
    if (problem) {
      const vm = await roundVm(request, network, round);
      return reply.page((ctx) => <RoundPage ctx={ctx} vm={vm} phaseError={problem} />, 400);
    }
    if (phase !== round.phase)
      await service.changePhase(network.id, round.id, phase, doer(request));
    return reply.flash('ok', 'budget.saved').redirect(back, 303);
  });

  // ── Proposals ──────────────────────────────────────────────────────────────────────────

  const proposalSchema = z.object({
    title: z.string().trim().min(1).max(120),
    description: z.string().trim().min(1).max(4000),
    place: z.string().trim().max(200).default(''),
    cost: z.string().trim().min(1).max(30),
  });

  app.get(
    '/netwerk/:networkId/wijkbudget/:roundId/voorstellen/nieuw',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'budget.propose', can);
      const round = await roundIn(request, network.id);
      if (round.phase !== 'submission')
        return reply.page(
          (ctx) => (
            <VoteRefusedPage
              ctx={ctx}
              vm={{
                base: `/netwerk/${network.id}/wijkbudget/${round.id}`,
                message: request.t('budget.error.notSubmission'),
              }}
            />
          ),
          409,
        );
      const vm = { network, round };
      return reply.page((ctx) => <ProposalFormPage ctx={ctx} vm={vm} state={{}} />);
    },
  );

  app.post(
    '/netwerk/:networkId/wijkbudget/:roundId/voorstellen/nieuw',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'budget.propose', can);
      const round = await roundIn(request, network.id);
      const back = `/netwerk/${network.id}/wijkbudget/${round.id}`;
      if (round.phase !== 'submission')
        return reply.page(
          (ctx) => (
            <VoteRefusedPage
              ctx={ctx}
              vm={{ base: back, message: request.t('budget.error.notSubmission') }}
            />
          ),
          409,
        );
      const form = parseForm(proposalSchema, request.body, request.t);
      const values = formValues(request.body);
      const errors: FormErrors = form.ok ? {} : { ...form.errors };
      const cents = parseEuroCents(values.cost ?? '');
      if (!errors.cost && (cents === undefined || cents <= 0))
        errors.cost = request.t('budget.error.money');
      else if (!errors.cost && cents !== undefined && cents > round.budgetCents)
        errors.cost = request.t('budget.error.costAboveBudget', {
          budget: formatMoney(round.budgetCents),
        });
      if (!form.ok || Object.keys(errors).length > 0 || cents === undefined) {
        const vm = { network, round };
        return reply.page(
          (ctx) => <ProposalFormPage ctx={ctx} vm={vm} state={{ errors, values }} />,
          400,
        );
      }
      await service.submitProposal(round, request.actor?.personId ?? null, {
        title: form.data.title,
        description: form.data.description,
        place: form.data.place,
        costCents: cents,
      });
      return reply.flash('ok', 'budget.proposal.saved').redirect(back, 303);
    },
  );

  function proposalIn(request: FastifyRequest, round: RoundRow): Promise<ProposalRow> {
    return findInNetworkOr404(request, 'proposalId', (id) => service.findProposal(round.id, id), {
      action: 'budget.view',
      objectType: 'budget_proposal',
      networkId: round.networkId,
    });
  }

  const reviewSchema = z.object({
    decision: z.enum(['accepted', 'rejected']),
    reason: z.string().trim().max(2000).default(''),
    cost: z.string().trim().min(1).max(30),
    costReason: z.string().trim().max(1000).default(''),
  });

  app.post(
    '/netwerk/:networkId/wijkbudget/:roundId/voorstellen/:proposalId/beoordelen',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'budget.review', can);
      const round = await roundIn(request, network.id);
      const proposal = await proposalIn(request, round);
      const back = `/netwerk/${network.id}/wijkbudget/${round.id}`;
      const form = parseForm(reviewSchema, request.body, request.t);
      const values = formValues(request.body);
      const errors: FormErrors = form.ok ? {} : { ...form.errors };
      const cents = parseEuroCents(values.cost ?? '');
      if (!errors.cost && (cents === undefined || cents <= 0))
        errors.cost = request.t('budget.error.money');
      if (form.ok) {
        if (form.data.decision === 'rejected' && form.data.reason === '')
          errors.reason = request.t('budget.error.reasonRequired');
        if (cents !== undefined && cents !== proposal.costCents && form.data.costReason === '')
          errors.costReason = request.t('budget.error.costReasonRequired');
      }
      if (!form.ok || Object.keys(errors).length > 0 || cents === undefined) {
        const vm = await roundVm(request, network, round);
        return reply.page(
          (ctx) => (
            <RoundPage
              ctx={ctx}
              vm={vm}
              reviewState={{ proposalId: proposal.id, state: { errors, values } }}
            />
          ),
          400,
        );
      }
      try {
        await service.reviewProposal(
          round,
          proposal,
          {
            status: form.data.decision,
            reason: form.data.reason,
            costCents: cents,
            costReason: form.data.costReason,
          },
          doer(request),
        );
      } catch (error) {
        if (error instanceof FrozenError) return frozen(reply, back);
        throw error;
      }
      return reply.flash('ok', 'budget.saved').redirect(`${back}#voorstel-${proposal.id}`, 303);
    },
  );

  app.post(
    '/netwerk/:networkId/wijkbudget/:roundId/voorstellen/:proposalId/intrekken',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'budget.propose', can);
      const round = await roundIn(request, network.id);
      const proposal = await proposalIn(request, round);
      const back = `/netwerk/${network.id}/wijkbudget/${round.id}`;
      if (proposal.authorId === null || proposal.authorId !== request.actor?.personId)
        return request.deny({
          action: 'budget.proposal.withdraw',
          objectType: 'budget_proposal',
          objectId: proposal.id,
          networkId: network.id,
          status: 403,
        });
      if (round.phase !== 'submission' && round.phase !== 'review') return frozen(reply, back);
      try {
        await service.withdrawProposal(round, proposal, doer(request));
      } catch (error) {
        if (error instanceof FrozenError) return frozen(reply, back);
        throw error;
      }
      return reply.flash('ok', 'budget.proposal.withdrawn').redirect(back, 303);
    },
  );

  // ── Voting codes ───────────────────────────────────────────────────────────────────────

  app.post('/netwerk/:networkId/wijkbudget/:roundId/codes', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await roundIn(request, network.id);
    const raw = String((request.body as Record<string, unknown>)?.count ?? '').trim();
    const n = /^\d{1,5}$/.test(raw) ? Number(raw) : 0;
    if (n < 1 || n > CODES_PER_BATCH_MAX) {
      const vm = await roundVm(request, network, round);
      return reply.page(
        (ctx) => (
          <RoundPage
            ctx={ctx}
            vm={vm}
            phaseError={request.t('budget.error.codeCount', { max: CODES_PER_BATCH_MAX })}
          />
        ),
        400,
      );
    }
    await service.generateCodes(round, n, doer(request));
    return reply
      .flash('ok', 'budget.codes.made', { count: n })
      .redirect(`/netwerk/${network.id}/wijkbudget/${round.id}`, 303);
  });

  async function letterVm(
    request: FastifyRequest,
    network: Net,
    round: RoundRow,
    how: string,
  ): Promise<LetterViewModel> {
    return {
      roundTitle: round.title,
      networkName: network.name,
      votingUntil: round.votingUntil
        ? formatDate(request.lang, new Date(`${round.votingUntil}T12:00:00Z`))
        : '',
      url: `${baseUrl(context.config, request)}/buurt/${network.slug}/wijkbudget/${round.id}/stemmen`,
      minAge: round.minAge,
      codes: await service.listCodesForPrint(round, doer(request), how),
    };
  }

  app.get(
    '/netwerk/:networkId/wijkbudget/:roundId/codes/print',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'budget.manage', can);
      const round = await roundIn(request, network.id);
      const vm = await letterVm(request, network, round, 'print');
      return reply.page((ctx) => <LettersPage ctx={ctx} vm={vm} />);
    },
  );

  app.get('/netwerk/:networkId/wijkbudget/:roundId/codes.csv', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await roundIn(request, network.id);
    const vm = await letterVm(request, network, round, 'csv');
    const lines = ['code;adres', ...vm.codes.map((c) => `${c};${vm.url}`)];
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="stemcodes-ronde-${round.id}.csv"`)
      .send(`${lines.join('\r\n')}\r\n`);
  });

  app.get('/netwerk/:networkId/wijkbudget/:roundId/codes.pdf', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await roundIn(request, network.id);
    const vm = await letterVm(request, network, round, 'pdf');
    // Loaded on first use: pdf-lib and qrcode are large, and most processes never print.
    const { lettersPdf } = await import('./letters.js');
    const pdf = await lettersPdf(request.t, vm);
    return reply
      .header('content-type', 'application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="stembrieven-ronde-${round.id}.pdf"`)
      .send(Buffer.from(pdf));
  });

  // ── The count ──────────────────────────────────────────────────────────────────────────

  app.post('/netwerk/:networkId/wijkbudget/:roundId/tellen', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await roundIn(request, network.id);
    if (round.phase !== 'counting') {
      const vm = await roundVm(request, network, round);
      return reply.page(
        (ctx) => <RoundPage ctx={ctx} vm={vm} phaseError={request.t('budget.error.notCounting')} />,
        409,
      );
    }
    await service.countVotes(round, network.name, doer(request));
    return reply
      .flash('ok', 'budget.count.done')
      .redirect(`/buurt/${network.slug}/wijkbudget/${round.id}/uitslag`, 303);
  });

  // ── Public: the round, voting, results ─────────────────────────────────────────────────

  app.get('/buurt/:slug/wijkbudget/:roundId', open, async (request, reply) => {
    const { network, round, base } = await publicRound(request);
    const all = await service.listProposals(round.id);
    const pick = (s: ProposalRow['status']) =>
      all.filter((p) => p.status === s).map(presentPublicProposal);
    const vm = {
      base,
      network,
      title: round.title,
      description: round.description,
      budget: formatMoney(round.budgetCents),
      phaseLabel: phaseLabel(request.t, round.phase),
      dates: roundDates(request.t, request.lang, round),
      accepted: pick('accepted'),
      rejected: pick('rejected'),
      submitted: pick('submitted'),
      voting: round.phase === 'voting',
      hasResults: round.result !== null,
    };
    return reply.page((ctx) => <PublicRoundPage ctx={ctx} vm={vm} />);
  });

  async function startVm(request: FastifyRequest, round: RoundRow, base: string) {
    const networkId = round.networkId;
    const byAccount =
      round.voteByAccount && can(request.actor, 'budget.voteByAccount', { networkId });
    return {
      base,
      title: round.title,
      byCode: round.voteByCode,
      byAccount,
      alreadyVotedByAccount:
        byAccount && request.actor
          ? await service.hasVoted(round.id, request.actor.personId)
          : false,
      demoCodes:
        context.config.demoMode && round.voteByCode
          ? await service.listDemoCodes(round, DEMO_CODES_SHOWN)
          : [],
    };
  }

  const refuse = (reply: FastifyReply, base: string, message: string, status: number) =>
    reply.page((ctx) => <VoteRefusedPage ctx={ctx} vm={{ base, message }} />, status);

  app.get('/buurt/:slug/wijkbudget/:roundId/stemmen', open, async (request, reply) => {
    const { round, base } = await publicRound(request);
    if (round.phase !== 'voting')
      return refuse(reply, base, request.t('budget.refused.closed'), 409);
    const vm = await startVm(request, round, base);
    return reply.page((ctx) => <VoteStartPage ctx={ctx} vm={vm} />);
  });

  /** The voter of a voting form: a checked code, or the signed-in resident; else an answer. */
  async function voterOf(
    request: FastifyRequest,
    reply: FastifyReply,
    round: RoundRow,
    base: string,
    options: { allowUsed: boolean },
  ): Promise<
    | { voter: { code: string } | { personId: number }; hidden: Record<string, string> }
    | FastifyReply
  > {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const t = request.t;
    if (body.via === 'account') {
      const actor = request.actor;
      if (
        !round.voteByAccount ||
        !actor ||
        !can(actor, 'budget.voteByAccount', { networkId: round.networkId })
      )
        return request.deny({
          action: 'budget.vote.account',
          objectType: 'budget_round',
          objectId: round.id,
          networkId: round.networkId,
          status: 403,
        });
      if (!options.allowUsed && (await service.hasVoted(round.id, actor.personId)))
        return refuse(reply, base, t('budget.refused.used'), 409);
      return { voter: { personId: actor.personId }, hidden: { via: 'account' } };
    }
    const code = typeof body.code === 'string' ? body.code.slice(0, 40) : '';
    if (!round.voteByCode) return refuse(reply, base, t('budget.refused.noCodes'), 400);
    const checkedCode = await service.checkCode(round, code, request.ip);
    if (checkedCode === 'limited') return refuse(reply, base, t('budget.refused.limited'), 429);
    if (checkedCode === 'wrong' || (checkedCode === 'used' && !options.allowUsed)) {
      const vm = await startVm(request, round, base);
      const message = checkedCode === 'wrong' ? t('budget.error.code') : t('budget.refused.used');
      return reply.page(
        (ctx) => <VoteStartPage ctx={ctx} vm={vm} code={code} errors={{ code: message }} />,
        checkedCode === 'wrong' ? 400 : 409,
      );
    }
    return { voter: { code }, hidden: { code } };
  }

  /** The choices of a ballot form: `choice` ids (approval) or `points_<id>` (points). */
  function choicesOf(request: FastifyRequest, round: RoundRow): Choices | 'invalid' {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const choices: Choices = new Map();
    if (round.ballotType === 'points') {
      for (const [k, v] of Object.entries(body)) {
        const m = /^points_(\d{1,9})$/.exec(k);
        if (!m) continue;
        const text = String(v).trim();
        if (text === '') continue;
        if (!/^\d{1,4}$/.test(text)) return 'invalid';
        if (Number(text) > 0) choices.set(Number(m[1]), Number(text));
      }
      return choices;
    }
    const raw = body.choice;
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    for (const item of list) {
      if (typeof item !== 'string' || !/^\d{1,9}$/.test(item)) return 'invalid';
      choices.set(Number(item), 1);
    }
    return choices;
  }

  function problemText(t: Translate, problem: BallotProblem | 'invalid'): string {
    if (problem === 'invalid') return t('budget.ballot.pointsInvalid');
    const { key, ...params } = problem;
    return t(key, params as Record<string, number>);
  }

  async function ballotVm(
    request: FastifyRequest,
    round: RoundRow,
    base: string,
    hidden: Record<string, string>,
    choices: Choices,
  ): Promise<BallotViewModel> {
    const proposals = (await service.listProposals(round.id, ['accepted'])).map(
      presentPublicProposal,
    );
    const key = String((request.body as Record<string, unknown>)?.key ?? '');
    return {
      base,
      title: round.title,
      ballotType: round.ballotType,
      budget: formatMoney(round.budgetCents),
      budgetCents: round.budgetCents,
      rulesText: ballotRulesText(request.t, round),
      pointsTotal: round.pointsTotal,
      proposals,
      choices: Object.fromEntries([...choices].map(([id, v]) => [String(id), v])),
      hidden: { ...hidden, key: /^[A-Za-z0-9_-]{16,64}$/.test(key) ? key : newIdempotencyKey() },
    };
  }

  // The code (or the account button) → the ballot.
  for (const path of [
    '/buurt/:slug/wijkbudget/:roundId/stemmen',
    '/buurt/:slug/wijkbudget/:roundId/stemmen/stembiljet',
  ]) {
    app.post(path, voting, async (request, reply) => {
      const { round, base } = await publicRound(request);
      if (round.phase !== 'voting')
        return refuse(reply, base, request.t('budget.refused.closed'), 409);
      const who = await voterOf(request, reply, round, base, { allowUsed: false });
      if (!('voter' in who)) return who;
      const choices = choicesOf(request, round);
      const vm = await ballotVm(
        request,
        round,
        base,
        who.hidden,
        choices === 'invalid' ? new Map() : choices,
      );
      return reply.page((ctx) => <BallotPage ctx={ctx} vm={vm} />);
    });
  }

  // The ballot → the review page (every rule checked here, and again when it is cast).
  app.post('/buurt/:slug/wijkbudget/:roundId/stemmen/controle', voting, async (request, reply) => {
    const { round, base } = await publicRound(request);
    if (round.phase !== 'voting')
      return refuse(reply, base, request.t('budget.refused.closed'), 409);
    const who = await voterOf(request, reply, round, base, { allowUsed: false });
    if (!('voter' in who)) return who;
    const choices = choicesOf(request, round);
    const accepted = await service.listProposals(round.id, ['accepted']);
    const problem =
      choices === 'invalid'
        ? 'invalid'
        : checkBallot(round, new Map(accepted.map((p) => [p.id, p.costCents])), choices);
    if (problem) {
      const vm = await ballotVm(
        request,
        round,
        base,
        who.hidden,
        choices === 'invalid' ? new Map() : choices,
      );
      return reply.page(
        (ctx) => <BallotPage ctx={ctx} vm={vm} error={problemText(request.t, problem)} />,
        400,
      );
    }
    const valid = choices as Choices;
    const vmBallot = await ballotVm(request, round, base, who.hidden, valid);
    const hidden: Record<string, string> = { ...vmBallot.hidden };
    const chosen = accepted.filter((p) => valid.has(p.id));
    let total = 0;
    for (const p of chosen) {
      total += p.costCents;
      if (round.ballotType === 'points') hidden[`points_${p.id}`] = String(valid.get(p.id));
    }
    const vm = {
      base,
      title: round.title,
      chosen: chosen.map((p) => ({
        title: p.title,
        cost: formatMoney(p.costCents),
        points: round.ballotType === 'points' ? (valid.get(p.id) ?? 0) : null,
      })),
      total: formatMoney(total),
      hidden,
      choiceIds: round.ballotType === 'points' ? [] : chosen.map((p) => String(p.id)),
    };
    return reply.page((ctx) => <ReviewPage ctx={ctx} vm={vm} />);
  });

  // The review page → the ballot is cast → the receipt. The code is checked inside the
  // ballot's transaction only (one query fewer per ballot); a wrong one is counted after.
  app.post('/buurt/:slug/wijkbudget/:roundId/stemmen/insturen', voting, async (request, reply) => {
    const { round, base } = await publicRound(request);
    const t = request.t;
    if (round.phase !== 'voting') return refuse(reply, base, t('budget.refused.closed'), 409);
    const body = (request.body ?? {}) as Record<string, unknown>;
    let voter: { code: string } | { personId: number };
    let hidden: Record<string, string>;
    if (body.via === 'account') {
      const who = await voterOf(request, reply, round, base, { allowUsed: true });
      if (!('voter' in who)) return who;
      voter = who.voter;
      hidden = who.hidden;
    } else {
      if (!round.voteByCode) return refuse(reply, base, t('budget.refused.noCodes'), 400);
      const code = typeof body.code === 'string' ? body.code.slice(0, 40) : '';
      voter = { code };
      hidden = { code };
    }
    const key = String(body.key ?? '');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(key))
      return refuse(reply, base, t('budget.refused.form'), 400);
    const choices = choicesOf(request, round);
    if (choices === 'invalid') return refuse(reply, base, t('budget.ballot.pointsInvalid'), 400);
    const result = await service.castBallot(round.networkId, round.id, voter, choices, key);
    if (result.ok) return reply.redirect(`${base}/bewijs/${result.receipt}`, 303);
    if (result.reason === 'ballot') {
      const vm = await ballotVm(request, round, base, hidden, choices);
      return reply.page(
        (ctx) => <BallotPage ctx={ctx} vm={vm} error={problemText(t, result.problem)} />,
        400,
      );
    }
    if (result.reason === 'invalid-code') {
      if ((await service.countWrongCode(round, request.ip)) === 'limited')
        return refuse(reply, base, t('budget.refused.limited'), 429);
      const vm = await startVm(request, round, base);
      return reply.page(
        (ctx) => <VoteStartPage ctx={ctx} vm={vm} errors={{ code: t('budget.error.code') }} />,
        400,
      );
    }
    const messages = {
      used: t('budget.refused.used'),
      closed: t('budget.refused.closed'),
      replayed: t('budget.refused.form'),
    } as const;
    return refuse(reply, base, messages[result.reason], 409);
  });

  app.get('/buurt/:slug/wijkbudget/:roundId/bewijs/:receipt', open, async (request, reply) => {
    const { round, base } = await publicRound(request);
    const receipt = String((request.params as { receipt?: string }).receipt ?? '');
    const found = /^[A-Z2-9]{5}-[A-Z2-9]{5}$/.test(receipt)
      ? await service.findBallotByReceipt(round.id, receipt)
      : undefined;
    if (!found) notFound();
    const vm = {
      base,
      title: round.title,
      receipt,
      castOn: formatDate(request.lang, new Date(`${found.castOn}T12:00:00Z`)),
    };
    return reply.page((ctx) => <ReceiptPage ctx={ctx} vm={vm} />);
  });

  app.get<{ Querystring: { bewijs?: string } }>(
    '/buurt/:slug/wijkbudget/:roundId/uitslag',
    open,
    async (request, reply) => {
      const { round, base } = await publicRound(request);
      if (!round.result) notFound();
      const names = Object.fromEntries(
        (await service.listProposals(round.id)).map((p) => [String(p.id), p.title]),
      );
      const typed =
        typeof request.query.bewijs === 'string'
          ? request.query.bewijs.trim().toUpperCase().slice(0, 20)
          : '';
      const receiptCheck = typed
        ? {
            receipt: typed,
            found: (await service.findBallotByReceipt(round.id, typed)) !== undefined,
          }
        : null;
      const vm = presentResults(
        request.t,
        request.lang,
        base,
        round,
        round.result as StoredResult,
        names,
        receiptCheck,
      );
      return reply.page((ctx) => <ResultsPage ctx={ctx} vm={vm} />);
    },
  );

  app.get('/buurt/:slug/wijkbudget/:roundId/uitslag.pb', open, async (request, reply) => {
    const { network, round } = await publicRound(request);
    if (!round.result) notFound();
    const text = writePabulib(await service.exportInstance(round, network.name));
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="wijkbudget-${network.slug}-${round.id}.pb"`,
      )
      .send(text);
  });
}
