// Invitations: by email or by printed letter, and redeeming one (a new account, or a new
// membership for an account that exists).
import type { Executor } from '../../../db/client.js';
import type { Actor, MemberRole } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { type Lang, translator } from '../../../platform/i18n/index.js';
import { networkModule } from '../../network/index.js';
import { notificationsModule } from '../../notifications/index.js';
import { peopleRepository } from '../repository/index.js';
import { hashPassword, newLetterCode, newLinkToken, verifyPassword } from '../secrets.js';
import type { ServiceContext } from './context.js';

/** How long an invitation can be used, in days. */
export const INVITATION_DAYS = 30;

export function invitationService(c: ServiceContext) {
  const { db, repo, places, mailer, hashCode, withinLimit, startSession } = c;

  /**
   * A coordinator role in a network that has coordinators comes only from one of them
   * (issue 9: an administrator cannot make themselves coordinator of any network).
   */
  async function mayGrantCoordinator(networkId: number, personId: number | null) {
    const coordinators = await repo.listCoordinatorContacts(networkId);
    return coordinators.length === 0 || coordinators.some((k) => k.personId === personId);
  }

  /**
   * Whether an invitation's address already has an account: then accepting asks for its
   * password instead of a new name and password (the accept page and the mail both say so).
   */
  async function accountExistsFor(on: Executor, email: string): Promise<boolean> {
    return (await peopleRepository(on).findPersonByLogin(email)) !== undefined;
  }

  /**
   * The invitation mail: the role and the link with the code, in the language the inviter
   * chose for the invitation (issue 12 item 13), whatever the inviter's own interface
   * language is. Someone whose address already has an account is asked for their password on
   * the accept page, not for a new name and password, and the mail says so.
   */
  async function invitationMail(
    on: Executor,
    invitation: { email: string; language: Lang; role: MemberRole },
    networkName: string | undefined,
    inviterName: string,
    code: string,
    baseUrl: string,
  ) {
    const t = translator(invitation.language);
    const network = networkName ?? t('mail.aNetwork');
    const hasAccount = await accountExistsFor(on, invitation.email);
    return {
      to: invitation.email,
      subject: t('mail.invitation.subject', { network }),
      body: [
        t('letter.greetingNoName'),
        '',
        t('mail.invitation.body', {
          inviter: inviterName,
          network,
          role: t(`role.${invitation.role}`).toLowerCase(),
        }),
        t(hasAccount ? 'mail.invitation.linkAccount' : 'mail.invitation.link', {
          days: INVITATION_DAYS,
        }),
        `${baseUrl}/uitnodiging?code=${code}`,
      ].join('\n'),
    };
  }

  return {
    /** The phone number and address where a letter's reader can get help, when set. */
    async findNetworkContact(networkId: number) {
      const network = await networkModule.api.networks(db).findNetworkById(networkId);
      return { phone: network?.contactPhone ?? null, address: network?.contactAddress ?? null };
    },

    /** An open invitation of this network, or undefined (used, ended, or another network's). */
    async findOpenInvitationIn(networkId: number, id: number) {
      const invitation = await repo.findOpenInvitation(id);
      return invitation?.networkId === networkId ? invitation : undefined;
    },

    /**
     * Sends an open invitation again with a fresh code, valid INVITATION_DAYS from now; the old
     * code stops working. An email invitation is mailed again; for a letter the new code is
     * returned to print (the only time it is shown). Undefined when it was used meanwhile.
     */
    async resendInvitation(
      actor: Actor,
      invitation: { id: number; networkId: number; kind: 'email' | 'letter' },
      origin: string,
      baseUrl: string,
    ): Promise<
      { code: string; expiresAt: Date; addressee: string | null; language: Lang } | undefined
    > {
      const code = invitation.kind === 'email' ? newLinkToken() : newLetterCode();
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3_600_000);
      const network = (await places.listNetworkSummaries([invitation.networkId]))[0];
      const renewed = await db.transaction(async (tx) => {
        const row = await peopleRepository(tx).renewInvitationCode(
          invitation.id,
          hashCode(code),
          expiresAt,
        );
        if (row?.kind === 'email' && row.email) {
          await mailer.send(
            tx,
            await invitationMail(
              tx,
              { email: row.email, language: row.language, role: row.role },
              network?.name,
              actor.displayName,
              code,
              baseUrl,
            ),
          );
        }
        return row;
      });
      await recordAudit(db, {
        actorId: actor.personId,
        action: 'invitation.resend',
        result: renewed ? 'ok' : 'failed',
        objectType: 'invitation',
        objectId: invitation.id,
        networkId: invitation.networkId,
        origin,
      });
      return renewed
        ? { code, expiresAt, addressee: renewed.addressee, language: renewed.language }
        : undefined;
    },

    /** Revokes an open invitation: its code no longer works. */
    async revokeInvitation(
      actor: Actor,
      invitation: { id: number; networkId: number },
      origin: string,
    ): Promise<boolean> {
      const revoked = await repo.revokeInvitation(invitation.id);
      await recordAudit(db, {
        actorId: actor.personId,
        action: 'invitation.revoke',
        result: revoked ? 'ok' : 'failed',
        objectType: 'invitation',
        objectId: invitation.id,
        networkId: invitation.networkId,
        origin,
      });
      return revoked;
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
        /** The language of the mail or letter and of the new account; Dutch when not given. */
        language?: Lang | undefined;
      },
      origin: string,
      baseUrl: string,
    ): Promise<
      | { ok: true; code: string; id: number; expiresAt: Date; language: Lang }
      | { ok: false; reason: 'coordinatorsOnly' }
    > {
      if (input.role === 'coordinator' && !(await mayGrantCoordinator(networkId, actor.personId))) {
        await recordAudit(db, {
          actorId: actor.personId,
          action: 'invitation.create',
          result: 'denied',
          networkId,
          origin,
          detail: 'coordinator role only from a coordinator',
        });
        return { ok: false, reason: 'coordinatorsOnly' };
      }
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
          language: input.language ?? 'nl',
          codeHash: hashCode(code),
          invitedBy: actor.personId,
          expiresAt,
        });
        if (input.kind === 'email') {
          await mailer.send(
            tx,
            await invitationMail(
              tx,
              { email: created.email!, language: created.language, role: created.role },
              network?.name,
              actor.displayName,
              code,
              baseUrl,
            ),
          );
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
      return { ok: true, code, id: invitation.id, expiresAt, language: invitation.language };
    },

    /** What the accept form shows about a code, if it can still be used. */
    async describeInvitation(code: string) {
      const invitation = await repo.findUsableInvitation(hashCode(code));
      if (!invitation) return undefined;
      const network = (await places.listNetworkSummaries([invitation.networkId]))[0];
      return {
        networkName: network?.name ?? '',
        role: invitation.role,
        kind: invitation.kind,
        email: invitation.email,
        language: invitation.language,
        hasAccount: invitation.email ? await accountExistsFor(db, invitation.email) : false,
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
        /** The new account's language; the invitation's language when not given. */
        language?: Lang | undefined;
      },
      origin: string,
      /** Who is signed in while redeeming, if anyone: never the invitation's creator. */
      signedInAs?: number,
    ): Promise<
      | { ok: true; personId: number; networkId: number; sessionId: string }
      | {
          ok: false;
          reason: 'invalid' | 'usernameTaken' | 'wrongPassword' | 'ownInvitation';
        }
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
      // Nobody grants themselves a role: the creator of an invitation never redeems it, and a
      // coordinator invitation holds only while its creator may hand that role out.
      const own =
        preview.invitedBy !== null &&
        (existing?.id === preview.invitedBy || signedInAs === preview.invitedBy);
      const stale =
        preview.role === 'coordinator' &&
        !(await mayGrantCoordinator(preview.networkId, preview.invitedBy));
      if (own || stale) {
        await recordAudit(db, {
          actorId: signedInAs ?? existing?.id ?? null,
          action: 'invitation.accept',
          result: 'denied',
          objectType: 'invitation',
          objectId: preview.id,
          networkId: preview.networkId,
          origin,
          detail: own ? 'own invitation' : 'coordinator role only from a coordinator',
        });
        return { ok: false, reason: own ? 'ownInvitation' : 'invalid' };
      }
      if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
        return { ok: false, reason: 'wrongPassword' };
      }
      const passwordHash = existing ? null : await hashPassword(input.password);
      const username = input.username?.trim().toLowerCase() || null;
      // Read before the transaction: `places` works on the database, not on the transaction.
      const network = (await places.listNetworkSummaries([preview.networkId]))[0];
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
              language: input.language ?? invitation.language,
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
          // The one who sent it is told (issue 11 item 5), with this transaction.
          if (invitation.invitedBy !== null) {
            await notificationsModule.api.notify(tx, {
              kind: 'invitation',
              event: 'accepted',
              personIds: [invitation.invitedBy],
              exceptPersonId: personId,
              networkId: invitation.networkId,
              params: {
                name: existing?.displayName ?? input.displayName.trim(),
                network: network?.name ?? '',
              },
              link: `/netwerk/${invitation.networkId}/leden`,
            });
          }
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
      if (preview.role === 'coordinator') {
        await c.tellCoordinatorsOfNewCoordinator(
          outcome.networkId,
          outcome.personId,
          preview.invitedBy,
        );
      }
      const sessionId = await startSession(outcome.personId);
      return { ok: true, personId: outcome.personId, networkId: outcome.networkId, sessionId };
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
