// Realisation (issue 13, item 8): the coordinator posts updates on a funded project — text,
// progress in percent, money spent so far, an optional photo — shown on the round's public
// page and the network's public page until the project is done.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type FormErrors, fieldMessage, formValues, parseForm } from '../../../platform/forms.js';
import { uploadedPhoto } from '../../../platform/photos.js';
import { sparksModule } from '../../sparks/index.js';
import { can } from '../policy.js';
import { fundedIds } from '../presenters.js';
import { parseEuroCents } from '../service.js';
import { RoundPage } from '../views/round.js';
import { VoteRefusedPage } from '../views/vote.js';
import { type BudgetRouteKit, checked } from './kit.js';

/** The photo's pixel limit in megapixels (read when used: the sparks manifest loads later). */
const megapixels = () => sparksModule.api.MAX_PHOTO_PIXELS / 1_000_000;

const updateSchema = z.object({
  text: z.string().trim().min(1).max(2000).describe('budget.name.updateText'),
  progress: z.string().trim().min(1).max(3).describe('budget.name.progress'),
  spent: z.string().trim().min(1).max(30).describe('budget.name.spent'),
  photoDescription: z
    .string()
    .trim()
    .max(200, 'form.tooLong|max=200')
    .default('')
    .describe('budget.name.photoDescription'),
});

/** The coordinator's realisation update of a funded project (POST …/uitvoering). */
export function registerRealisationRoutes(app: FastifyInstance, kit: BudgetRouteKit): void {
  const { service, networks, describeDoer, findRound, findProposal, buildRoundVm } = kit;

  app.post(
    '/netwerk/:networkId/wijkbudget/:roundId/voorstellen/:proposalId/uitvoering',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'budget.manage', can);
      const round = await findRound(request, network.id);
      const proposal = await findProposal(request, round);
      const back = `/netwerk/${network.id}/wijkbudget/${round.id}`;
      if (!fundedIds(round).has(proposal.id) || proposal.status !== 'accepted')
        return reply.page(
          (ctx) => (
            <VoteRefusedPage
              ctx={ctx}
              vm={{ base: back, message: request.t('budget.realisation.notFunded') }}
            />
          ),
          409,
        );
      const raw = (request.body ?? {}) as Record<string, unknown>;
      const fields = {
        text: raw.text,
        progress: raw.progress,
        spent: raw.spent,
        photoDescription: raw.photoDescription,
      };
      const form = parseForm(updateSchema, fields, request.t);
      const values = formValues(fields);
      const errors: FormErrors = form.ok ? {} : { ...form.errors };
      const progressText = values.progress?.trim() ?? '';
      const progress = /^\d{1,3}$/.test(progressText) ? Number(progressText) : Number.NaN;
      if (!errors.progress && !(progress >= 0 && progress <= 100))
        errors.progress = request.t('budget.error.progress');
      const spent = parseEuroCents(values.spent ?? '');
      if (!errors.spent && spent === undefined)
        errors.spent = fieldMessage(updateSchema, 'spent', 'budget.error.money', request.t);
      const showAgain = async (state: { errors: FormErrors; values: Record<string, string> }) => {
        const vm = await buildRoundVm(request, network, round);
        return reply.page(
          (ctx) => <RoundPage ctx={ctx} vm={vm} updateState={{ proposalId: proposal.id, state }} />,
          400,
        );
      };
      if (!form.ok || Object.keys(errors).length > 0 || spent === undefined)
        return showAgain({ errors, values });
      const saved = await service.addUpdate(
        round,
        proposal,
        {
          text: form.data.text,
          progress,
          spentCents: spent,
          photo: uploadedPhoto(request.body),
          photoDescription: form.data.photoDescription,
        },
        describeDoer(request),
      );
      if (!saved.ok)
        return showAgain({
          errors: { photo: request.t(saved.problem, { megapixels: megapixels() }) },
          values,
        });
      return reply
        .flash('ok', 'budget.realisation.saved')
        .redirect(`${back}#uitvoering-${proposal.id}`, 303);
    },
  );
}
