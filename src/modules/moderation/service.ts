// Use cases of moderation after publication (decision 0009): report, hide, keep, withdraw.
// The item's state lives in its module, changed through the module's ModerationProvider in
// the same transaction as the reports and the audit record.
import type { Database } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { isLang, translator } from '../../platform/i18n/index.js';
import type { Mailer } from '../../platform/mail.js';
import {
  type ModeratedItem,
  type ModerationProvider,
  ModerationRefused,
} from '../../platform/module.js';
import { networkModule } from '../network/index.js';
import { notificationsModule } from '../notifications/index.js';
import { peopleModule } from '../people/index.js';
import { moderationRepository } from './repository.js';

/** Reasons are short texts: at least this many and at most REASON_MAX characters. */
export const REASON_MIN = 5;
export const REASON_MAX = 1000;

export function moderationService(options: {
  db: Database;
  mailer: Mailer;
  providers: readonly ModerationProvider[];
  /** The site's address for links in mail (platform/urls.ts baseUrl). */
  siteUrl: string;
}) {
  const { db, mailer, providers, siteUrl } = options;
  const repo = moderationRepository(db);
  const providerOf = (kind: string) => providers.find((p) => p.kind === kind);

  /**
   * Runs a hide or withdrawal; a provider's refusal (ModerationRefused) is audited as denied
   * after its transaction rolled back, and thrown on for the route to answer 409.
   */
  async function unlessRefused<T>(
    change: () => Promise<T>,
    audit: { actorId: number; action: string; item: ModeratedItem; origin: string },
  ): Promise<T> {
    try {
      return await change();
    } catch (error) {
      if (error instanceof ModerationRefused) {
        await recordAudit(db, {
          actorId: audit.actorId,
          action: audit.action,
          result: 'denied',
          objectType: audit.item.kind,
          objectId: audit.item.id,
          networkId: audit.item.networkId,
          origin: audit.origin,
          detail: error.messageKey,
        });
      }
      throw error;
    }
  }

  return {
    /** The kinds under moderation (for URLs). */
    kinds: providers.map((p) => p.kind),

    /** The item of a kind by id; undefined for an unknown kind or id. */
    async findItem(kind: string, id: number): Promise<ModeratedItem | undefined> {
      return providerOf(kind)?.find(db, id);
    },

    /** Stores a report (reporter unnamed to the coordinator); audited without the reason. */
    async report(item: ModeratedItem, reason: string, reporterId: number | null, origin: string) {
      await db.transaction(async (tx) => {
        const id = await moderationRepository(tx).insertReport({
          kind: item.kind,
          objectId: item.id,
          networkId: item.networkId,
          reason,
          reporterId,
        });
        await recordAudit(tx, {
          actorId: reporterId,
          action: 'moderation.report',
          result: 'ok',
          objectType: item.kind,
          objectId: item.id,
          networkId: item.networkId,
          origin,
          detail: `report ${id}`,
        });
        // The network's coordinators: something waits in their queue (issue 11 item 5).
        const [members, network] = await Promise.all([
          peopleModule.api.directory(tx).listMembers(item.networkId),
          networkModule.api.networks(tx).findNetworkById(item.networkId),
        ]);
        await notificationsModule.api.notify(tx, {
          kind: 'moderation',
          event: 'waiting',
          personIds: members.filter((m) => m.role === 'coordinator').map((m) => m.personId),
          exceptPersonId: reporterId,
          networkId: item.networkId,
          params: { network: network?.name ?? '', whatKey: `moderation.kind.${item.kind}` },
          link: `/netwerk/${item.networkId}/moderatie`,
        });
      });
    },

    /**
     * Hides a published item with a reason: gone everywhere at once; open reports closed;
     * audited; its author is told by mail (with the reason). False when it was no longer
     * published (someone else was first).
     */
    async hide(actorId: number, item: ModeratedItem, reason: string, origin: string) {
      const provider = providerOf(item.kind);
      if (!provider) return false;
      const audit = { actorId, action: 'moderation.hide', item, origin };
      return unlessRefused(
        () =>
          db.transaction(async (tx) => {
            const at = new Date();
            if (!(await provider.hide(tx, item.id, { reason, by: actorId, at }))) return false;
            await moderationRepository(tx).closeReports(item.kind, item.id, {
              outcome: 'hidden',
              by: actorId,
              at,
            });
            await recordAudit(tx, {
              actorId,
              action: 'moderation.hide',
              result: 'ok',
              objectType: item.kind,
              objectId: item.id,
              networkId: item.networkId,
              origin,
            });
            if (item.authorId !== null && item.authorId !== actorId) {
              const [author] = await peopleModule.api
                .directory(tx)
                .listMailRecipients([item.authorId]);
              if (author) {
                // In the author's language (issue 12 item 13), Dutch when they chose none.
                const t = translator(isLang(author.language) ? author.language : 'nl');
                await mailer.send(tx, {
                  to: author.email,
                  personId: item.authorId,
                  subject: t('moderation.mail.subject'),
                  body: [
                    t('moderation.mail.greeting'),
                    '',
                    t('moderation.mail.hidden'),
                    '',
                    `"${item.text.slice(0, 200)}"`,
                    '',
                    t('moderation.mail.reason', { reason }),
                    '',
                    t('moderation.mail.questions'),
                    `${siteUrl}/netwerk/${item.networkId}`,
                  ].join('\n'),
                });
              }
            }
            return true;
          }),
        audit,
      );
    },

    /** Keeps an item that was reported: its open reports are closed as 'kept'; audited. */
    async keep(actorId: number, item: ModeratedItem, origin: string): Promise<number> {
      return db.transaction(async (tx) => {
        const closed = await moderationRepository(tx).closeReports(item.kind, item.id, {
          outcome: 'kept',
          by: actorId,
          at: new Date(),
        });
        await recordAudit(tx, {
          actorId,
          action: 'moderation.keep',
          result: 'ok',
          objectType: item.kind,
          objectId: item.id,
          networkId: item.networkId,
          origin,
        });
        return closed;
      });
    },

    /** The author withdraws their own published item: gone everywhere; reports closed. */
    async withdraw(actorId: number, item: ModeratedItem, origin: string): Promise<boolean> {
      const provider = providerOf(item.kind);
      if (!provider) return false;
      const audit = { actorId, action: 'moderation.withdraw', item, origin };
      return unlessRefused(
        () =>
          db.transaction(async (tx) => {
            const at = new Date();
            if (!(await provider.withdraw(tx, item.id, { by: actorId, at }))) return false;
            await moderationRepository(tx).closeReports(item.kind, item.id, {
              outcome: 'gone',
              by: null,
              at,
            });
            await recordAudit(tx, {
              actorId,
              action: 'moderation.withdraw',
              result: 'ok',
              objectType: item.kind,
              objectId: item.id,
              networkId: item.networkId,
              origin,
            });
            return true;
          }),
        audit,
      );
    },

    /** The network's reported items that are still there, with their open reports. */
    async listQueue(networkId: number) {
      const reported = await repo.listReportedItems(networkId);
      const queue = [];
      for (const entry of reported) {
        const item = await providerOf(entry.kind)?.find(db, entry.objectId);
        if (!item || item.networkId !== networkId) continue;
        queue.push({ item, reports: entry.reports, firstAt: entry.firstAt, lastAt: entry.lastAt });
      }
      return queue;
    },

    listOpenReports: (item: ModeratedItem) => repo.listOpenReports(item.kind, item.id),
  };
}

export type ModerationService = ReturnType<typeof moderationService>;
