// Accounts as administrators manage them (the /beheer screens and the command line): the
// first administrator, set-up and reset links, search, deactivation, ending sessions, and
// leaders with their scope. Never a person's own contributions: names, addresses, roles.
import { recordAudit } from '../../../platform/audit.js';
import type { Lang } from '../../../platform/i18n/index.js';
import { accountsRepository, peopleRepository } from '../repository/index.js';
import { hashPassword, newLinkToken } from '../secrets.js';
import { mailTranslator, type ServiceContext } from './context.js';

/** How long a set-up or reset link from an administrator works: one hour. */
export const SETUP_LINK_MINUTES = 60;
/** How long the welcome link of a new leader works (it goes by mail): three days. */
export const LEADER_LINK_MINUTES = 3 * 24 * 60;

/** Who does it: a person on a /beheer screen, or the command line (no person). */
export interface AdminOrigin {
  actorId: number | null;
  /** The request's address, or 'cli'. */
  origin: string;
}

export type LeaderScopeInput = { municipalityId: number } | { regionId: number };

export function accountService(c: ServiceContext) {
  const { db, mailer, hashCode } = c;
  const accounts = accountsRepository(db);

  /** A single-use link to choose a password, valid `minutes`; only its hash is stored. */
  async function newPasswordLink(personId: number, minutes: number, baseUrl: string) {
    const token = newLinkToken();
    const expiresAt = new Date(Date.now() + minutes * 60_000);
    await c.repo.insertReset(personId, hashCode(token), expiresAt);
    return { url: `${baseUrl}/wachtwoord-herstellen?token=${token}`, expiresAt };
  }

  return {
    /** Active administrators (not deactivated, not erased). */
    countActiveAdmins: () => accounts.countActiveAdmins(),
    listAdmins: () => accounts.listAdmins(),
    findAccount: (id: number) => accounts.findAccount(id),
    /** The account with this email address or user name, if any. */
    async findAccountByLogin(login: string) {
      const person = await c.repo.findPersonByLogin(login);
      return person ? accounts.findAccount(person.id) : undefined;
    },
    searchAccounts: (query: string) => accounts.searchAccounts(query.trim().slice(0, 100), 50),

    /**
     * Makes `email` a platform administrator: a new account (with `password`, or none yet:
     * the caller then hands out a set-up link), or an existing account promoted.
     */
    async createAdministrator(
      input: { email: string; displayName: string; password?: string | undefined },
      by: AdminOrigin,
    ): Promise<{
      personId: number;
      outcome: 'created' | 'promoted' | 'reopened' | 'alreadyAdmin';
    }> {
      const email = input.email.trim().toLowerCase();
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      const result = await db.transaction(async (tx) => {
        const repo = peopleRepository(tx);
        const existing = await repo.findPersonByLogin(email);
        if (existing) {
          if (existing.isAdmin && existing.deactivatedAt) {
            // A closed administrator (perhaps the last one): the command line opens it again.
            await accountsRepository(tx).setDeactivated(existing.id, false);
            return { personId: existing.id, outcome: 'reopened' as const };
          }
          if (existing.isAdmin) return { personId: existing.id, outcome: 'alreadyAdmin' as const };
          await accountsRepository(tx).setAdmin(existing.id, true);
          return { personId: existing.id, outcome: 'promoted' as const };
        }
        const person = await repo.insertPerson({
          email,
          username: null,
          displayName: input.displayName.trim() || email.split('@')[0]!,
          passwordHash,
          isAdmin: true,
        });
        return { personId: person.id, outcome: 'created' as const };
      });
      await recordAudit(db, {
        actorId: by.actorId,
        action: 'admin.account.create',
        result: result.outcome === 'alreadyAdmin' ? 'failed' : 'ok',
        objectType: 'person',
        objectId: result.personId,
        origin: by.origin,
        detail: result.outcome,
      });
      return result;
    },

    /**
     * A single-use link to choose a new password (valid SETUP_LINK_MINUTES), for the command
     * line to print; undefined when the address has no account.
     */
    async passwordLinkFor(
      email: string,
      baseUrl: string,
      by: AdminOrigin,
    ): Promise<{ url: string; expiresAt: Date } | undefined> {
      const person = await c.repo.findPersonByLogin(email);
      if (!person) return undefined;
      const link = await newPasswordLink(person.id, SETUP_LINK_MINUTES, baseUrl);
      await recordAudit(db, {
        actorId: by.actorId,
        action: 'admin.account.resetLink',
        result: 'ok',
        objectType: 'person',
        objectId: person.id,
        origin: by.origin,
      });
      return link;
    },

    /** Mails a person a single-use link to choose a new password; false without an address. */
    async sendResetLink(personId: number, baseUrl: string, by: AdminOrigin): Promise<boolean> {
      const person = await accounts.findAccount(personId);
      if (!person?.email) return false;
      const link = await newPasswordLink(person.id, SETUP_LINK_MINUTES, baseUrl);
      const t = mailTranslator((await peopleRepository(db).findPersonById(person.id))?.language);
      await mailer.send(db, {
        to: person.email,
        personId: person.id,
        subject: t('mail.reset.subject'),
        body: [
          t('account.email.mail.greeting', { name: person.displayName }),
          '',
          t('mail.adminReset.body'),
          t('mail.adminReset.link'),
          link.url,
          '',
          t('mail.adminReset.notYou'),
        ].join('\n'),
      });
      await recordAudit(db, {
        actorId: by.actorId,
        action: 'admin.account.resetLink',
        result: 'ok',
        objectType: 'person',
        objectId: person.id,
        origin: by.origin,
        detail: 'mailed',
      });
      return true;
    },

    /**
     * Closes or reopens an account. Closing ends every session of it. Refused for one's own
     * account and for the last active administrator (nobody could manage the platform).
     */
    async setDeactivated(
      personId: number,
      deactivated: boolean,
      by: AdminOrigin,
    ): Promise<'ok' | 'self' | 'lastAdmin' | 'unknown'> {
      const person = await accounts.findAccount(personId);
      if (!person) return 'unknown';
      if (deactivated && personId === by.actorId) return 'self';
      if (deactivated && person.isAdmin && (await accounts.countActiveAdmins()) <= 1) {
        return 'lastAdmin';
      }
      await db.transaction(async (tx) => {
        await accountsRepository(tx).setDeactivated(personId, deactivated);
        if (deactivated) await peopleRepository(tx).deleteSessionsOf(personId);
      });
      await recordAudit(db, {
        actorId: by.actorId,
        action: deactivated ? 'admin.account.deactivate' : 'admin.account.reactivate',
        result: 'ok',
        objectType: 'person',
        objectId: personId,
        origin: by.origin,
      });
      return 'ok';
    },

    /** Ends every session of an account (signed out everywhere). */
    async endSessions(personId: number, by: AdminOrigin): Promise<void> {
      await c.repo.deleteSessionsOf(personId);
      await recordAudit(db, {
        actorId: by.actorId,
        action: 'admin.account.endSessions',
        result: 'ok',
        objectType: 'person',
        objectId: personId,
        origin: by.origin,
      });
    },

    /** How many sessions an account has open (the account page shows the number only). */
    countSessionsOf: (personId: number) => accounts.countSessionsOf(personId),

    /** Every leader scope with the leader's name and address. */
    listLeaderScopes: () => accounts.listLeaderScopes(),

    /**
     * Gives a person a leader's scope (a municipality or a region). An address without an
     * account gets one, with a mail holding a link to choose a password (valid three days),
     * in `language` (the administrator's choice, Dutch when not given), which the new
     * account keeps as its language; an existing account keeps its own.
     */
    async addLeader(
      input: {
        email: string;
        displayName: string;
        scope: LeaderScopeInput;
        language?: Lang | undefined;
      },
      baseUrl: string,
      by: AdminOrigin,
    ): Promise<{ personId: number; created: boolean }> {
      const email = input.email.trim().toLowerCase();
      const outcome = await db.transaction(async (tx) => {
        const repo = peopleRepository(tx);
        const existing = await repo.findPersonByLogin(email);
        const personId =
          existing?.id ??
          (
            await repo.insertPerson({
              email,
              username: null,
              displayName: input.displayName.trim(),
              passwordHash: null,
              language: input.language ?? null,
            })
          ).id;
        await repo.insertLeaderScope({ personId, ...input.scope });
        return { personId, created: !existing };
      });
      if (outcome.created) {
        const link = await newPasswordLink(outcome.personId, LEADER_LINK_MINUTES, baseUrl);
        const t = mailTranslator(input.language);
        await mailer.send(db, {
          to: email,
          personId: outcome.personId,
          subject: t('mail.leader.subject'),
          body: [
            t('account.email.mail.greeting', { name: input.displayName.trim() }),
            '',
            t('mail.leader.body'),
            t('mail.leader.link'),
            link.url,
          ].join('\n'),
        });
      }
      await recordAudit(db, {
        actorId: by.actorId,
        action: 'admin.leader.add',
        result: 'ok',
        objectType: 'person',
        objectId: outcome.personId,
        origin: by.origin,
        detail:
          'municipalityId' in input.scope
            ? `municipality ${input.scope.municipalityId}`
            : `region ${input.scope.regionId}`,
      });
      return outcome;
    },

    /** Takes a leader's scope away; false when there is no such scope. */
    async removeLeaderScope(scopeId: number, by: AdminOrigin): Promise<boolean> {
      const scope = await accounts.findLeaderScope(scopeId);
      if (!scope) return false;
      await accounts.deleteLeaderScope(scopeId);
      await recordAudit(db, {
        actorId: by.actorId,
        action: 'admin.leader.remove',
        result: 'ok',
        objectType: 'person',
        objectId: scope.personId,
        origin: by.origin,
      });
      return true;
    },

    /** The memberships of a person with network names: what the account page shows. */
    listMembershipsOf: (personId: number) => c.listMembershipsOf(personId),
  };
}
