// Signing in and out, sessions and the password reset.
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { peopleRepository } from '../repository.js';
import { hashPassword, newLinkToken, sessionHash, verifyPassword } from '../secrets.js';
import type { ServiceContext } from './context.js';

const RESET_MINUTES = 60;
const TOUCH_AFTER_MS = 60_000;

export type LoginResult =
  | { ok: true; sessionId: string; personId: number }
  | { ok: false; reason: 'invalid' | 'limited' };

export function signInService(c: ServiceContext) {
  const { db, repo, mailer, hashCode, withinLimit, startSession } = c;
  const idleMs = c.options.sessionIdleMinutes * 60_000;
  const absoluteMs = c.options.sessionAbsoluteHours * 3_600_000;

  /** The actor of a session: at most two queries after the session's own lookup. */
  async function loadActor(
    personId: number,
    displayName: string,
    isAdmin: boolean,
  ): Promise<Actor> {
    const [memberships, scopes] = await Promise.all([
      c.listMembershipsOf(personId),
      repo.listLeaderScopes(personId),
    ]);
    return {
      personId,
      displayName,
      isAdmin,
      memberships: memberships.map((m) => ({
        networkId: m.networkId,
        role: m.role,
        organisationId: m.organisationId,
        networkName: m.networkName,
        slug: m.slug,
      })),
      leaderOf: {
        municipalityIds: scopes.flatMap((s) => (s.municipalityId ? [s.municipalityId] : [])),
        regionIds: scopes.flatMap((s) => (s.regionId ? [s.regionId] : [])),
      },
    };
  }

  return {
    /** The actor behind a session cookie, or undefined when the session is unknown or expired. */
    async resolveSession(sessionId: string | undefined): Promise<Actor | undefined> {
      if (!sessionId || sessionId.length > 100) return undefined;
      const idHash = sessionHash(sessionId);
      const session = await repo.findSession(idHash);
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
      return loadActor(session.personId, session.displayName, session.isAdmin);
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
  };
}
