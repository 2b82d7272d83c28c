// Account self-service on /mijn-gegevens: one's name, language, email address (through a link
// to the new address), password, networks and sessions. Every change is audited.
import { type Actor, roleIn } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Lang } from '../../../platform/i18n/index.js';
import { peopleRepository } from '../repository/index.js';
import { hashPassword, newLinkToken, sessionHash, verifyPassword } from '../secrets.js';
import { mailTranslator, type ServiceContext } from './context.js';

/** How long the link to confirm a new email address works. */
export const EMAIL_CHANGE_HOURS = 24;

export function selfService(c: ServiceContext) {
  const { db, repo, mailer, hashCode } = c;

  async function audit(actor: Actor, action: string, result: 'ok' | 'failed', origin: string) {
    await recordAudit(db, { actorId: actor.personId, action, result, origin });
  }

  return {
    /** Changes the name others see. */
    async changeDisplayName(actor: Actor, displayName: string, origin: string): Promise<void> {
      await repo.updateDisplayName(actor.personId, displayName);
      await audit(actor, 'account.name', 'ok', origin);
    },

    /** Stores the language for the interface (after sign-in) and for mail. */
    async changeLanguage(actor: Actor, language: Lang, origin: string): Promise<void> {
      await repo.updateLanguage(actor.personId, language);
      await audit(actor, 'account.language', 'ok', origin);
    },

    /**
     * Changes the password when the current one is right; every other session of the person
     * ends, the one in use (`currentSessionId`) stays.
     */
    async changePassword(
      actor: Actor,
      currentPassword: string,
      newPassword: string,
      currentSessionId: string,
      origin: string,
    ): Promise<'ok' | 'wrongPassword'> {
      const person = await repo.findPersonById(actor.personId);
      if (!person || !(await verifyPassword(person.passwordHash, currentPassword))) {
        await audit(actor, 'account.password', 'failed', origin);
        return 'wrongPassword';
      }
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        const r = peopleRepository(tx);
        await r.updatePasswordHash(actor.personId, passwordHash);
        await r.deleteOtherSessions(actor.personId, sessionHash(currentSessionId));
      });
      await audit(actor, 'account.password', 'ok', origin);
      return 'ok';
    },

    /**
     * Mails a single-use link (valid EMAIL_CHANGE_HOURS) to the new address; nothing changes
     * until it is used. 'taken' when another account has the address.
     */
    async requestEmailChange(
      actor: Actor,
      newEmail: string,
      baseUrl: string,
      origin: string,
    ): Promise<'sent' | 'taken' | 'same'> {
      const email = newEmail.trim().toLowerCase();
      const person = await repo.findPersonById(actor.personId);
      if (!person) return 'taken';
      if (person.email === email) return 'same';
      if (await repo.emailInUse(email, actor.personId)) {
        await audit(actor, 'account.email.request', 'failed', origin);
        return 'taken';
      }
      const token = newLinkToken();
      await repo.insertEmailChange(
        actor.personId,
        email,
        hashCode(token),
        new Date(Date.now() + EMAIL_CHANGE_HOURS * 3_600_000),
      );
      const t = mailTranslator(person.language);
      await mailer.send(db, {
        to: email,
        personId: actor.personId,
        subject: t('account.email.mail.subject'),
        body: [
          t('account.email.mail.greeting', { name: person.displayName }),
          '',
          t('account.email.mail.body', { hours: EMAIL_CHANGE_HOURS }),
          `${baseUrl}/mijn-gegevens/e-mailadres/bevestigen?token=${token}`,
          '',
          t('account.email.mail.notYou'),
        ].join('\n'),
      });
      await audit(actor, 'account.email.request', 'ok', origin);
      return 'sent';
    },

    /**
     * Uses an email-change link of the signed-in person: the address changes and the old
     * address is told. 'invalid' for a used, expired, unknown or someone else's link.
     */
    async confirmEmailChange(
      actor: Actor,
      token: string,
      origin: string,
    ): Promise<'ok' | 'invalid' | 'taken'> {
      const person = await repo.findPersonById(actor.personId);
      if (!person) return 'invalid';
      const result = await db.transaction(async (tx) => {
        const r = peopleRepository(tx);
        const change = await r.redeemEmailChange(hashCode(token), actor.personId);
        if (!change) return 'invalid' as const;
        if (await r.emailInUse(change.newEmail, actor.personId)) return 'taken' as const;
        await r.updateEmail(actor.personId, change.newEmail);
        return { newEmail: change.newEmail };
      });
      if (typeof result === 'string') {
        await audit(actor, 'account.email', 'failed', origin);
        return result;
      }
      if (person.email) {
        const t = mailTranslator(person.language);
        await mailer.send(db, {
          to: person.email,
          personId: actor.personId,
          subject: t('account.email.oldMail.subject'),
          body: [
            t('account.email.mail.greeting', { name: person.displayName }),
            '',
            t('account.email.oldMail.body', { email: result.newEmail }),
            '',
            t('account.email.oldMail.notYou'),
          ].join('\n'),
        });
      }
      await audit(actor, 'account.email', 'ok', origin);
      return 'ok';
    },

    /** One's sessions, newest use first; `current` marks the one of this request. */
    async listOwnSessions(actor: Actor, currentSessionId: string) {
      const current = sessionHash(currentSessionId);
      const rows = await repo.listOwnSessions(actor.personId);
      return rows.map(({ idHash, ...row }) => ({ ...row, current: idHash === current }));
    },

    /** Ends one of one's own sessions; false when the number is not one of them. */
    async endOwnSession(actor: Actor, publicId: number, origin: string): Promise<boolean> {
      const ended = await repo.deleteOwnSession(actor.personId, publicId);
      await audit(actor, 'session.end', ended ? 'ok' : 'failed', origin);
      return ended;
    },

    /** Ends every session of the person except the one in use. */
    async endOtherSessions(actor: Actor, currentSessionId: string, origin: string): Promise<void> {
      await repo.deleteOtherSessions(actor.personId, sessionHash(currentSessionId));
      await audit(actor, 'session.endOthers', 'ok', origin);
    },

    /**
     * Leaves a network. The last coordinator cannot leave, also when two coordinators leave
     * at the same moment (the coordinator rows are locked while the rule is checked).
     */
    async leaveNetwork(
      actor: Actor,
      networkId: number,
      origin: string,
    ): Promise<'ok' | 'lastCoordinator' | 'notMember'> {
      if (!roleIn(actor, networkId)) return 'notMember';
      const result = await db.transaction(async (tx) => {
        const r = peopleRepository(tx);
        const coordinators = await r.lockCoordinators(networkId);
        const own = (await r.listMembershipsOf(actor.personId)).find(
          (m) => m.networkId === networkId,
        );
        if (!own) return 'notMember' as const;
        const current = await r.findMembershipForUpdate(own.id);
        if (!current) return 'notMember' as const;
        if (current.role === 'coordinator' && coordinators.length <= 1) {
          return 'lastCoordinator' as const;
        }
        await r.deleteMembership(current.id);
        return 'ok' as const;
      });
      await recordAudit(db, {
        actorId: actor.personId,
        action: 'membership.leave',
        result: result === 'ok' ? 'ok' : 'failed',
        networkId,
        origin,
      });
      return result;
    },
  };
}
