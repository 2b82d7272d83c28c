// Voting (public, no JavaScript needed): code or account → ballot → review → cast → receipt.
// Every rule is checked on the review page and again when the ballot is cast.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatMoney, type Translate } from '../../../platform/i18n/index.js';
import { type BallotProblem, checkBallot } from '../ballot.js';
import { newIdempotencyKey } from '../codes.js';
import { can } from '../policy.js';
import { ballotRulesText, presentPublicProposal } from '../presenters.js';
import type { RoundRow } from '../repository.js';
import type { Choices } from '../service.js';
import {
  BallotPage,
  type BallotViewModel,
  ReviewPage,
  VoteRefusedPage,
  VoteStartPage,
} from '../views/vote.js';
import { type BudgetRouteKit, open, voting } from './kit.js';

/** How many demo codes the voting page lists in demo mode. */
const DEMO_CODES_SHOWN = 8;

export function registerVotingRoutes(app: FastifyInstance, kit: BudgetRouteKit): void {
  const { service, config, loadPublicRound } = kit;

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
      accountNeedsCode:
        byAccount && request.actor
          ? (await service.accountReady(round, request.actor.personId)) === 'unbound'
          : false,
      demoCodes:
        config.demoMode && round.voteByCode
          ? await service.listDemoCodes(round, DEMO_CODES_SHOWN)
          : [],
    };
  }

  const refuse = (reply: FastifyReply, base: string, message: string, status: number) =>
    reply.page((ctx) => <VoteRefusedPage ctx={ctx} vm={{ base, message }} />, status);

  app.get('/buurt/:slug/wijkbudget/:roundId/stemmen', open, async (request, reply) => {
    const { round, base } = await loadPublicRound(request);
    if (round.phase !== 'voting')
      return refuse(reply, base, request.t('budget.refused.closed'), 409);
    const vm = await startVm(request, round, base);
    return reply.page((ctx) => <VoteStartPage ctx={ctx} vm={vm} />);
  });

  /**
   * The voter of a voting form: a checked code, or the signed-in resident; else `answered`
   * with the reply already sent (a refusal, 429 or the start page with its error). The reply
   * is wrapped, never returned bare: a FastifyReply is a thenable, so an async function that
   * returns it resolves to undefined.
   */
  async function voterOf(
    request: FastifyRequest,
    reply: FastifyReply,
    round: RoundRow,
    base: string,
    options: { allowUsed: boolean },
  ): Promise<
    | { voter: { code: string } | { personId: number }; hidden: Record<string, string> }
    | { answered: FastifyReply }
  > {
    const answered = (sent: FastifyReply) => ({ answered: sent });
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
        return answered(refuse(reply, base, t('budget.refused.used'), 409));
      // In a round with codes the account votes through the code of its letter, typed once
      // while signed in (decision 0011).
      if ((await service.accountReady(round, actor.personId)) === 'unbound') {
        const typed = typeof body.accountCode === 'string' ? body.accountCode.slice(0, 40) : '';
        const bound = typed
          ? await service.bindCode(round, actor.personId, typed, request.ip)
          : undefined;
        if (bound === 'limited')
          return answered(refuse(reply, base, t('budget.refused.limited'), 429));
        if (bound !== 'ok') {
          const vm = await startVm(request, round, base);
          const message =
            bound === undefined
              ? t('budget.refused.unbound')
              : bound === 'wrong'
                ? t('budget.error.code')
                : t(`budget.bind.${bound}`);
          return answered(
            reply.page(
              (ctx) => (
                <VoteStartPage
                  ctx={ctx}
                  vm={vm}
                  accountCode={typed}
                  errors={{ accountCode: message }}
                />
              ),
              bound === undefined || bound === 'wrong' ? 400 : 409,
            ),
          );
        }
      }
      return { voter: { personId: actor.personId }, hidden: { via: 'account' } };
    }
    const code = typeof body.code === 'string' ? body.code.slice(0, 40) : '';
    if (!round.voteByCode) return answered(refuse(reply, base, t('budget.refused.noCodes'), 400));
    const checkedCode = await service.checkCode(round, code, request.ip);
    if (checkedCode === 'limited')
      return answered(refuse(reply, base, t('budget.refused.limited'), 429));
    if (checkedCode === 'wrong' || (checkedCode === 'used' && !options.allowUsed)) {
      const vm = await startVm(request, round, base);
      const message = checkedCode === 'wrong' ? t('budget.error.code') : t('budget.refused.used');
      return answered(
        reply.page(
          (ctx) => <VoteStartPage ctx={ctx} vm={vm} code={code} errors={{ code: message }} />,
          checkedCode === 'wrong' ? 400 : 409,
        ),
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
    const accepted = await service.listProposals(round.id, ['accepted']);
    const alts = await service.listPhotoDescriptions(
      accepted.map((p) => p.photoId).filter((id): id is number => id !== null),
    );
    const proposals = accepted.map((p) => presentPublicProposal(p, alts));
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
      const { round, base } = await loadPublicRound(request);
      if (round.phase !== 'voting')
        return refuse(reply, base, request.t('budget.refused.closed'), 409);
      const who = await voterOf(request, reply, round, base, { allowUsed: false });
      if ('answered' in who) return who.answered;
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
    const { round, base } = await loadPublicRound(request);
    if (round.phase !== 'voting')
      return refuse(reply, base, request.t('budget.refused.closed'), 409);
    const who = await voterOf(request, reply, round, base, { allowUsed: false });
    if ('answered' in who) return who.answered;
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
    const { round, base } = await loadPublicRound(request);
    const t = request.t;
    if (round.phase !== 'voting') return refuse(reply, base, t('budget.refused.closed'), 409);
    const body = (request.body ?? {}) as Record<string, unknown>;
    let voter: { code: string } | { personId: number };
    let hidden: Record<string, string>;
    if (body.via === 'account') {
      const who = await voterOf(request, reply, round, base, { allowUsed: true });
      if ('answered' in who) return who.answered;
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
      unbound: t('budget.refused.unbound'),
    } as const;
    return refuse(reply, base, messages[result.reason], 409);
  });
}
