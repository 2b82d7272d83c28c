// Use cases of accounts and memberships: signing in and out, sessions, password reset,
// invitations, managing members, and a person's rights over their data (export, erasure).
import type { Database } from '../../db/client.js';
import type { Actor, MemberRole } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import type { Mailer } from '../../platform/mail.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { rateLimitKeys } from '../../platform/rate-limit.js';
import { platformRepository } from '../../platform/repository.js';
import { networkModule } from '../network/index.js';
import { peopleRepository } from './repository.js';
import {
  codeHasher,
  hashPassword,
  newLetterCode,
  newLinkToken,
  newSessionId,
  sessionHash,
  verifyPassword,
} from './secrets.js';

/** Rows another module holds about a person: included in the export, anonymised on erasure. */
export type { PersonDataProvider };

export interface PeopleServiceOptions {
  db: Database;
  mailer: Mailer;
  codeSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  personData?: PersonDataProvider[];
}

export const INVITATION_DAYS = 30;
const RESET_MINUTES = 60;
const TOUCH_AFTER_MS = 60_000;

export type LoginResult =
  | { ok: true; sessionId: string; personId: number }
  | { ok: false; reason: 'invalid' | 'limited' };

export function peopleService(options: PeopleServiceOptions) {
  const { db, mailer } = options;
  const repo = peopleRepository(db);
  const platform = platformRepository(db);
  const hashCode = codeHasher(options.codeSecret);
  const limitKey = rateLimitKeys(options.codeSecret);
  const idleMs = options.sessionIdleMinutes * 60_000;
  const absoluteMs = options.sessionAbsoluteHours * 3_600_000;

  /** Counts an attempt; false once the key has used up its allowance in the window. */
  async function withinLimit(key: string, max: number, windowMs: number): Promise<boolean> {
    const { count } = await platform.incrementRateLimit(limitKey(key), windowMs);
    return count <= max;
  }

  const places = networkModule.api.places(db);
  const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

  /** A person's memberships with their network's name and address, by network name. */
  async function listMembershipsOf(personId: number) {
    const rows = await repo.listMembershipsOf(personId);
    if (rows.length === 0) return [];
    const networks = new Map(
      (await places.listNetworkSummaries(rows.map((r) => r.networkId))).map((n) => [n.id, n]),
    );
    return rows
      .flatMap((r) => {
        const network = networks.get(r.networkId);
        return network ? [{ ...r, networkName: network.name, slug: network.slug }] : [];
      })
      .sort((a, b) => collator.compare(a.networkName, b.networkName));
  }

  async function startSession(personId: number): Promise<string> {
    const sessionId = newSessionId();
    await repo.insertSession(sessionHash(sessionId), personId);
    return sessionId;
  }

  return {
    /** The actor behind a session cookie, or undefined when the session is unknown or expired. */
    async resolveSession(sessionId: string | undefined): Promise<Actor | undefined> {
      if (!sessionId || sessionId.length > 100) return undefined;
      const idHash = sessionHash(sessionId);
      // One query for the session, the person, their memberships and leader scopes.
      const session = await repo.findSessionWithRoles(idHash);
      if (!session || session.erasedAt) return undefined;
      const now = Date.now();
      if (
        now - session.lastSeenAt.getTime() > idleMs ||
        now - session.createdAt.getTime() > absoluteMs
      ) {
        await repo.deleteSession(idHash);
        return undefined;
      }
      if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) await repo.touchSession(idHash);
      // Then one for the names and addresses of their networks (the network module's data).
      const networks = new Map(
        session.memberships.length === 0
          ? []
          : (await places.listNetworkSummaries(session.memberships.map((m) => m.networkId))).map(
              (n) => [n.id, n],
            ),
      );
      return {
        personId: session.personId,
        displayName: session.displayName,
        isAdmin: session.isAdmin,
        memberships: session.memberships
          .flatMap((m) => {
            const network = networks.get(m.networkId);
            return network ? [{ ...m, networkName: network.name, slug: network.slug }] : [];
          })
          .sort((a, b) => collator.compare(a.networkName, b.networkName)),
        leaderOf: {
          municipalityIds: session.leaderScopes.flatMap((s) =>
            s.municipalityId ? [s.municipalityId] : [],
          ),
          regionIds: session.leaderScopes.flatMap((s) => (s.regionId ? [s.regionId] : [])),
        },
      };
    },

    async login(
      identifier: string,
      password: string,
      origin: string,
      previousSessionId?: string,
    ): Promise<LoginResult> {
      const account = identifier.trim().toLowerCase();
      const fromAddress = await withinLimit(`login|ip|${origin}`, 20, 15 * 60_000);
      const forAccount = await withinLimit(`login|account|${account}`, 10, 15 * 60_000);
      const person = await repo.findPersonByLogin(account);
      if (!fromAddress || !forAccount) {
        await recordAudit(db, {
          actorId: person?.id ?? null,
          action: 'login',
          result: 'denied',
          origin,
          detail: 'rate limited',
        });
        return { ok: false, reason: 'limited' };
      }
      const valid = await verifyPassword(person?.passwordHash ?? null, password);
      if (!person || !valid) {
        await recordAudit(db, {
          actorId: person?.id ?? null,
          action: 'login',
          result: 'failed',
          origin,
          detail: person ? 'wrong password' : 'unknown account',
        });
        return { ok: false, reason: 'invalid' };
      }
      // A new session id at every login: an id planted before login is worthless after it.
      if (previousSessionId) await repo.deleteSession(sessionHash(previousSessionId));
      const sessionId = await startSession(person.id);
      await recordAudit(db, { actorId: person.id, action: 'login', result: 'ok', origin });
      return { ok: true, sessionId, personId: person.id };
    },

    async logout(sessionId: string | undefined, actor: Actor | undefined, origin: string) {
      if (sessionId) await repo.deleteSession(sessionHash(sessionId));
      if (actor)
        await recordAudit(db, { actorId: actor.personId, action: 'logout', result: 'ok', origin });
    },

    /** Sends a reset link when the address is known; the answer never says whether it is. */
    async requestPasswordReset(
      email: string,
      origin: string,
      baseUrl: string,
    ): Promise<'sent' | 'limited'> {
      const account = email.trim().toLowerCase();
      const fromAddress = await withinLimit(`reset|ip|${origin}`, 10, 15 * 60_000);
      const forAccount = await withinLimit(`reset|account|${account}`, 3, 15 * 60_000);
      if (!fromAddress || !forAccount) return 'limited';
      const person = await repo.findPersonByLogin(account);
      if (!person?.email) {
        await recordAudit(db, {
          actorId: null,
          action: 'password.reset.request',
          result: 'failed',
          origin,
        });
        return 'sent';
      }
      const token = newLinkToken();
      await repo.insertReset(
        person.id,
        hashCode(token),
        new Date(Date.now() + RESET_MINUTES * 60_000),
      );
      await mailer.send(db, {
        to: person.email,
        personId: person.id,
        subject: 'Nieuw wachtwoord voor Buurtkracht',
        body: [
          `Beste ${person.displayName},`,
          '',
          'U vroeg om een nieuw wachtwoord. Kies het via deze link. De link werkt één uur en maar één keer:',
          `${baseUrl}/wachtwoord-herstellen?token=${token}`,
          '',
          'Heeft u dit niet gevraagd? Dan hoeft u niets te doen.',
        ].join('\n'),
      });
      await recordAudit(db, {
        actorId: person.id,
        action: 'password.reset.request',
        result: 'ok',
        origin,
      });
      return 'sent';
    },

    async isResetTokenUsable(token: string): Promise<boolean> {
      return (await repo.findUsableReset(hashCode(token))) !== undefined;
    },

    async resetPassword(token: string, password: string, origin: string): Promise<boolean> {
      const passwordHash = await hashPassword(password);
      const personId = await db.transaction(async (tx) => {
        const r = peopleRepository(tx);
        const reset = await r.redeemReset(hashCode(token));
        if (!reset) return undefined;
        await r.updatePasswordHash(reset.personId, passwordHash);
        // Whoever was signed in with the old password is signed out.
        await r.deleteSessionsOf(reset.personId);
        return reset.personId;
      });
      await recordAudit(db, {
        actorId: personId ?? null,
        action: 'password.reset',
        result: personId ? 'ok' : 'failed',
        origin,
      });
      return personId !== undefined;
    },

    /** A network's name, address and place, or undefined. */
    findNetwork: async (networkId: number) => (await places.listNetworkSummaries([networkId]))[0],
    listOrganisationsOf: (networkId: number) => places.listOrganisationsOf(networkId),
    /** Members of a network by display name, with their organisation's name (or null). */
    async listMembers(networkId: number) {
      const [members, organisations] = await Promise.all([
        repo.listMembers(networkId),
        places.listOrganisationsOf(networkId),
      ]);
      const names = new Map(organisations.map((o) => [o.id, o.name]));
      const others = await places.findOrganisationNames(
        members.flatMap((m) =>
          m.organisationId === null || names.has(m.organisationId) ? [] : [m.organisationId],
        ),
      );
      for (const [id, name] of others) names.set(id, name);
      return members.map((m) => ({
        ...m,
        organisationName: m.organisationId === null ? null : (names.get(m.organisationId) ?? null),
      }));
    },
    listOpenInvitations: (networkId: number) => repo.listOpenInvitations(networkId),
    findMembership: (id: number) => repo.findMembership(id),
    listMembershipsOf,
    findPersonById: (personId: number) => repo.findPersonById(personId),
    /** Networks in a leader's municipalities or regions, with their member counts. */
    async listNetworksInScope(actor: Actor) {
      const networks = await places.listNetworksInScope(
        actor.leaderOf.municipalityIds,
        actor.leaderOf.regionIds,
      );
      const counts = await repo.countMembersByNetwork(networks.map((n) => n.id));
      return networks.map((n) => ({ ...n, members: counts.get(n.id) ?? 0 }));
    },

    async createInvitation(
      actor: Actor,
      networkId: number,
      input: {
        kind: 'email' | 'letter';
        role: MemberRole;
        email?: string | undefined;
        addressee?: string | undefined;
        organisationId?: number | undefined;
      },
      origin: string,
      baseUrl: string,
    ): Promise<{ code: string; id: number; expiresAt: Date }> {
      const code = input.kind === 'email' ? newLinkToken() : newLetterCode();
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3_600_000);
      const network = (await places.listNetworkSummaries([networkId]))[0];
      const invitation = await db.transaction(async (tx) => {
        const created = await peopleRepository(tx).insertInvitation({
          networkId,
          role: input.role,
          organisationId: input.role === 'professional' ? (input.organisationId ?? null) : null,
          kind: input.kind,
          email: input.kind === 'email' ? input.email!.trim().toLowerCase() : null,
          addressee: input.kind === 'letter' ? (input.addressee?.trim() ?? null) : null,
          codeHash: hashCode(code),
          invitedBy: actor.personId,
          expiresAt,
        });
        if (input.kind === 'email') {
          await mailer.send(tx, {
            to: created.email!,
            subject: `Uitnodiging voor ${network?.name ?? 'een buurtnetwerk'}`,
            body: [
              'Goedendag,',
              '',
              `${actor.displayName} nodigt u uit om mee te doen in ${network?.name ?? 'een buurtnetwerk'} op Buurtkracht.`,
              'Via deze link kiest u een naam en een wachtwoord. De link werkt 30 dagen en maar één keer:',
              `${baseUrl}/uitnodiging?code=${code}`,
            ].join('\n'),
          });
        }
        return created;
      });
      await recordAudit(db, {
        actorId: actor.personId,
        action: 'invitation.create',
        result: 'ok',
        objectType: 'invitation',
        objectId: invitation.id,
        networkId,
        origin,
        detail: `${input.kind} ${input.role}`,
      });
      return { code, id: invitation.id, expiresAt };
    },

    /** What the accept form shows about a code, if it can still be used. */
    async describeInvitation(code: string) {
      const invitation = await repo.findUsableInvitation(hashCode(code));
      if (!invitation) return undefined;
      const network = (await places.listNetworkSummaries([invitation.networkId]))[0];
      const existing = invitation.email
        ? await repo.findPersonByLogin(invitation.email)
        : undefined;
      return {
        networkName: network?.name ?? '',
        role: invitation.role,
        kind: invitation.kind,
        email: invitation.email,
        hasAccount: existing !== undefined,
      };
    },

    async codeAttemptAllowed(origin: string): Promise<boolean> {
      return withinLimit(`invitation|ip|${origin}`, 20, 15 * 60_000);
    },

    /**
     * Redeems an invitation: a new account (or, for an address that has one, a new membership
     * after its password is given). Exactly one of any number of parallel redemptions wins.
     */
    async acceptInvitation(
      code: string,
      input: {
        displayName: string;
        username?: string | undefined;
        password: string;
        listed: boolean;
      },
      origin: string,
    ): Promise<
      | { ok: true; personId: number; networkId: number; sessionId: string }
      | { ok: false; reason: 'invalid' | 'usernameTaken' | 'wrongPassword' }
    > {
      const codeHash = hashCode(code);
      const preview = await repo.findUsableInvitation(codeHash);
      if (!preview) {
        await recordAudit(db, {
          actorId: null,
          action: 'invitation.accept',
          result: 'failed',
          origin,
        });
        return { ok: false, reason: 'invalid' };
      }
      const existing = preview.email ? await repo.findPersonByLogin(preview.email) : undefined;
      if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
        return { ok: false, reason: 'wrongPassword' };
      }
      const passwordHash = existing ? null : await hashPassword(input.password);
      const username = input.username?.trim().toLowerCase() || null;
      type Outcome =
        | { personId: number; networkId: number; invitationId: number }
        | 'invalid'
        | 'usernameTaken';
      const outcome: Outcome = await db
        .transaction(async (tx): Promise<Outcome> => {
          const r = peopleRepository(tx);
          const invitation = await r.redeemInvitation(codeHash, existing?.id ?? null);
          if (!invitation) return 'invalid';
          let personId = existing?.id;
          if (!personId) {
            if (username && (await r.findPersonByLogin(username))) throw new UsernameTaken();
            const person = await r.insertPerson({
              email: invitation.email,
              username: invitation.email ? null : username,
              displayName: input.displayName.trim(),
              passwordHash: passwordHash!,
            });
            personId = person.id;
            await r.setInvitationUsedBy(invitation.id, personId);
          }
          await r.insertMembership({
            personId,
            networkId: invitation.networkId,
            role: invitation.role,
            organisationId: invitation.organisationId,
            listed: input.listed,
          });
          return { personId, networkId: invitation.networkId, invitationId: invitation.id };
        })
        .catch((error: unknown) => {
          if (error instanceof UsernameTaken || isUniqueViolation(error))
            return 'usernameTaken' as const;
          throw error;
        });
      if (outcome === 'invalid' || outcome === 'usernameTaken') {
        await recordAudit(db, {
          actorId: null,
          action: 'invitation.accept',
          result: 'failed',
          objectType: 'invitation',
          objectId: preview.id,
          networkId: preview.networkId,
          origin,
          detail: outcome,
        });
        return { ok: false, reason: outcome };
      }
      await recordAudit(db, {
        actorId: outcome.personId,
        action: 'invitation.accept',
        result: 'ok',
        objectType: 'invitation',
        objectId: outcome.invitationId,
        networkId: outcome.networkId,
        origin,
      });
      const sessionId = await startSession(outcome.personId);
      return { ok: true, personId: outcome.personId, networkId: outcome.networkId, sessionId };
    },

    async changeRole(
      actor: Actor,
      membership: { id: number; networkId: number; role: MemberRole },
      role: MemberRole,
      origin: string,
    ): Promise<'ok' | 'lastCoordinator'> {
      const result = await db.transaction(async (tx) => {
        const r = peopleRepository(tx);
        if (membership.role === 'coordinator' && role !== 'coordinator') {
          if ((await r.countCoordinators(membership.networkId)) <= 1)
            return 'lastCoordinator' as const;
        }
        await r.updateMembershipRole(membership.id, role);
        return 'ok' as const;
      });
      await recordAudit(db, {
        actorId: actor.personId,
        action: 'membership.role',
        result: result === 'ok' ? 'ok' : 'failed',
        objectType: 'membership',
        objectId: membership.id,
        networkId: membership.networkId,
        origin,
        detail: `${membership.role} -> ${role}`,
      });
      return result;
    },

    async removeMember(
      actor: Actor,
      membership: { id: number; networkId: number; role: MemberRole },
      origin: string,
    ): Promise<'ok' | 'lastCoordinator'> {
      const result = await db.transaction(async (tx) => {
        const r = peopleRepository(tx);
        if (
          membership.role === 'coordinator' &&
          (await r.countCoordinators(membership.networkId)) <= 1
        ) {
          return 'lastCoordinator' as const;
        }
        await r.deleteMembership(membership.id);
        return 'ok' as const;
      });
      await recordAudit(db, {
        actorId: actor.personId,
        action: 'membership.remove',
        result: result === 'ok' ? 'ok' : 'failed',
        objectType: 'membership',
        objectId: membership.id,
        networkId: membership.networkId,
        origin,
      });
      return result;
    },

    async setListed(actor: Actor, networkId: number, listed: boolean): Promise<void> {
      await repo.updateMembershipListed(actor.personId, networkId, listed);
    },

    /** Everything the platform holds about one person, and nothing about anyone else. */
    async exportPerson(personId: number, origin: string) {
      const person = await repo.findPersonById(personId);
      if (!person) throw new Error('no such person');
      const [memberships, scopes, sessionRows, invitationRows, resets, audit, mail] =
        await Promise.all([
          listMembershipsOf(personId),
          repo.listLeaderScopes(personId),
          repo.listSessionsOf(personId),
          repo.listInvitationsInvolving(personId),
          repo.listResetsOf(personId),
          platform.listAuditByActor(personId),
          platform.listOutboxFor(personId, person.email),
        ]);
      const modules: Record<string, unknown> = {};
      for (const provider of options.personData ?? []) {
        modules[provider.name] = await provider.export(db, personId);
      }
      await recordAudit(db, { actorId: personId, action: 'person.export', result: 'ok', origin });
      return {
        exportedAt: new Date().toISOString(),
        person: {
          id: person.id,
          email: person.email,
          username: person.username,
          displayName: person.displayName,
          isAdmin: person.isAdmin,
          createdAt: person.createdAt,
        },
        memberships: memberships.map((m) => ({
          network: m.networkName,
          networkId: m.networkId,
          role: m.role,
          organisationId: m.organisationId,
          listedPublicly: m.listed,
          since: m.createdAt,
        })),
        leaderScopes: scopes.map((s) => ({
          municipalityId: s.municipalityId,
          regionId: s.regionId,
        })),
        sessions: sessionRows,
        // Invitations: only this person's side (never the invitee's address or name).
        invitations: invitationRows.map((i) => ({
          networkId: i.networkId,
          role: i.role,
          kind: i.kind,
          createdAt: i.createdAt,
          usedAt: i.usedAt,
          sentByMe: i.invitedBy === personId,
          acceptedByMe: i.usedBy === personId,
        })),
        passwordResets: resets,
        auditLog: audit.map((a) => ({
          at: a.at,
          action: a.action,
          result: a.result,
          objectType: a.objectType,
          objectId: a.objectId,
          networkId: a.networkId,
          origin: a.origin,
        })),
        emails: mail.map((m) => ({
          to: m.recipient,
          subject: m.subject,
          body: m.body,
          at: m.createdAt,
        })),
        ...modules,
      };
    },

    /** Erases the account: contributions stay, shown as "oud-lid"; nothing identifying remains. */
    async erasePerson(personId: number): Promise<void> {
      const person = await repo.findPersonById(personId);
      if (!person || person.erasedAt) return;
      await db.transaction(async (tx) => {
        for (const provider of options.personData ?? []) await provider.erase(tx, personId);
        await platformRepository(tx).deleteOutboxFor(personId, person.email);
        await platformRepository(tx).forgetAuditOrigins(personId);
        await peopleRepository(tx).erasePerson(personId);
      });
      // Written after the origins were forgotten, and without one: nothing that identifies.
      await recordAudit(db, { actorId: personId, action: 'person.erase', result: 'ok' });
    },

    async checkPassword(personId: number, password: string): Promise<boolean> {
      const person = await repo.findPersonById(personId);
      return verifyPassword(person?.passwordHash ?? null, password);
    },
  };
}

class UsernameTaken extends Error {}

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } })?.code ??
    (error as { cause?: { code?: string } })?.cause?.code;
  return code === '23505';
}

export type PeopleService = ReturnType<typeof peopleService>;
