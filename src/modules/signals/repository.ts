// All SQL of the signals module. Every query names the network it works in.
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
import { networks } from '../network/tables.js';
import { memberships, people } from '../people/tables.js';
import type { SignalStatus } from './policy.js';
import { signalFollowers, signals, signalUpdates } from './tables.js';

// Known debt (issue 8, item 4): networks' settings and people's names and memberships are
// other modules' tables; they belong behind those modules' faces.

export type SignalRow = typeof signals.$inferSelect;
export type NewSignal = typeof signals.$inferInsert;
export type NetworkSettings = NonNullable<(typeof networks.$inferSelect)['settings']>;

export interface SignalListFilter {
  status?: SignalStatus | undefined;
  theme?: string | undefined;
  /** The viewer sees the person-bound signals they follow, or all of them (coordinator). */
  viewerId: number;
  allPersonBound: boolean;
}

export const ANONYMISED = '[geanonimiseerd]';

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
    async findNetworkSettings(networkId: number): Promise<NetworkSettings | undefined> {
      const rows = await db
        .select({ settings: networks.settings })
        .from(networks)
        .where(eq(networks.id, networkId));
      return rows[0]?.settings;
    },

    async updateNetworkSettings(networkId: number, settings: NetworkSettings): Promise<void> {
      await db.update(networks).set({ settings }).where(eq(networks.id, networkId));
    },

    async listNetworkSettings(): Promise<{ id: number; settings: NetworkSettings }[]> {
      return db.select({ id: networks.id, settings: networks.settings }).from(networks);
    },

    async findNetworkIdByName(name: string): Promise<number | undefined> {
      const rows = await db
        .select({ id: networks.id })
        .from(networks)
        .where(eq(networks.name, name));
      return rows[0]?.id;
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
          displayName: people.displayName,
          erased: sql<boolean>`${people.erasedAt} is not null`,
        })
        .from(signalFollowers)
        .innerJoin(people, eq(people.id, signalFollowers.personId))
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
          authorName: people.displayName,
          authorErased: sql<boolean>`${people.erasedAt} is not null`,
        })
        .from(signalUpdates)
        .leftJoin(people, eq(people.id, signalUpdates.authorId))
        .where(and(eq(signalUpdates.networkId, networkId), eq(signalUpdates.signalId, signalId)))
        .orderBy(asc(signalUpdates.createdAt), asc(signalUpdates.id));
    },

    async insertUpdate(values: typeof signalUpdates.$inferInsert): Promise<void> {
      await db.insert(signalUpdates).values(values);
    },

    async setStatus(
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
          ...(values.status === 'closed' ? { closedAt: values.at, outcome: values.outcome } : {}),
        })
        .where(
          and(eq(signals.networkId, networkId), eq(signals.id, signalId), eq(signals.status, from)),
        )
        .returning({ id: signals.id });
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
          followers: sql<number>`(select count(*)::int from ${signalFollowers} f where f.signal_id = ${signals.id})`,
        })
        .from(signals)
        .where(and(...conditions))
        .orderBy(desc(signals.createdAt), desc(signals.id))
        .limit(500);
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

    async listMembers(networkId: number) {
      return db
        .select({
          personId: memberships.personId,
          role: memberships.role,
          name: people.displayName,
        })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        .where(eq(memberships.networkId, networkId))
        .orderBy(asc(people.displayName));
    },

    async roleOfMember(networkId: number, personId: number): Promise<MemberRole | undefined> {
      const rows = await db
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.networkId, networkId), eq(memberships.personId, personId)));
      return rows[0]?.role;
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

    async signalsCreatedBy(personId: number) {
      return db.select().from(signals).where(eq(signals.createdBy, personId));
    },

    async signalsWithContactEmail(email: string) {
      return db
        .select()
        .from(signals)
        .where(sql`lower(${signals.contactEmail}) = ${email.toLowerCase()}`);
    },

    async updatesWrittenBy(personId: number) {
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

    async followedBy(personId: number) {
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

    async emailOf(personId: number): Promise<string | null> {
      const rows = await db
        .select({ email: people.email })
        .from(people)
        .where(eq(people.id, personId));
      return rows[0]?.email ?? null;
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
