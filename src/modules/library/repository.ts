// All SQL of the library. Items are read within what a viewer may see (the same rule as
// platform/visibility.ts canSee, as a filter in the query); reflections only by their
// own person.
import { and, asc, desc, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { ViewerScope } from '../../platform/visibility.js';
import { itemPhotosRepository } from './repository-photos.js';
import {
  type ItemKind,
  type ItemVisibility,
  type LessonSource,
  libraryItems,
  libraryResponses,
  reflections,
} from './tables.js';

export interface ItemRow {
  id: number;
  kind: ItemKind;
  networkId: number;
  municipalityId: number;
  regionId: number;
  title: string;
  body: string;
  extra: string;
  sourceType: LessonSource | null;
  sourceId: number | null;
  sourceTitle: string;
  authorId: number | null;
  visibility: ItemVisibility;
  requestedVisibility: ItemVisibility | null;
  themes: string[];
  createdAt: Date;
}

export interface ResponseRow {
  id: number;
  itemId: number;
  authorId: number | null;
  authorNetworkId: number | null;
  text: string;
  helped: boolean;
  createdAt: Date;
}

export interface ReflectionRow {
  id: number;
  question: string;
  text: string;
  createdAt: Date;
}

const i = libraryItems;
const itemColumns = {
  id: i.id,
  kind: i.kind,
  networkId: i.networkId,
  municipalityId: i.municipalityId,
  regionId: i.regionId,
  title: i.title,
  body: i.body,
  extra: i.extra,
  sourceType: i.sourceType,
  sourceId: i.sourceId,
  sourceTitle: i.sourceTitle,
  authorId: i.authorId,
  visibility: i.visibility,
  requestedVisibility: i.requestedVisibility,
  themes: i.themes,
  createdAt: i.createdAt,
};

const responseColumns = {
  id: libraryResponses.id,
  itemId: libraryResponses.itemId,
  authorId: libraryResponses.authorId,
  authorNetworkId: libraryResponses.authorNetworkId,
  text: libraryResponses.text,
  helped: libraryResponses.helped,
  createdAt: libraryResponses.createdAt,
};

/** The visibility rule as a filter on library_items (see platform/visibility.ts). */
function visibleTo(scope: ViewerScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [eq(i.visibility, 'public')];
  if (scope.networkIds.length > 0) parts.push(inArray(i.networkId, scope.networkIds));
  if (scope.municipalityIds.length > 0) {
    parts.push(
      and(
        inArray(i.visibility, ['municipality', 'region']),
        inArray(i.municipalityId, scope.municipalityIds),
      )!,
    );
  }
  if (scope.regionIds.length > 0) {
    parts.push(and(eq(i.visibility, 'region'), inArray(i.regionId, scope.regionIds))!);
  }
  return or(...parts);
}

export function libraryRepository(db: Executor) {
  return {
    ...itemPhotosRepository(db),
    /**
     * For the pulse: lessons written in these networks in [from, to) (Amsterdam calendar
     * dates), by how far they are shared (`visibility`), counted in SQL; numbers only.
     */
    async countLessonsForPulse(networkIds: readonly number[], from: string, to: string) {
      if (networkIds.length === 0) return [];
      const day = sql`(${libraryItems.createdAt} at time zone 'Europe/Amsterdam')::date`;
      return db
        .select({ visibility: libraryItems.visibility, n: sql<number>`count(*)::int` })
        .from(libraryItems)
        .where(
          and(
            inArray(libraryItems.networkId, [...networkIds]),
            eq(libraryItems.kind, 'lesson'),
            sql`${day} >= ${from}::date and ${day} < ${to}::date`,
          ),
        )
        .groupBy(libraryItems.visibility);
    },

    /**
     * Lessons shared with these municipalities or regions (visibility municipality or region
     * there, or public from a network there), the newest first, at most `limit`:
     * `{ id, title, createdAt }[]` — no author.
     */
    async listLessonsSharedTo(municipalityIds: number[], regionIds: number[], limit: number) {
      if (municipalityIds.length === 0 && regionIds.length === 0) return [];
      const inMunicipality =
        municipalityIds.length > 0 ? inArray(i.municipalityId, municipalityIds) : sql`false`;
      const inRegion = regionIds.length > 0 ? inArray(i.regionId, regionIds) : sql`false`;
      return db
        .select({ id: i.id, title: i.title, createdAt: i.createdAt })
        .from(i)
        .where(
          and(
            eq(i.kind, 'lesson'),
            or(
              and(eq(i.visibility, 'municipality'), inMunicipality),
              and(inArray(i.visibility, ['region', 'public']), or(inMunicipality, inRegion)),
            ),
          ),
        )
        .orderBy(desc(i.createdAt), desc(i.id))
        .limit(limit);
    },

    async insertItem(
      values: Omit<ItemRow, 'id' | 'createdAt' | 'requestedVisibility'> & {
        requestedVisibility?: ItemVisibility | null;
      },
    ): Promise<number> {
      const rows = await db.insert(i).values(values).returning({ id: i.id });
      return rows[0]!.id;
    },

    async findItem(id: number): Promise<ItemRow | undefined> {
      const rows = await db.select(itemColumns).from(i).where(eq(i.id, id)).limit(1);
      return rows[0];
    },

    /** An item, only when the scope may see it. */
    async findVisibleItem(id: number, scope: ViewerScope): Promise<ItemRow | undefined> {
      const rows = await db
        .select(itemColumns)
        .from(i)
        .where(and(eq(i.id, id), visibleTo(scope)))
        .limit(1);
      return rows[0];
    },

    /** Items the scope may see, newest first; optionally of one kind or theme. */
    async listVisibleItems(
      scope: ViewerScope,
      filter: { kind?: ItemKind | undefined; theme?: string | undefined; limit: number },
    ): Promise<ItemRow[]> {
      return db
        .select(itemColumns)
        .from(i)
        .where(
          and(
            visibleTo(scope),
            filter.kind ? eq(i.kind, filter.kind) : undefined,
            filter.theme ? sql`${filter.theme} = any(${i.themes})` : undefined,
          ),
        )
        .orderBy(desc(i.createdAt), desc(i.id))
        .limit(filter.limit);
    },

    /**
     * Items of a network whose author asked for a wider visibility (waiting for the
     * coordinator), the oldest `limit` first (by when they were written, then id).
     */
    async listRequests(networkId: number, limit: number): Promise<ItemRow[]> {
      return db
        .select(itemColumns)
        .from(i)
        .where(and(eq(i.networkId, networkId), isNotNull(i.requestedVisibility)))
        .orderBy(asc(i.createdAt), asc(i.id))
        .limit(limit);
    },

    /** How many items of a network wait for the coordinator to approve wider sharing. */
    async countRequests(networkId: number): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(i)
        .where(and(eq(i.networkId, networkId), isNotNull(i.requestedVisibility)));
      return row?.n ?? 0;
    },

    /**
     * Settles a request for wider sharing of an item of the network, only while the request
     * is still `asked` (a decision on a request the author has since changed changes
     * nothing): approved, `asked` becomes the visibility; declined, the request is dropped
     * and the visibility stays. Gives the item as it was before, or undefined when nothing
     * changed.
     */
    async settleRequest(
      networkId: number,
      id: number,
      asked: ItemVisibility,
      approve: boolean,
      /** Whether the item, locked, is still as the coordinator saw it; else nothing changes. */
      unchanged: (before: ItemRow) => boolean = () => true,
    ): Promise<ItemRow | undefined> {
      const still = and(eq(i.id, id), eq(i.networkId, networkId), eq(i.requestedVisibility, asked));
      const [before] = await db.select(itemColumns).from(i).where(still).for('update');
      if (!before || !unchanged(before)) return undefined;
      const rows = await db
        .update(i)
        .set({
          ...(approve ? { visibility: asked } : {}),
          requestedVisibility: null,
          updatedAt: sql`now()`,
        })
        .where(still)
        .returning({ id: i.id });
      return rows.length > 0 ? before : undefined;
    },

    /** Changes an item's texts and themes (and, when given, its visibility and request). */
    async updateItemTexts(
      id: number,
      values: {
        title: string;
        body: string;
        extra: string;
        themes: string[];
        visibility?: ItemVisibility;
        requestedVisibility?: ItemVisibility | null;
      },
    ): Promise<void> {
      await db
        .update(i)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(i.id, id));
    },

    /**
     * Changes an item's visibility and request (the author asks, or a coordinator shares at
     * once); says whether the row changed.
     */
    async updateVisibility(
      id: number,
      values: { visibility?: ItemVisibility; requestedVisibility: ItemVisibility | null },
    ): Promise<boolean> {
      const rows = await db
        .update(i)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(i.id, id))
        .returning({ id: i.id });
      return rows.length > 0;
    },

    /** Lessons drawn from an experiment or a case (any visibility: shown within the network). */
    async listLessonsFrom(source: LessonSource, sourceId: number) {
      return db
        .select({ id: i.id, title: i.title })
        .from(i)
        .where(and(eq(i.kind, 'lesson'), eq(i.sourceType, source), eq(i.sourceId, sourceId)))
        .orderBy(asc(i.id));
    },

    async listThemes(scope: ViewerScope): Promise<string[]> {
      const theme = sql<string>`unnest(${i.themes})`;
      const rows = await db
        .selectDistinct({ theme: theme.as('theme') })
        .from(i)
        .where(visibleTo(scope))
        .orderBy(sql`1`)
        .limit(60);
      return rows.map((r) => r.theme);
    },

    // ── Responses to cases ─────────────────────────────────────────────────────────────

    async insertResponse(values: Omit<ResponseRow, 'id' | 'helped' | 'createdAt'>) {
      const rows = await db
        .insert(libraryResponses)
        .values(values)
        .returning({ id: libraryResponses.id });
      return rows[0]!.id;
    },

    async listResponses(itemId: number): Promise<ResponseRow[]> {
      return db
        .select(responseColumns)
        .from(libraryResponses)
        .where(eq(libraryResponses.itemId, itemId))
        .orderBy(asc(libraryResponses.createdAt), asc(libraryResponses.id));
    },

    /** Marks (or unmarks) a response to this case as helpful; false if it is not one of its. */
    async updateHelped(itemId: number, responseId: number, helped: boolean): Promise<boolean> {
      const rows = await db
        .update(libraryResponses)
        .set({ helped })
        .where(and(eq(libraryResponses.itemId, itemId), eq(libraryResponses.id, responseId)))
        .returning({ id: libraryResponses.id });
      return rows.length > 0;
    },

    // ── Reflections: only ever by their own person ──────────────────────────────────────

    async insertReflection(personId: number, question: string, text: string): Promise<number> {
      const rows = await db
        .insert(reflections)
        .values({ personId, question, text })
        .returning({ id: reflections.id });
      return rows[0]!.id;
    },

    async listReflections(personId: number): Promise<ReflectionRow[]> {
      return db
        .select({
          id: reflections.id,
          question: reflections.question,
          text: reflections.text,
          createdAt: reflections.createdAt,
        })
        .from(reflections)
        .where(eq(reflections.personId, personId))
        .orderBy(desc(reflections.createdAt), desc(reflections.id));
    },

    async deleteReflection(personId: number, id: number): Promise<void> {
      await db
        .delete(reflections)
        .where(and(eq(reflections.personId, personId), eq(reflections.id, id)));
    },

    // ── For search and person data ─────────────────────────────────────────────────────

    async listItemsForIndex(kind: ItemKind, ids?: readonly number[]): Promise<ItemRow[]> {
      if (ids !== undefined && ids.length === 0) return [];
      return db
        .select(itemColumns)
        .from(i)
        .where(and(eq(i.kind, kind), ids ? inArray(i.id, [...ids]) : undefined))
        .orderBy(asc(i.id));
    },

    async listOwnItems(personId: number): Promise<ItemRow[]> {
      return db.select(itemColumns).from(i).where(eq(i.authorId, personId)).orderBy(asc(i.id));
    },

    async listOwnResponses(personId: number): Promise<ResponseRow[]> {
      return db
        .select(responseColumns)
        .from(libraryResponses)
        .where(eq(libraryResponses.authorId, personId))
        .orderBy(asc(libraryResponses.id));
    },

    /** Erasure: reflections go; items and responses stay without the author. */
    async erasePerson(personId: number): Promise<void> {
      await db.delete(reflections).where(eq(reflections.personId, personId));
      await db.update(i).set({ authorId: null }).where(eq(i.authorId, personId));
      await db
        .update(libraryResponses)
        .set({ authorId: null })
        .where(eq(libraryResponses.authorId, personId));
    },
  };
}

export type LibraryRepository = ReturnType<typeof libraryRepository>;
