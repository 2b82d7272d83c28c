// What every budgeting route file shares: the service, the route options, the round (or
// proposal) of a member page within its network, the public round of a /buurt page, the
// member round page's view model and the answer to a change after the first ballot.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config.js';
import { findInNetworkOr404, idParam, notFound } from '../../../platform/access.js';
import { formatMoney } from '../../../platform/i18n/index.js';
import type { ModuleContext } from '../../../platform/module.js';
import { networkModule } from '../../network/index.js';
import { sparksModule } from '../../sparks/index.js';
import { can } from '../policy.js';
import {
  ballotTypeLabel,
  phaseLabel,
  presentProposalCard,
  presentRealisation,
  roundDates,
} from '../presenters.js';
import type { ProposalRow, RoundRow } from '../repository.js';
import { type BudgetingService, budgetingService, type Doer } from '../service.js';
import { phases } from '../tables.js';
import { FrozenPage, type RoundViewModel } from '../views/round.js';

export const checked = { config: { policy: 'check' as const } };
export const open = { config: { policy: 'public' as const } };
/**
 * Voting posts carry their own guard: wrong codes are counted per address in the service
 * (WRONG_CODES_MAX per window); a polling station behind one address must not be stopped
 * by the general per-address post limit.
 */
export const voting = { config: { policy: 'public' as const, rateLimit: false as const } };

export type Net = { id: number; name: string; slug: string };

/** The shared helpers of the budgeting routes, built once per app. */
export interface BudgetRouteKit {
  service: BudgetingService;
  networks: ReturnType<typeof networkModule.api.fromRequest>;
  config: Config;
  /** Who does a change, for the audit log. */
  describeDoer(request: FastifyRequest): Doer;
  /** The round in the URL within this network, or 404. */
  findRound(request: FastifyRequest, networkId: number): Promise<RoundRow>;
  /** The proposal in the URL within this round, or 404. */
  findProposal(request: FastifyRequest, round: RoundRow): Promise<ProposalRow>;
  /** The round of a public page (/buurt/:slug/wijkbudget/:roundId), or 404. */
  loadPublicRound(
    request: FastifyRequest,
  ): Promise<{ network: Net; round: RoundRow; base: string }>;
  /**
   * A counted round of a public network by its slug and id, for the calculator's link back:
   * its title and public base path, or undefined (no such round, not public, not counted).
   */
  findCountedRound(
    slug: string,
    roundId: number,
  ): Promise<{ title: string; base: string } | undefined>;
  /** 409: the round is frozen since its first ballot. */
  answerFrozen(reply: FastifyReply, back: string): FastifyReply;
  /** The member round page's view model. */
  buildRoundVm(request: FastifyRequest, network: Net, round: RoundRow): Promise<RoundViewModel>;
}

export function budgetRouteKit(context: ModuleContext): BudgetRouteKit {
  const service = budgetingService(context.db, context.codeSecret);
  const networks = networkModule.api.fromRequest(context.db);
  const describeDoer = (request: FastifyRequest): Doer => ({
    personId: request.actor?.personId ?? null,
    origin: request.ip,
  });

  function findRound(request: FastifyRequest, networkId: number): Promise<RoundRow> {
    return findInNetworkOr404(request, 'roundId', (id) => service.findRound(networkId, id), {
      action: 'budget.view',
      objectType: 'budget_round',
      networkId,
    });
  }

  function findProposal(request: FastifyRequest, round: RoundRow): Promise<ProposalRow> {
    return findInNetworkOr404(request, 'proposalId', (id) => service.findProposal(round.id, id), {
      action: 'budget.view',
      objectType: 'budget_proposal',
      networkId: round.networkId,
    });
  }

  async function loadPublicRound(
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

  async function findCountedRound(slug: string, roundId: number) {
    const network = await networkModule.api.networks(context.db).findNetworkBySlug(slug);
    if (!network?.isPublic) return undefined;
    const round = await service.findRound(network.id, roundId);
    if (!round?.result) return undefined;
    return { title: round.title, base: `/buurt/${network.slug}/wijkbudget/${round.id}` };
  }

  const answerFrozen = (reply: FastifyReply, back: string) =>
    reply.page((ctx) => <FrozenPage ctx={ctx} back={back} />, 409);

  async function buildRoundVm(
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
      : all.filter(
          (p) =>
            (p.status !== 'withdrawn' && p.status !== 'hidden') ||
            p.authorId === request.actor?.personId,
        );
    const updates = round.result !== null && canManage ? await service.listUpdates(round.id) : [];
    const alts = await service.listPhotoDescriptions(
      [...all.map((p) => p.photoId), ...updates.map((u) => u.photoId)].filter(
        (id): id is number => id !== null,
      ),
    );
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
          alts,
        ),
      ),
      codes:
        canManage && round.voteByCode
          ? {
              ...(await service.countCodes(round.id)),
              addresses: await service.countAddresses(round.id),
            }
          : null,
      canManage,
      canReview,
      canPropose:
        round.phase === 'submission' && can(request.actor, 'budget.propose', { networkId }),
      publicPath: `/buurt/${network.slug}/wijkbudget/${round.id}`,
      realisation:
        round.result !== null && canManage
          ? presentRealisation(request.lang, round, all, updates, alts)
          : null,
      megapixels: sparksModule.api.MAX_PHOTO_PIXELS / 1_000_000,
    };
  }

  return {
    service,
    networks,
    config: context.config,
    describeDoer,
    findRound,
    findProposal,
    loadPublicRound,
    findCountedRound,
    answerFrozen,
    buildRoundVm,
  };
}
