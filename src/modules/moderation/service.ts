// Use cases of moderation after publication (decision 0009): report, hide, keep, withdraw.
// The item's state lives in its module, changed through the module's ModerationProvider in
// the same transaction as the reports and the audit record.
import type { Database, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import {
  chosenLanguage,
  type MessageKey,
  type Translate,
  translator,
} from '../../platform/i18n/index.js';
import type { Mailer } from '../../platform/mail.js';
import {
  type ModeratedItem,
  type ModerationProvider,
  ModerationRefused,
  type PublicationProvider,
  type PublicationWords,
  type WaitingItem,
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
  /** The kinds of items that wait for publication (every module's `publication`). */
  publication?: readonly PublicationProvider[];
  /** The site's address for links in mail (platform/urls.ts baseUrl). */
  siteUrl: string;
}) {
  const { db, mailer, providers, siteUrl } = options;
  const publication = options.publication ?? [];
  /** The providers of one kind, or all when `kind` is undefined. */
  const publicationOf = (kind: string | undefined) =>
    publication.filter((p) => kind === undefined || p.kind === kind);
  const repo = moderationRepository(db);
  const providerOf = (kind: string) => providers.find((p) => p.kind === kind);
  /** The words of a decision on a kind: its provider's own, else publish / not made public. */
  const wordsOf = (kind: string): PublicationWords =>
    publicationOf(kind)[0]?.words ?? {
      approve: 'moderation.waiting.approve',
      approved: 'moderation.waiting.approved',
      rejectedSubject: 'moderation.mail.rejectedSubject',
      rejected: 'moderation.mail.rejected',
    };

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

  /**
   * Mails an item's author (in their language, Dutch when they chose none) what was done
   * with it and why; nobody when there is no author or the author did it themselves.
   */
  async function tellAuthor(
    tx: Executor,
    authorId: number | null,
    actorId: number,
    letter: {
      subject: MessageKey;
      what: MessageKey;
      after: MessageKey;
      text: string;
      reason: string;
      networkId: number;
    },
  ): Promise<void> {
    if (authorId === null || authorId === actorId) return;
    const [author] = await peopleModule.api.directory(tx).listMailRecipients([authorId]);
    if (!author) return;
    const t = translator(chosenLanguage(author.language));
    await mailer.send(tx, {
      to: author.email,
      personId: authorId,
      subject: t(letter.subject),
      body: [
        t('moderation.mail.greeting'),
        '',
        t(letter.what),
        '',
        `"${letter.text.slice(0, 200)}"`,
        '',
        t('moderation.mail.reason', { reason: letter.reason }),
        '',
        t(letter.after),
        `${siteUrl}/netwerk/${letter.networkId}`,
      ].join('\n'),
    });
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
            await tellAuthor(tx, item.authorId, actorId, {
              subject: 'moderation.mail.subject',
              what: 'moderation.mail.hidden',
              after: 'moderation.mail.questions',
              text: item.text,
              reason,
              networkId: item.networkId,
            });
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

    // ── Waiting for publication (decision 0009) ─────────────────────────────────────────

    /** The kinds of items that may wait for publication, in the module list's order. */
    waitingKinds: publication.map((p) => p.kind),
    wordsOf,

    /** How many items of the network wait for publication (of one kind, or of all). */
    async countWaiting(networkId: number, kind?: string): Promise<number> {
      const counts = await Promise.all(
        publicationOf(kind).map((p) => p.countWaiting(db, networkId)),
      );
      return counts.reduce((sum, n) => sum + n, 0);
    },

    /**
     * One page of the waiting items of every kind (or of one), oldest first: `limit` items
     * from `offset`. Each provider gives its oldest `offset + limit`, so the merge is exact.
     */
    async listWaiting(
      networkId: number,
      kind: string | undefined,
      window: { offset: number; limit: number },
      t: Translate,
    ): Promise<WaitingItem[]> {
      const lists = await Promise.all(
        publicationOf(kind).map((p) =>
          p.listWaiting(db, networkId, window.offset + window.limit, t),
        ),
      );
      return lists
        .flat()
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
        .slice(window.offset, window.offset + window.limit);
    },

    /** One waiting item of the network, or undefined (unknown kind, not waiting). */
    async findWaiting(networkId: number, kind: string, id: number, t: Translate) {
      const [provider] = publicationOf(kind);
      return provider?.findWaiting(db, networkId, id, t);
    },

    /** The modules' settings about what waits (shown on the moderation page). */
    async listSettings(networkId: number, t: Translate) {
      return Promise.all(
        publication.flatMap((p) => (p.setting ? [p.setting(db, networkId, t)] : [])),
      );
    },

    /**
     * Publishes a waiting item of the network through its module (which audits it).
     * `gone`: it does not wait (any more) or the kind is unknown; `changed`: it still waits
     * but is no longer what the coordinator saw (its `version` differs), nothing changed.
     */
    async approve(input: {
      actorId: number;
      networkId: number;
      kind: string;
      id: number;
      choice: string | undefined;
      /** The item's `version` as the page showed it (sent back in the form). */
      version: string | undefined;
      origin: string;
      t: Translate;
    }): Promise<'approved' | 'gone' | 'changed'> {
      const [provider] = publicationOf(input.kind);
      if (!provider) return 'gone';
      const done = await db.transaction((tx) =>
        provider.approve(tx, input.networkId, input.id, {
          by: input.actorId,
          at: new Date(),
          origin: input.origin,
          choice: input.choice,
          version: input.version,
        }),
      );
      return done ? 'approved' : whyUndecided(db, provider, input);
    },

    /**
     * Refuses a waiting item through its module (which audits it). When it has an author
     * with an account, a reason is required (`reasonRequired`: nothing changed) and the
     * author is mailed it. `gone`: it does not wait (any more); `changed`: it is no longer
     * what the coordinator saw (see approve).
     */
    async reject(input: {
      actorId: number;
      networkId: number;
      kind: string;
      id: number;
      reason: string;
      version: string | undefined;
      origin: string;
      t: Translate;
    }): Promise<'rejected' | 'gone' | 'changed' | 'reasonRequired'> {
      const [provider] = publicationOf(input.kind);
      if (!provider) return 'gone';
      try {
        return await db.transaction(async (tx) => {
          const refused = await provider.reject(tx, input.networkId, input.id, {
            by: input.actorId,
            at: new Date(),
            origin: input.origin,
            version: input.version,
          });
          if (!refused) return whyUndecided(tx, provider, input);
          if (refused.authorId !== null && input.reason === '') throw new ReasonRequired();
          if (input.reason !== '') {
            await tellAuthor(tx, refused.authorId, input.actorId, {
              subject: wordsOf(input.kind).rejectedSubject,
              what: wordsOf(input.kind).rejected,
              after: 'moderation.mail.rejectedQuestions',
              text: refused.text,
              reason: input.reason,
              networkId: input.networkId,
            });
          }
          return 'rejected';
        });
      } catch (error) {
        if (error instanceof ReasonRequired) return 'reasonRequired';
        throw error;
      }
    },
  };

  /**
   * Why a provider decided nothing: the item still waits with another `version` than the
   * one shown (`changed`), or it does not wait any more (`gone`).
   */
  async function whyUndecided(
    on: Executor,
    provider: PublicationProvider,
    input: { networkId: number; id: number; version: string | undefined; t: Translate },
  ): Promise<'gone' | 'changed'> {
    const now = await provider.findWaiting(on, input.networkId, input.id, input.t);
    return now?.version !== undefined && now.version !== input.version ? 'changed' : 'gone';
  }
}

/** Rolls back a refusal that needs a reason and has none (see `reject`). */
class ReasonRequired extends Error {}

export type ModerationService = ReturnType<typeof moderationService>;
