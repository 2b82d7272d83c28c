// Who may do what with experiments, and the team rule. Pure: actor and resource in, yes or
// no out.
import { type Actor, isCoordinatorOf, isMemberOf, type MemberRole } from '../../platform/actor.js';
import type { ExperimentStatus } from './tables.js';

export type ExperimentsAction =
  | 'experiments.view'
  | 'experiments.create'
  | 'experiments.work'
  | 'experiments.join'
  | 'experiments.editLog';

/**
 * `view` and `create` (and `join`, to join a team): members of the network. `work` (log,
 * team, status, evaluation): the experiment's team and the network's coordinator.
 * `editLog` (change a logbook entry, `authorId` its author): the author while a member of the
 * network, or the network's coordinator.
 */
export function can(
  actor: Actor | undefined,
  action: ExperimentsAction,
  resource: { networkId: number; team?: readonly number[]; authorId?: number | null },
): boolean {
  if (!actor) return false;
  switch (action) {
    case 'experiments.view':
      return actor.isAdmin || isMemberOf(actor, resource.networkId);
    case 'experiments.create':
    case 'experiments.join':
      return isMemberOf(actor, resource.networkId);
    case 'experiments.editLog':
      return (
        isCoordinatorOf(actor, resource.networkId) ||
        (isMemberOf(actor, resource.networkId) && resource.authorId === actor.personId)
      );
    case 'experiments.work':
      return (
        isCoordinatorOf(actor, resource.networkId) ||
        (isMemberOf(actor, resource.networkId) && (resource.team ?? []).includes(actor.personId))
      );
  }
}

/**
 * The team rule ("niets meer zonder bewoners", and the duo as success factor): at least one
 * resident and at least one professional. A coordinator counts as a professional; a member
 * of the council (programmaraad) is a resident who co-decides, so counts as a resident.
 */
export function teamIsComplete(roles: readonly (MemberRole | undefined)[]): {
  complete: boolean;
  hasResident: boolean;
  hasProfessional: boolean;
} {
  const hasResident = roles.some((r) => r === 'resident' || r === 'council');
  const hasProfessional = roles.some((r) => r === 'professional' || r === 'coordinator');
  return { complete: hasResident && hasProfessional, hasResident, hasProfessional };
}

/** The status flow: idea → running → evaluated; idea or running → stopped. */
export const nextStatuses: Record<ExperimentStatus, readonly ExperimentStatus[]> = {
  idea: ['running', 'stopped'],
  running: ['evaluated', 'stopped'],
  evaluated: [],
  stopped: [],
};

export function canMove(from: ExperimentStatus, to: ExperimentStatus): boolean {
  return nextStatuses[from].includes(to);
}
