// Proposals: a resident submits one during submission (as a member, or on the public network
// page through the public form guard; both with an optional photo), reviewers accept or reject
// it (a changed cost needs a reason), its author may withdraw it before the first ballot.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type FormErrors,
  type FormState,
  fieldMessage,
  formValues,
  parseForm,
} from '../../../platform/forms.js';
import { formatMoney } from '../../../platform/i18n/index.js';
import { uploadedPhoto } from '../../../platform/photos.js';
import { formStamp, guardPublicForm } from '../../../platform/spam-guard.js';
import { sparksModule } from '../../sparks/index.js';
import { can } from '../policy.js';
import type { RoundRow } from '../repository.js';
import { FrozenError, parseEuroCents } from '../service.js';
import { ProposalFormPage } from '../views/proposal-form.js';
import { RoundPage } from '../views/round.js';
import { VoteRefusedPage } from '../views/vote.js';
import { type BudgetRouteKit, checked, open } from './kit.js';

/** Public proposals: 5 posts per quarter of an hour per address (as the other public forms). */
const PUBLIC_PROPOSAL_LIMIT = { max: 5, timeWindow: 15 * 60_000 };
/** The photo's pixel limit in megapixels (read when used: the sparks manifest loads later). */
const megapixels = () => sparksModule.api.MAX_PHOTO_PIXELS / 1_000_000;

