// Signing in and out, sessions and the password reset.
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { peopleRepository } from '../repository/index.js';
import { hashPassword, newLinkToken, sessionHash, verifyPassword } from '../secrets.js';
import { collator, mailTranslator, type ServiceContext } from './context.js';

const RESET_MINUTES = 60;

/** The window in which failed sign-ins are counted, in minutes. */
export const LOGIN_WINDOW_MINUTES = 15;
/** Failed sign-ins of one account (from anywhere) after which it refuses every attempt. */
export const LOGIN_ACCOUNT_FAILURES = 10;
/** Failed sign-ins of one account from one address before each next one must wait. */
export const LOGIN_FREE_FAILURES = 3;
/** The first wait after the free failures; each further failure doubles it. */
export const LOGIN_FIRST_WAIT_MS = 5_000;
/** Failed sign-ins from one address (any accounts) after which its answers slow down. */
export const LOGIN_ADDRESS_FAILURES = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TOUCH_AFTER_MS = 60_000;

export type LoginResult =
  | { ok: true; sessionId: string; personId: number; language: string | null }
  | { ok: false; reason: 'invalid' | 'limited' | 'wait' | 'deactivated' };

export function signInService(c: ServiceContext) {
  const { db, repo, mailer, hashCode, withinLimit, startSession } = c;
  const idleMs = c.options.sessionIdleMinutes * 60_000;
  const absoluteMs = c.options.sessionAbsoluteHours * 3_600_000;

  return {
    /** The actor behind a session cookie, or undefined when the session is unknown or expired. */
    async resolveSession(sessionId: string | undefined): Promise<Actor | undefined> {
      if (!sessionId || sessionId.length > 100) return undefined;
      const idHash = sessionHash(sessionId);
      // One query for the session, the person, their memberships and leader scopes.
      const session = await repo.findSessionWithRoles(idHash);
      if (!session || session.erasedAt || session.deactivatedAt) return undefined;
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
          : (await c.places.listNetworkSummaries(session.memberships.map((m) => m.networkId))).map(
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

    /**
     * Signs in. Only failed attempts count (a community centre on one wifi signs in all day):
     * - per account, from any address: after LOGIN_ACCOUNT_FAILURES in the window the account
     *   is under attack and refuses every attempt, the right password too, until it ends;
     * - per address and account: after LOGIN_FREE_FAILURES each further failure makes the
     *   next attempt wait twice as long (5 s, 10 s, 20 s, … at most the window);
     * - per address, across accounts: no lock, but after LOGIN_ADDRESS_FAILURES the answer
     *   comes a little later each time (at most 3 s), which slows guessing across accounts.
     */
    async login(
      identifier: string,
      password: string,
      origin: string,
      previousSessionId?: string,
      userAgent?: string,
    ): Promise<LoginResult> {
      const account = identifier.trim().toLowerCase();
      const keys = {
        account: c.limitKey(`login|failed|account|${account}`),
        pair: c.limitKey(`login|failed|pair|${origin}|${account}`),
        wait: c.limitKey(`login|wait|${origin}|${account}`),
        address: c.limitKey(`login|failed|address|${origin}`),
      };
      const [forAccount, wait, fromAddress] = await Promise.all([
        c.platform.findRateLimit(keys.account),
        c.platform.findRateLimit(keys.wait),
        c.platform.findRateLimit(keys.address),
      ]);
      const person = await repo.findPersonByLogin(account);
      const addressFailures = fromAddress?.count ?? 0;
      if (addressFailures >= LOGIN_ADDRESS_FAILURES) {
        await sleep(Math.min(3_000, 100 * 2 ** (addressFailures - LOGIN_ADDRESS_FAILURES)));
      }
      if ((forAccount?.count ?? 0) >= LOGIN_ACCOUNT_FAILURES || wait) {
        await recordAudit(db, {
          actorId: person?.id ?? null,
          action: 'login',
          result: 'denied',
          origin,
          detail: wait ? 'waiting after failed attempts' : 'account limited',
        });
        return { ok: false, reason: wait ? 'wait' : 'limited' };
      }
      const valid = await verifyPassword(person?.passwordHash ?? null, password);
      if (!person || !valid) {
        const window = LOGIN_WINDOW_MINUTES * 60_000;
        const [, pair] = await Promise.all([
          c.platform.incrementRateLimit(keys.account, window),
          c.platform.incrementRateLimit(keys.pair, window),
          c.platform.incrementRateLimit(keys.address, window),
        ]);
        const over = pair.count - LOGIN_FREE_FAILURES;
        if (over >= 0) {
          const waitMs = Math.min(window, LOGIN_FIRST_WAIT_MS * 2 ** over);
          await c.platform.setRateLimit(keys.wait, pair.count, new Date(Date.now() + waitMs));
        }
        await recordAudit(db, {
          actorId: person?.id ?? null,
          action: 'login',
          result: 'failed',
          origin,
          detail: person ? 'wrong password' : 'unknown account',
        });
        return { ok: false, reason: 'invalid' };
      }
      if (person.deactivatedAt) {
        // The right password, but an administrator closed the account: no session.
        await recordAudit(db, {
          actorId: person.id,
          action: 'login',
          result: 'denied',
          origin,
          detail: 'account deactivated',
        });
        return { ok: false, reason: 'deactivated' };
      }
      // A new session id at every login: an id planted before login is worthless after it.
      if (previousSessionId) await repo.deleteSession(sessionHash(previousSessionId));
      const sessionId = await startSession(person.id, userAgent);
      await recordAudit(db, { actorId: person.id, action: 'login', result: 'ok', origin });
      return { ok: true, sessionId, personId: person.id, language: person.language };
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
      const t = mailTranslator(person.language);
      await mailer.send(db, {
        to: person.email,
        personId: person.id,
        subject: t('mail.reset.subject'),
        body: [
          t('account.email.mail.greeting', { name: person.displayName }),
          '',
          t('mail.reset.body'),
          `${baseUrl}/wachtwoord-herstellen?token=${token}`,
          '',
          t('mail.reset.notYou'),
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
