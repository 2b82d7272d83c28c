// Proposals (members): a resident submits one during submission, reviewers accept or reject
// it (a changed cost needs a reason), its author may withdraw it before the first ballot.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type FormErrors, formValues, parseForm } from '../../../platform/forms.js';
import { formatMoney } from '../../../platform/i18n/index.js';
import { can } from '../policy.js';
import { FrozenError, parseEuroCents } from '../service.js';
import { ProposalFormPage } from '../views/proposal-form.js';
import { RoundPage } from '../views/round.js';
import { VoteRefusedPage } from '../views/vote.js';
import { type BudgetRouteKit, checked } from './kit.js';

export function registerProposalRoutes(app: FastifyInstance, kit: BudgetRouteKit): void {
  const { service, networks, describeDoer, findRound, findProposal, answerFrozen, buildRoundVm } =
    kit;

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
      const round = await findRound(request, network.id);
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
      const round = await findRound(request, network.id);
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
      const round = await findRound(request, network.id);
      const proposal = await findProposal(request, round);
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
        const vm = await buildRoundVm(request, network, round);
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
          describeDoer(request),
        );
      } catch (error) {
        if (error instanceof FrozenError) return answerFrozen(reply, back);
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
      const round = await findRound(request, network.id);
      const proposal = await findProposal(request, round);
      const back = `/netwerk/${network.id}/wijkbudget/${round.id}`;
      if (proposal.authorId === null || proposal.authorId !== request.actor?.personId)
        return request.deny({
          action: 'budget.proposal.withdraw',
          objectType: 'budget_proposal',
          objectId: proposal.id,
          networkId: network.id,
          status: 403,
        });
      if (round.phase !== 'submission' && round.phase !== 'review')
        return answerFrozen(reply, back);
      try {
        await service.withdrawProposal(round, proposal, describeDoer(request));
      } catch (error) {
        if (error instanceof FrozenError) return answerFrozen(reply, back);
        throw error;
      }
      return reply.flash('ok', 'budget.proposal.withdrawn').redirect(back, 303);
    },
  );
}
