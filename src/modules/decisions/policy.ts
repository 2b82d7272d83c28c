// Who may do what with decisions, the status flow, the council's consent rule and the review
// list. Pure: actor, resource and dates in, yes or no out.
import { type Actor, isCoordinatorOf, isMemberOf, roleIn } from '../../platform/actor.js';
import type { DecisionStatus } from './tables.js';

export type DecisionsAction =
  | 'decisions.view'
  | 'decisions.propose'
  | 'decisions.manage'
  | 'decisions.review'
  | 'decisions.consent';

/**
 * - `view` (the list, a decision, its history, the review list): members of the network,
 *   and administrators;
 * - `propose` (record a new decision or proposal): members of the network;
 * - `manage` (change a decision, decide, withdraw, the network's consent setting): the
 *   coordinator (administrators too);
 * - `review` (record what a decision actually did): the coordinator and council members;
 * - `consent`: council members of the network only — the council's own voice.
 */
export function can(
  actor: Actor | undefined,
  action: DecisionsAction,
  resource: { networkId: number },
): boolean {
  if (!actor) return false;
  const role = roleIn(actor, resource.networkId);
  switch (action) {
    case 'decisions.view':
      return actor.isAdmin || isMemberOf(actor, resource.networkId);
    case 'decisions.propose':
      return isMemberOf(actor, resource.networkId);
    case 'decisions.manage':
      return isCoordinatorOf(actor, resource.networkId);
    case 'decisions.review':
      return isCoordinatorOf(actor, resource.networkId) || role === 'council';
    case 'decisions.consent':
      return role === 'council';
  }
}

/** The status flow: proposed → decided → reviewed; proposed or decided → withdrawn. */
export const nextStatuses: Record<DecisionStatus, readonly DecisionStatus[]> = {
  proposed: ['decided', 'withdrawn'],
  decided: ['reviewed', 'withdrawn'],
  reviewed: [],
  withdrawn: [],
};

export function canMove(from: DecisionStatus, to: DecisionStatus): boolean {
  return nextStatuses[from].includes(to);
}

/** A decision can still be changed while it is proposed or decided. */
export function isEditable(status: DecisionStatus): boolean {
  return status === 'proposed' || status === 'decided';
}

/**
 * The council's consent rule: a decision of a kind the network marked needs every council
 * member's consent to its current version before it counts as decided. A network without
 * council members cannot give it (never "everyone of nobody agreed").
 */
export function consentComplete(
  councilIds: readonly number[],
  consentedIds: readonly number[],
): boolean {
  if (councilIds.length === 0) return false;
  const given = new Set(consentedIds);
  return councilIds.every((id) => given.has(id));
}

/** Due for review: decided, and the review date has come (dates as YYYY-MM-DD). */
export function isDueForReview(
  decision: { status: DecisionStatus; reviewOn: string },
  today: string,
): boolean {
  return decision.status === 'decided' && decision.reviewOn <= today;
}
