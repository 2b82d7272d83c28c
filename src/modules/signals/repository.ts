// All SQL of the signals module, on its own tables only (people's names, roles and email
// come through the people module's directory). Every query names the network it works in.
import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  gte,
  inArray,
  isNull,
  lt,
  ne,
  or,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { MemberRole } from '../../platform/actor.js';
import type { SignalStatus } from './policy.js';
import {
  signalFollowers,
  signalRevisions,
  signalSettings,
  signals,
  signalThemes,
  signalUpdates,
} from './tables.js';

export type SignalRow = typeof signals.$inferSelect;
export type NewSignal = typeof signals.$inferInsert;

export interface SignalListFilter {
  status?: SignalStatus | undefined;
  theme?: string | undefined;
  /** The viewer sees the person-bound signals they follow, or all of them (coordinator). */
  viewerId: number;
  allPersonBound: boolean;
}

export const ANONYMISED = '[geanonimiseerd]';
/** The list shows at most this many signals, newest first. */
export const SIGNAL_LIST_LIMIT = 500;

export function signalsRepository(db: Executor) {
  /** Person-bound signals are left out unless the viewer follows them or sees them all. */
  const visibleTo = (viewerId: number, all: boolean) =>
    all
      ? sql`true`
      : or(
          eq(signals.personBound, false),
          exists(
            db
              .select({ one: sql`1` })
              .from(signalFollowers)
              .where(
                and(
                  eq(signalFollowers.signalId, signals.id),
                  eq(signalFollowers.personId, viewerId),
                ),
              ),
          ),
        );

  return {
    /**
     * For the pulse: signals raised in the period [from, to) (Amsterdam calendar dates),
     * by theme and by who raised them, counted in SQL. Person-bound signals count as
     * numbers only; public submissions still waiting for the coordinator do not count.
     */
    async countForPulse(networkId: number, from: string, to: string) {
      const day = sql`(${signals.createdAt} at time zone 'Europe/Amsterdam')::date`;
      return db
        .select({ theme: signals.theme, raisedBy: signals.raisedBy, n: count() })
        .from(signals)
        .where(
          and(
            eq(signals.networkId, networkId),
            ne(signals.status, 'pending'),
            sql`${day} >= ${from}::date and ${day} < ${to}::date`,
          ),
        )
        .groupBy(signals.theme, signals.raisedBy);
    },

    /** The network's own themes, in the order they were added. */
    async listThemes(networkId: number): Promise<string[]> {
      const rows = await db
        .select({ name: signalThemes.name })
        .from(signalThemes)
        .where(eq(signalThemes.networkId, networkId))
        .orderBy(asc(signalThemes.position), asc(signalThemes.name));
      return rows.map((r) => r.name);
    },

    /** Adds a theme after the others; false when the name exists already (any case). */
    async insertTheme(networkId: number, name: string): Promise<boolean> {
      const rows = await db
        .insert(signalThemes)
        .values({
          networkId,
          name,
          position: sql`(select coalesce(max(${signalThemes.position}), 0) + 1 from ${signalThemes} where ${signalThemes.networkId} = ${networkId})`,
        })
        .onConflictDoNothing()
        .returning({ name: signalThemes.name });
      return rows.length === 1;
    },

    async deleteTheme(networkId: number, name: string): Promise<void> {
      await db
        .delete(signalThemes)
        .where(and(eq(signalThemes.networkId, networkId), eq(signalThemes.name, name)));
    },

    async countThemes(networkId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(signalThemes)
        .where(eq(signalThemes.networkId, networkId));
      return rows[0]?.n ?? 0;
    },

    /** The network's retention period in months, or undefined when it uses the default. */
    async findRetentionMonths(networkId: number): Promise<number | undefined> {
      const rows = await db
        .select({ months: signalSettings.retentionMonths })
        .from(signalSettings)
        .where(eq(signalSettings.networkId, networkId));
      return rows[0]?.months;
    },

    async upsertRetentionMonths(networkId: number, months: number): Promise<void> {
      await db
        .insert(signalSettings)
        .values({ networkId, retentionMonths: months })
        .onConflictDoUpdate({
          target: signalSettings.networkId,
          set: { retentionMonths: months },
        });
    },

    /**
     * Networks with closed person-bound signals not yet anonymised, each with its retention
     * period (undefined: the default): the work list of the retention job.
     */
    async listRetentionCandidates(): Promise<
      { networkId: number; retentionMonths: number | undefined }[]
    > {
      const rows = await db
        .selectDistinct({
          networkId: signals.networkId,
          retentionMonths: signalSettings.retentionMonths,
        })
        .from(signals)
        .leftJoin(signalSettings, eq(signalSettings.networkId, signals.networkId))
        .where(
          and(
            eq(signals.personBound, true),
            eq(signals.status, 'closed'),
            isNull(signals.anonymisedAt),
          ),
        )
        .orderBy(asc(signals.networkId));
      return rows.map((r) => ({
        networkId: r.networkId,
        retentionMonths: r.retentionMonths ?? undefined,
      }));
    },

    async insertSignal(values: NewSignal): Promise<SignalRow> {
      return (await db.insert(signals).values(values).returning())[0]!;
    },

    async findSignal(networkId: number, signalId: number): Promise<SignalRow | undefined> {
      const rows = await db
        .select()
        .from(signals)
        .where(and(eq(signals.networkId, networkId), eq(signals.id, signalId)));
      return rows[0];
    },

    async listFollowers(networkId: number, signalId: number) {
      return db
        .select({
          personId: signalFollowers.personId,
          role: signalFollowers.role,
          joinedAt: signalFollowers.joinedAt,
        })
        .from(signalFollowers)
        .where(
          and(eq(signalFollowers.networkId, networkId), eq(signalFollowers.signalId, signalId)),
        )
        .orderBy(asc(signalFollowers.joinedAt));
    },

    async insertFollower(values: {
      networkId: number;
      signalId: number;
      personId: number;
      role: MemberRole;
      joinedAt?: Date;
    }): Promise<void> {
      await db.insert(signalFollowers).values(values).onConflictDoNothing();
    },

    async listUpdates(networkId: number, signalId: number) {
      return db
        .select({
          id: signalUpdates.id,
          kind: signalUpdates.kind,
          text: signalUpdates.text,
          status: signalUpdates.status,
          createdAt: signalUpdates.createdAt,
          authorId: signalUpdates.authorId,
        })
        .from(signalUpdates)
        .where(and(eq(signalUpdates.networkId, networkId), eq(signalUpdates.signalId, signalId)))
        .orderBy(asc(signalUpdates.createdAt), asc(signalUpdates.id));
    },

    async insertUpdate(values: typeof signalUpdates.$inferInsert): Promise<void> {
      await db.insert(signalUpdates).values(values);
    },

    async updateStatus(
      networkId: number,
      signalId: number,
      from: SignalStatus,
      values: { status: SignalStatus; outcome?: string; at: Date },
    ): Promise<boolean> {
      const rows = await db
        .update(signals)
        .set({
          status: values.status,
          statusChangedAt: values.at,
          // Reopened (a step back from closed): no longer closed, so not due for retention.
          ...(values.status === 'closed'
            ? { closedAt: values.at, outcome: values.outcome }
            : { closedAt: null }),
        })
        .where(
          and(eq(signals.networkId, networkId), eq(signals.id, signalId), eq(signals.status, from)),
        )
        .returning({ id: signals.id });
      return rows.length === 1;
    },

    /**
     * Changes a signal's texts and keeps what was there before as a revision. False when
     * the signal is not (or no longer) in the network.
     */
    async updateTexts(
      networkId: number,
      signalId: number,
      editorId: number,
      values: { title: string; description: string; theme: string; place: string; trigger: string },
      at: Date,
    ): Promise<boolean> {
      const before = (
        await db
          .select()
          .from(signals)
          .where(and(eq(signals.networkId, networkId), eq(signals.id, signalId)))
          .for('update')
      )[0];
      if (!before) return false;
      await db.insert(signalRevisions).values({
        signalId,
        networkId,
        editorId,
        editedAt: at,
        title: before.title,
        description: before.description,
        theme: before.theme,
        place: before.place,
        trigger: before.trigger,
      });
      await db
        .update(signals)
        .set(values)
        .where(and(eq(signals.networkId, networkId), eq(signals.id, signalId)));
      return true;
    },

    /** Earlier versions of a signal, newest first. */
    async listRevisions(networkId: number, signalId: number) {
      return db
        .select()
        .from(signalRevisions)
        .where(
          and(eq(signalRevisions.networkId, networkId), eq(signalRevisions.signalId, signalId)),
        )
        .orderBy(desc(signalRevisions.editedAt), desc(signalRevisions.id));
    },

    /** Removes a person from the duo; false when they did not follow it. */
    async deleteFollower(networkId: number, signalId: number, personId: number) {
      const rows = await db
        .delete(signalFollowers)
        .where(
          and(
            eq(signalFollowers.networkId, networkId),
            eq(signalFollowers.signalId, signalId),
            eq(signalFollowers.personId, personId),
          ),
        )
        .returning({ personId: signalFollowers.personId });
      return rows.length === 1;
    },

    async listSignals(networkId: number, filter: SignalListFilter) {
      const conditions = [
        eq(signals.networkId, networkId),
        ne(signals.status, 'pending'),
        visibleTo(filter.viewerId, filter.allPersonBound),
      ];
      if (filter.status) conditions.push(eq(signals.status, filter.status));
      if (filter.theme) conditions.push(eq(signals.theme, filter.theme));
      return db
        .select({
          id: signals.id,
          title: signals.title,
          theme: signals.theme,
          place: signals.place,
          status: signals.status,
          personBound: signals.personBound,
          raisedBy: signals.raisedBy,
          createdAt: signals.createdAt,
          anonymisedAt: signals.anonymisedAt,
          followers: sql<number>`(select count(*)::int from ${signalFollowers} f where f.signal_id = ${signals.id})`,
        })
        .from(signals)
        .where(and(...conditions))
        .orderBy(desc(signals.createdAt), desc(signals.id))
        .limit(SIGNAL_LIST_LIMIT);
    },

    /** Person-bound signals the viewer may not see: shown as a number only. */
    async countHiddenPersonBound(networkId: number, viewerId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(signals)
        .where(
          and(
            eq(signals.networkId, networkId),
            ne(signals.status, 'pending'),
            eq(signals.personBound, true),
            sql`not exists (select 1 from ${signalFollowers} f where f.signal_id = ${signals.id} and f.person_id = ${viewerId})`,
          ),
        );
      return rows[0]?.n ?? 0;
    },

    async listPending(networkId: number) {
      return db
        .select()
        .from(signals)
        .where(and(eq(signals.networkId, networkId), eq(signals.status, 'pending')))
        .orderBy(asc(signals.createdAt));
    },

    async approvePending(networkId: number, signalId: number, theme: string, at: Date) {
      const rows = await db
        .update(signals)
        .set({
          status: 'new',
          theme,
          raisedBy: 'resident',
          origin: 'public_page',
          statusChangedAt: at,
        })
        .where(
          and(
            eq(signals.networkId, networkId),
            eq(signals.id, signalId),
            eq(signals.status, 'pending'),
          ),
        )
        .returning({ id: signals.id });
      return rows.length === 1;
    },

    async deletePending(networkId: number, signalId: number): Promise<boolean> {
      const rows = await db
        .delete(signals)
        .where(
          and(
            eq(signals.networkId, networkId),
            eq(signals.id, signalId),
            eq(signals.status, 'pending'),
          ),
        )
        .returning({ id: signals.id });
      return rows.length === 1;
    },

    /** Signals per theme and month (Europe/Amsterdam), person-bound ones included as numbers. */
    async countByThemeAndMonth(networkId: number, since: Date) {
      const month = sql<string>`to_char(date_trunc('month', ${signals.createdAt} at time zone 'Europe/Amsterdam'), 'YYYY-MM')`;
      return db
        .select({ month, theme: signals.theme, n: count() })
        .from(signals)
        .where(
          and(
            eq(signals.networkId, networkId),
            ne(signals.status, 'pending'),
            gte(signals.createdAt, since),
          ),
        )
        .groupBy(month, signals.theme);
    },

    async countPerNetwork(networkIds: number[]) {
      if (networkIds.length === 0) return [];
      return db
        .select({
          networkId: signals.networkId,
          total: count(),
          open: sql<number>`count(*) filter (where ${signals.status} <> 'closed')::int`,
          closed: sql<number>`count(*) filter (where ${signals.status} = 'closed')::int`,
          personBound: sql<number>`count(*) filter (where ${signals.personBound})::int`,
        })
        .from(signals)
        .where(and(inArray(signals.networkId, networkIds), ne(signals.status, 'pending')))
        .groupBy(signals.networkId);
    },

    /** Person-bound signals of the network closed before the cutoff and not yet anonymous. */
    async anonymiseClosedBefore(networkId: number, cutoff: Date, now: Date): Promise<number[]> {
      const rows = await db
        .update(signals)
        .set({
          title: ANONYMISED,
          description: ANONYMISED,
          place: ANONYMISED,
          trigger: ANONYMISED,
          outcome: ANONYMISED,
          contactEmail: null,
          anonymisedAt: now,
        })
        .where(
          and(
            eq(signals.networkId, networkId),
            eq(signals.personBound, true),
            eq(signals.status, 'closed'),
            lt(signals.closedAt, cutoff),
            isNull(signals.anonymisedAt),
          ),
        )
        .returning({ id: signals.id });
      const ids = rows.map((r) => r.id);
      if (ids.length > 0) {
        await db
          .update(signalRevisions)
          .set({
            title: ANONYMISED,
            description: ANONYMISED,
            place: ANONYMISED,
            trigger: ANONYMISED,
          })
          .where(
            and(eq(signalRevisions.networkId, networkId), inArray(signalRevisions.signalId, ids)),
          );
        await db
          .update(signalUpdates)
          .set({ text: ANONYMISED })
          .where(
            and(
              eq(signalUpdates.networkId, networkId),
              inArray(signalUpdates.signalId, ids),
              ne(signalUpdates.text, ''),
            ),
          );
      }
      return ids;
    },

    async listSignalsCreatedBy(personId: number) {
      return db.select().from(signals).where(eq(signals.createdBy, personId));
    },

    async listSignalsWithContactEmail(email: string) {
      return db
        .select()
        .from(signals)
        .where(sql`lower(${signals.contactEmail}) = ${email.toLowerCase()}`);
    },

    async listUpdatesWrittenBy(personId: number) {
      return db
        .select({
          signalId: signalUpdates.signalId,
          networkId: signalUpdates.networkId,
          kind: signalUpdates.kind,
          text: signalUpdates.text,
          status: signalUpdates.status,
          createdAt: signalUpdates.createdAt,
        })
        .from(signalUpdates)
        .where(eq(signalUpdates.authorId, personId));
    },

    async listFollowedBy(personId: number) {
      return db
        .select({
          signalId: signalFollowers.signalId,
          networkId: signalFollowers.networkId,
          role: signalFollowers.role,
          joinedAt: signalFollowers.joinedAt,
        })
        .from(signalFollowers)
        .where(eq(signalFollowers.personId, personId));
    },

    async clearContactEmail(email: string): Promise<void> {
      await db
        .update(signals)
        .set({ contactEmail: null })
        .where(sql`lower(${signals.contactEmail}) = ${email.toLowerCase()}`);
    },
  };
}

export type SignalsRepository = ReturnType<typeof signalsRepository>;