export function registerProposalRoutes(app: FastifyInstance, kit: BudgetRouteKit): void {
  const {
    service,
    networks,
    describeDoer,
    findRound,
    findProposal,
    answerFrozen,
    buildRoundVm,
    loadPublicRound,
  } = kit;
  const back = (networkId: number, roundId: number) =>
    `/netwerk/${networkId}/wijkbudget/${roundId}`;

  const proposalSchema = z.object({
    title: z.string().trim().min(1).max(120).describe('budget.name.proposalTitle'),
    description: z.string().trim().min(1).max(4000).describe('budget.name.proposalDescription'),
    place: z.string().trim().max(200).default('').describe('budget.name.place'),
    cost: z.string().trim().min(1).max(30).describe('budget.name.cost'),
    photoDescription: z
      .string()
      .trim()
      .max(200, 'form.tooLong|max=200')
      .default('')
      .describe('budget.name.photoDescription'),
  });

  /**
   * Reads a posted proposal form (the file apart): the proposal, or the form's state with
   * an error per field and the input kept.
   */
  function readProposal(request: FastifyRequest, round: RoundRow) {
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const fields = {
      title: raw.title,
      description: raw.description,
      place: raw.place,
      cost: raw.cost,
      photoDescription: raw.photoDescription,
    };
    const form = parseForm(proposalSchema, fields, request.t);
    const values = formValues(fields);
    const errors: FormErrors = form.ok ? {} : { ...form.errors };
    const cents = parseEuroCents(values.cost ?? '');
    if (!errors.cost && (cents === undefined || cents <= 0))
      errors.cost = fieldMessage(proposalSchema, 'cost', 'budget.error.money', request.t);
    else if (!errors.cost && cents !== undefined && cents > round.budgetCents)
      errors.cost = request.t('budget.error.costAboveBudget', {
        budget: formatMoney(round.budgetCents),
      });
    if (!form.ok || Object.keys(errors).length > 0 || cents === undefined)
      return { ok: false as const, state: { errors, values } satisfies FormState };
    return {
      ok: true as const,
      values,
      input: {
        title: form.data.title,
        description: form.data.description,
        place: form.data.place,
        costCents: cents,
        photo: uploadedPhoto(request.body),
        photoDescription: form.data.photoDescription,
      },
    };
  }

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
                base: back(network.id, round.id),
                message: request.t('budget.error.notSubmission'),
              }}
            />
          ),
          409,
        );
      const vm = {
        round,
        action: `${back(network.id, round.id)}/voorstellen/nieuw`,
        megapixels: megapixels(),
      };
      return reply.page((ctx) => <ProposalFormPage ctx={ctx} vm={vm} state={{}} />);
    },
  );

  app.post(
    '/netwerk/:networkId/wijkbudget/:roundId/voorstellen/nieuw',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'budget.propose', can);
      const round = await findRound(request, network.id);
      const roundPath = back(network.id, round.id);
      if (round.phase !== 'submission')
        return reply.page(
          (ctx) => (
            <VoteRefusedPage
              ctx={ctx}
              vm={{ base: roundPath, message: request.t('budget.error.notSubmission') }}
            />
          ),
          409,
        );
      const vm = { round, action: `${roundPath}/voorstellen/nieuw`, megapixels: megapixels() };
      const read = readProposal(request, round);
      if (!read.ok)
        return reply.page((ctx) => <ProposalFormPage ctx={ctx} vm={vm} state={read.state} />, 400);
      const saved = await service.submitProposal(
        round,
        request.actor?.personId ?? null,
        read.input,
        request.ip,
      );
      if (!saved.ok) {
        const state = {
          errors: { photo: request.t(saved.problem, { megapixels: megapixels() }) },
          values: read.values,
        };
        return reply.page((ctx) => <ProposalFormPage ctx={ctx} vm={vm} state={state} />, 400);
      }
      return reply.flash('ok', 'budget.proposal.saved').redirect(roundPath, 303);
    },
  );

  const reviewSchema = z.object({
    decision: z.enum(['accepted', 'rejected']).describe('budget.name.decision'),
    reason: z.string().trim().max(2000).default('').describe('budget.name.reason'),
    cost: z.string().trim().min(1).max(30).describe('budget.name.cost'),
    costReason: z.string().trim().max(1000).default('').describe('budget.name.costReason'),
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
        errors.cost = fieldMessage(reviewSchema, 'cost', 'budget.error.money', request.t);
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

  // ── The public proposal form on the network's public page (no account needed) ──────────

  app.get('/buurt/:slug/wijkbudget/:roundId/voorstel', open, async (request, reply) => {
    const { round, base } = await loadPublicRound(request);
    if (round.phase !== 'submission')
      return reply.page(
        (ctx) => (
          <VoteRefusedPage
            ctx={ctx}
            vm={{ base, message: request.t('budget.error.notSubmission') }}
          />
        ),
        409,
      );
    const vm = {
      round,
      action: `${base}/voorstel`,
      megapixels: megapixels(),
      stamp: formStamp(reply),
    };
    return reply.page((ctx) => <ProposalFormPage ctx={ctx} vm={vm} state={{}} />);
  });

  app.post(
    '/buurt/:slug/wijkbudget/:roundId/voorstel',
    { config: { policy: 'public', rateLimit: PUBLIC_PROPOSAL_LIMIT } },
    async (request, reply) => {
      const { round, base } = await loadPublicRound(request);
      if (round.phase !== 'submission')
        return reply.page(
          (ctx) => (
            <VoteRefusedPage
              ctx={ctx}
              vm={{ base, message: request.t('budget.error.notSubmission') }}
            />
          ),
          409,
        );
      const guard = guardPublicForm(request, reply, request.body);
      const thanks = () => reply.flash('ok', 'budget.public.proposeThanks').redirect(base, 303);
      // A filled-in honeypot is a robot: thank it, keep nothing.
      if (guard.robot) return thanks();
      const vm = {
        round,
        action: `${base}/voorstel`,
        megapixels: megapixels(),
        stamp: guard.stamp,
      };
      const show = (state: FormState) =>
        reply.page((ctx) => <ProposalFormPage ctx={ctx} vm={vm} state={state} />, 400);
      const read = readProposal(request, round);
      if (!read.ok) return show(read.state);
      if (guard.problem)
        return show({ errors: { title: request.t(guard.problem) }, values: read.values });
      const saved = await service.submitProposal(round, null, read.input, request.ip);
      if (!saved.ok)
        return show({
          errors: { photo: request.t(saved.problem, { megapixels: megapixels() }) },
          values: read.values,
        });
      return thanks();
    },
  );
}
