// What proposal authors are told about their plan (issue 13): the review's decision, a cost
// changed in review, and the results. Raised through the notifications module inside the
// caller's transaction, so a notice exists exactly when the change it reports does. A
// proposal sent through the public form has no author (no address is kept): nobody is told.
import type { Executor } from '../../db/client.js';
import { explainProject, LANGS, type Outcome } from '../../pb/index.js';
import { notificationsModule } from '../notifications/index.js';
import { roundExplainOptions } from './presenters.js';
import type { ProposalRow, RoundRow } from './repository.js';

/** Where a member reads a proposal of a round (the round page, at the proposal). */
export function memberProposalPath(round: Pick<RoundRow, 'id' | 'networkId'>, id: number) {
  return `/netwerk/${round.networkId}/wijkbudget/${round.id}#voorstel-${id}`;
}

/**
 * Tells the author what a review changed: `accepted` or `rejected` (with the public reason)
 * when the status changed, and `cost` (old and new amount in cents, the reason) when the
 * cost changed; both when both did. Nothing for a proposal without an author, nor for an
 * author who reviewed their own plan (`doerId`).
 */
export async function noticeReview(
  tx: Executor,
  round: Pick<RoundRow, 'id' | 'networkId' | 'title'>,
  before: Pick<ProposalRow, 'id' | 'authorId' | 'title' | 'status' | 'costCents'>,
  after: { status: 'accepted' | 'rejected'; reason: string; costCents: number; costReason: string },
  doerId: number | null,
): Promise<void> {
  if (before.authorId === null) return;
  const tell = (event: 'accepted' | 'rejected' | 'cost', params: Record<string, string | number>) =>
    notificationsModule.api.notify(tx, {
      kind: 'budget',
      event,
      personIds: [before.authorId as number],
      exceptPersonId: doerId,
      networkId: round.networkId,
      params: { title: before.title, round: round.title, ...params },
      link: memberProposalPath(round, before.id),
    });
  if (after.status !== before.status)
    await tell(after.status, after.status === 'rejected' ? { reason: after.reason } : {});
  if (after.costCents !== before.costCents)
    await tell('cost', {
      oldCents: before.costCents,
      newCents: after.costCents,
      reason: after.costReason,
    });
}

/**
 * Tells every author of a plan on the ballot whether it is funded, with the explanation of
 * their plan in Dutch and English (the reader's language is chosen when it is shown) and a
 * link to the results at that plan (the member round page when the network has no public
 * pages). One notice per plan: an author of two plans gets two, each with its own
 * explanation and link. The caller makes sure this runs once per round.
 */
export async function noticeResults(
  tx: Executor,
  round: Pick<RoundRow, 'id' | 'networkId' | 'title'>,
  network: { slug: string; isPublic: boolean },
  outcome: Outcome,
  proposals: Pick<ProposalRow, 'id' | 'authorId' | 'title'>[],
): Promise<void> {
  const names = Object.fromEntries(proposals.map((p) => [String(p.id), p.title]));
  const counted = new Set(outcome.projects.map((p) => p.id));
  const funded = new Set(outcome.selected);
  for (const p of proposals) {
    const id = String(p.id);
    if (p.authorId === null || !counted.has(id)) continue;
    const params: Record<string, string> = { title: p.title, round: round.title };
    // The first sentence says funded or not; the notice says it already.
    for (const lang of LANGS)
      params[`explanation:${lang}`] = explainProject(outcome, id, roundExplainOptions(lang, names))
        .slice(1)
        .join(' ');
    await notificationsModule.api.notify(tx, {
      kind: 'budget',
      event: funded.has(id) ? 'funded' : 'notFunded',
      personIds: [p.authorId],
      networkId: round.networkId,
      params,
      link: network.isPublic
        ? `/buurt/${network.slug}/wijkbudget/${round.id}/uitslag#voorstel-${p.id}`
        : memberProposalPath(round, p.id),
    });
  }
}
