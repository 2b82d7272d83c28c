// The public pages of a round that are not voting: the round with its proposals, and the
// receipt of a cast ballot.
import type { FastifyInstance } from 'fastify';
import { idParam, notFound } from '../../../platform/access.js';
import { formatDate, formatMoney } from '../../../platform/i18n/index.js';
import { sendPhoto } from '../../../platform/photos.js';
import {
  phaseLabel,
  presentPublicProposal,
  presentRealisation,
  recountPath,
  roundDates,
} from '../presenters.js';
import type { ProposalRow } from '../repository.js';
import { PublicRoundPage } from '../views/public-round.js';
import { ReceiptPage } from '../views/vote.js';
import { type BudgetRouteKit, open } from './kit.js';

export function registerPublicRoutes(app: FastifyInstance, kit: BudgetRouteKit): void {
  const { service, loadPublicRound } = kit;

  app.get('/buurt/:slug/wijkbudget/:roundId', open, async (request, reply) => {
    const { network, round, base } = await loadPublicRound(request);
    const all = await service.listProposals(round.id);
    const updates = round.result !== null ? await service.listUpdates(round.id) : [];
    const alts = await service.listPhotoDescriptions(
      [...all.map((p) => p.photoId), ...updates.map((u) => u.photoId)].filter(
        (id): id is number => id !== null,
      ),
    );
    // Hidden and withdrawn proposals are on no public page.
    const pick = (s: ProposalRow['status']) =>
      all.filter((p) => p.status === s).map((p) => presentPublicProposal(p, alts));
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
      recountPath: recountPath(network.slug, round.id),
      canPropose: round.phase === 'submission',
      realisation: presentRealisation(request.lang, round, all, updates, alts).filter(
        (p) => p.updates.length > 0 && !p.done,
      ),
    };
    return reply.page((ctx) => <PublicRoundPage ctx={ctx} vm={vm} />);
  });

  app.get('/buurt/:slug/wijkbudget/:roundId/bewijs/:receipt', open, async (request, reply) => {
    const { round, base } = await loadPublicRound(request);
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

  // A proposal's or an update's photo: only while what it belongs to is shown (a hidden or
  // withdrawn proposal's photo is not served to anyone); revalidated on every view.
  app.get('/wijkbudget/foto/:photoId', open, async (request, reply) => {
    const id = idParam.safeParse((request.params as { photoId?: string }).photoId);
    const photo = id.success ? await service.findPhoto(id.data) : undefined;
    const shown =
      photo !== undefined &&
      (photo.ofUpdate ||
        (photo.proposalStatus !== null &&
          ['submitted', 'accepted', 'rejected'].includes(photo.proposalStatus)));
    if (!photo || !shown) notFound();
    return sendPhoto(reply, photo, true);
  });
}
