// Who may do what with signals, and the rules of a signal's life. Pure: no I/O.
//
// - Members of a network read and create its signals and join a duo; admins may read the
//   network's ordinary signals (support), leaders never (they get counts only).
// - Person-bound (persoonsgebonden) signals: only the duo following it and the network's
//   coordinators read them. Admins do not (DESIGN: "only the duo and the coordinator").
// - The status changes only by a follower (duo member) or a coordinator of the network.
import { type Actor, type MemberRole, roleIn } from '../../platform/actor.js';

export type SignalAction =
  | 'signals.view'
  | 'signals.create'
  | 'signals.moderate'
  | 'signals.themes'
  | 'signal.read'
  | 'signal.join'
  | 'signal.post'
  | 'signal.manage'
  | 'signal.leave'
  | 'signal.edit';

export interface SignalResource {
  networkId: number;
  signal?: {
    personBound: boolean;
    status: SignalStatus;
    followerIds: readonly number[];
    /** Anonymised by the retention job: it may be read, nothing more. */
    anonymised: boolean;
    /** Who recorded it (null: a public submission). */
    createdBy?: number | null;
  };
}

/** The resource of a loaded signal, for `can`. */
export function signalResource(
  networkId: number,
  signal: {
    personBound: boolean;
    status: SignalStatus;
    anonymisedAt: Date | null;
    createdBy: number | null;
  },
  followerIds: readonly number[],
): SignalResource {
  return {
    networkId,
    signal: {
      personBound: signal.personBound,
      status: signal.status,
      followerIds,
      anonymised: signal.anonymisedAt !== null,
      createdBy: signal.createdBy,
    },
  };
}

export const signalStatuses = ['pending', 'new', 'taken_up', 'followed_up', 'closed'] as const;
export type SignalStatus = (typeof signalStatuses)[number];

const isCoordinator = (actor: Actor, networkId: number) =>
  roleIn(actor, networkId) === 'coordinator';

export function can(
  actor: Actor | undefined,
  action: SignalAction,
  resource: SignalResource,
): boolean {
  if (!actor) return false;
  const { networkId, signal } = resource;
  const member = roleIn(actor, networkId) !== undefined;
  const follower = signal?.followerIds.includes(actor.personId) ?? false;
  const active = signal !== undefined && !signal.anonymised;
  const readable = (): boolean => {
    if (!signal || signal.status === 'pending') return false;
    if (signal.personBound) return follower || isCoordinator(actor, networkId);
    return member || actor.isAdmin;
  };
  switch (action) {
    case 'signals.view':
      return member || actor.isAdmin;
    case 'signals.create':
      return member;
    case 'signals.moderate':
    case 'signals.themes':
      return isCoordinator(actor, networkId);
    case 'signal.read':
      return readable();
    case 'signal.join':
      return active && member && readable() && !follower && signal?.status !== 'closed';
    case 'signal.post':
      return active && member && readable();
    case 'signal.manage':
      return active && member && readable() && (follower || isCoordinator(actor, networkId));
    case 'signal.edit':
      return (
        active &&
        member &&
        readable() &&
        (signal?.createdBy === actor.personId || isCoordinator(actor, networkId))
      );
    case 'signal.leave':
      return active && follower && readable();
  }
}

/**
 * An open signal without news (no update, no status change) for this many days waits for
 * the coordinator's attention (issue 11: "signals with no update for 30 days").
 */
export const QUIET_AFTER_DAYS = 30;

/** May this person see person-bound signals of the network they do not follow? */
export function seesAllPersonBound(actor: Actor | undefined, networkId: number): boolean {
  return actor !== undefined && isCoordinator(actor, networkId);
}

/** The duo rule: at least one resident (or council member) and one professional (or coordinator). */
export function hasDuo(roles: readonly MemberRole[]): boolean {
  const resident = roles.some((r) => r === 'resident' || r === 'council');
  const professional = roles.some((r) => r === 'professional' || r === 'coordinator');
  return resident && professional;
}

/**
 * The status flow: new → taken up → followed up → closed, one step at a time. No skipping
 * and no going back; a closed signal stays closed (a new development is a new signal), so
 * the retention period after closing is never reset.
 */
export const nextStatus: Partial<Record<SignalStatus, SignalStatus>> = {
  new: 'taken_up',
  taken_up: 'followed_up',
  followed_up: 'closed',
};

export type TransitionRefusal = 'notAllowed' | 'noDuo' | 'outcomeRequired';

/**
 * A step back, one at a time, always with a reason (issue 12: plans change, a step was set
 * too early). A closed signal may be reopened this way; it is closed again later with a new
 * outcome, and the retention period counts from that closing.
 */
export const previousStatus: Partial<Record<SignalStatus, SignalStatus>> = {
  taken_up: 'new',
  followed_up: 'taken_up',
  closed: 'followed_up',
};

export type StepBackRefusal = 'notAllowed' | 'reasonRequired';

export function checkStepBack(
  from: SignalStatus,
  reason: string | undefined,
): StepBackRefusal | undefined {
  if (!previousStatus[from]) return 'notAllowed';
  if (!reason?.trim()) return 'reasonRequired';
  return undefined;
}

export function checkTransition(
  from: SignalStatus,
  to: SignalStatus,
  followerRoles: readonly MemberRole[],
  outcome: string | undefined,
): TransitionRefusal | undefined {
  if (nextStatus[from] !== to) return 'notAllowed';
  if (to === 'taken_up' && !hasDuo(followerRoles)) return 'noDuo';
  if (to === 'closed' && !outcome?.trim()) return 'outcomeRequired';
  return undefined;
}
