// Members' pages: my networks (and a leader's view of their area), a network's home page,
// the member list, changing a member's role and removing a member.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findInNetworkOr404 } from '../../../platform/access.js';
import { type Actor, memberRoles, roleIn } from '../../../platform/actor.js';
import { parseForm } from '../../../platform/forms.js';
import type { Translate } from '../../../platform/i18n/index.js';
import { can } from '../policy.js';
import {
  presentMember,
  presentMyNetworks,
  presentOpenInvitation,
  presentOverview,
  roleLabel,
  roleOptions,
} from '../presenters.js';
import { gatherOverview } from '../service/index.js';
import { MembersPage, MyNetworksPage } from '../views/members.js';
import { NetworkHomePage } from '../views/overview.js';
import { actorOf, checked, networkFor, type PeopleDeps, signedIn } from './shared.js';

/** The actor's role in a network in words; an administrator who is no member is "beheerder". */
function roleOf(actor: Actor, networkId: number, t: Translate): string {
  const role = roleIn(actor, networkId);
  return role ? roleLabel(t, role) : t('role.admin');
}

export async function memberRoutes(app: FastifyInstance, deps: PeopleDeps): Promise<void> {
  const { service, context } = deps;

  app.get('/netwerk', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const [memberships, scoped] = await Promise.all([
      service.listMembershipsOf(actor.personId),
      service.listNetworksInScope(actor),
    ]);
    const vm = presentMyNetworks(request.t, memberships, scoped);
    return reply.page((ctx) => <MyNetworksPage ctx={ctx} vm={vm} />);
  });

  app.get('/netwerk/:networkId', checked, async (request, reply) => {
    const network = await networkFor(service, request, 'network.enter');
    const actor = await actorOf(request);
    const gathered = await gatherOverview(context.overviewProviders, {
      db: context.db,
      network,
      actor,
      role: roleIn(actor, network.id) ?? 'admin',
      t: request.t,
      lang: request.lang,
      now: new Date(),
    });
    const vm = {
      network,
      roleLabel: roleOf(actor, network.id, request.t),
      canManage: can(actor, 'members.manage', { networkId: network.id }),
      ...presentOverview(request.t, request.lang, gathered),
    };
    return reply.page((ctx) => <NetworkHomePage ctx={ctx} vm={vm} />);
  });

  app.get('/netwerk/:networkId/leden', checked, async (request, reply) => {
    const network = await networkFor(service, request, 'members.view');
    const canManage = can(request.actor, 'members.manage', { networkId: network.id });
    const [members, invitations] = await Promise.all([
      service.listMembers(network.id),
      canManage ? service.listOpenInvitations(network.id) : Promise.resolve([]),
    ]);
    const t = request.t;
    const vm = {
      network,
      canManage,
      roleOptions: roleOptions(t),
      members: members.map((m) => presentMember(t, m)),
      invitations: invitations.map((i) => presentOpenInvitation(t, request.lang, i)),
    };
    return reply.page((ctx) => <MembersPage ctx={ctx} vm={vm} />);
  });

  /** A membership of this network, or 404 (never one of another network). */
  const membershipIn = (request: FastifyRequest, networkId: number) =>
    findInNetworkOr404(
      request,
      'membershipId',
      async (id) => {
        const membership = await service.findMembership(id);
        return membership?.networkId === networkId ? membership : undefined;
      },
      { action: 'members.manage', objectType: 'membership', networkId },
    );

  app.post('/netwerk/:networkId/leden/:membershipId/rol', checked, async (request, reply) => {
    const network = await networkFor(service, request, 'members.manage');
    const membership = await membershipIn(request, network.id);
    const actor = await actorOf(request);
    const form = parseForm(
      z.object({ role: z.enum(memberRoles).describe('people.name.role') }),
      request.body,
      request.t,
    );
    const back = `/netwerk/${network.id}/leden`;
    if (!form.ok) return reply.flash('error', 'form.choose').redirect(back, 303);
    const result = await service.changeRole(actor, membership, form.data.role, request.ip);
    return reply
      .flash(
        result === 'ok' ? 'ok' : 'error',
        result === 'ok'
          ? 'members.roleChanged'
          : result === 'coordinatorsOnly'
            ? 'members.coordinatorsOnly'
            : 'members.lastCoordinator',
      )
      .redirect(back, 303);
  });

  app.post(
    '/netwerk/:networkId/leden/:membershipId/verwijderen',
    checked,
    async (request, reply) => {
      const network = await networkFor(service, request, 'members.manage');
      const membership = await membershipIn(request, network.id);
      const actor = await actorOf(request);
      const result = await service.removeMember(actor, membership, request.ip);
      return reply
        .flash(
          result === 'ok' ? 'ok' : 'error',
          result === 'ok' ? 'members.removed' : 'members.lastCoordinator',
        )
        .redirect(`/netwerk/${network.id}/leden`, 303);
    },
  );
}
