// A person's rights over their data: the listed choice, the export (AVG articles 15 and 20)
// and the erasure of the account (article 17).
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { platformRepository } from '../../../platform/repository.js';
import { peopleRepository } from '../repository/index.js';
import { redactSecrets, verifyPassword } from '../secrets.js';
import type { ServiceContext } from './context.js';

export function myDataService(c: ServiceContext) {
  const { db, repo, platform, options } = c;
  return {
    async setListed(actor: Actor, networkId: number, listed: boolean): Promise<void> {
      await repo.updateMembershipListed(actor.personId, networkId, listed);
    },

    /** The person's own files from every module (photos they sent), for the download. */
    async listPersonFiles(personId: number) {
      const files: Array<{ name: string; data: Buffer }> = [];
      for (const provider of options.personData ?? []) {
        if (provider.files) files.push(...(await provider.files(db, personId)));
      }
      return files;
    },

    /** Everything the platform holds about one person, and nothing about anyone else. */
    async exportPerson(personId: number, origin: string) {
      const person = await repo.findPersonById(personId);
      if (!person) throw new Error('no such person');
      const [memberships, scopes, sessionRows, invitationRows, resets, audit, mail, emailChanges] =
        await Promise.all([
          c.listMembershipsOf(personId),
          repo.listLeaderScopes(personId),
          repo.listSessionsOf(personId),
          repo.listInvitationsInvolving(personId),
          repo.listResetsOf(personId),
          platform.listAuditByActor(personId),
          platform.listOutboxFor(personId, person.email),
          repo.listEmailChangesOf(personId),
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
          language: person.language,
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
        emailChanges,
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
          // A copy, not a working link: reset links and invitation codes are taken out.
          body: redactSecrets(m.body),
          at: m.createdAt,
          // waiting, sent, failed (given up) or kept (no mail server: not sent).
          status: m.status,
          sentAt: m.sentAt,
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
