// All SQL of the search module: writing the index (documents handed over by the modules'
// providers) and querying it with the Dutch text search configuration. The permission
// filter is part of every query: rows the searcher may not see are never selected.
import { and, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SearchDocument } from '../../platform/module.js';
import type { ViewerScope } from '../../platform/visibility.js';
import { searchDocuments, searchIndexState } from './tables.js';

/** Markers around highlighted words in snippets (private-use characters, never typed). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

export interface SearchQuery {
  /** What the person typed (web search syntax: words, "a phrase", -not, or). */
  text: string;
  types?: readonly string[] | undefined;
  theme?: string | undefined;
  networkId?: number | undefined;
  /** Documents that occurred on or after `from` and before `until`. */
  from?: Date | undefined;
  until?: Date | undefined;
  limit: number;
  offset: number;
}

export interface SearchHit {
  type: string;
  sourceId: number;
  networkId: number;
  title: string;
  path: string;
  occurredAt: Date;
  rank: number;
  /** Part of the body with matches between MARK_START and MARK_END; plain text otherwise. */
  snippet: string;
}

const BATCH = 500;

/** The permission filter of a scope (see platform/visibility.ts canSee: the same rule). */
export function permissionFilter(scope: ViewerScope): SQL | undefined {
  if (scope.all) return undefined;
  const d = searchDocuments;
  const parts: SQL[] = [eq(d.visibility, 'public')];
  if (scope.networkIds.length > 0) parts.push(inArray(d.networkId, scope.networkIds));
  if (scope.municipalityIds.length > 0) {
    parts.push(
      and(
        inArray(d.visibility, ['municipality', 'region']),
        inArray(d.municipalityId, scope.municipalityIds),
      )!,
    );
  }
  if (scope.regionIds.length > 0) {
    parts.push(and(eq(d.visibility, 'region'), inArray(d.regionId, scope.regionIds))!);
  }
  return or(...parts);
}

export function searchRepository(db: Executor) {
  const d = searchDocuments;

  function conditions(query: SearchQuery, scope: ViewerScope, tsquery: SQL): SQL {
    const where: (SQL | undefined)[] = [sql`${d.document} @@ ${tsquery}`, permissionFilter(scope)];
    if (query.types && query.types.length > 0) where.push(inArray(d.type, [...query.types]));
    if (query.theme) where.push(sql`${query.theme} = any(${d.themes})`);
    if (query.networkId !== undefined) where.push(eq(d.networkId, query.networkId));
    if (query.from) where.push(gte(d.occurredAt, query.from));
    if (query.until) where.push(lt(d.occurredAt, query.until));
    return and(...where)!;
  }

  return {
    /** Replaces the index rows of these source ids of one type with `documents`. */
    async replaceDocuments(
      type: string,
      sourceIds: readonly number[],
      documents: readonly SearchDocument[],
    ): Promise<void> {
      if (sourceIds.length > 0) {
        await db.delete(d).where(and(eq(d.type, type), inArray(d.sourceId, [...sourceIds])));
      }
      await this.insertDocuments(documents);
    },

    async insertDocuments(documents: readonly SearchDocument[]): Promise<void> {
      for (let i = 0; i < documents.length; i += BATCH) {
        await db.insert(d).values(
          documents.slice(i, i + BATCH).map((doc) => ({
            type: doc.type,
            sourceId: doc.sourceId,
            networkId: doc.networkId,
            municipalityId: doc.municipalityId,
            regionId: doc.regionId,
            visibility: doc.visibility,
            title: doc.title,
            body: doc.body,
            themes: doc.themes,
            occurredAt: doc.occurredAt,
            path: doc.path,
          })),
        );
      }
    },

    async deleteType(type: string): Promise<void> {
      await db.delete(d).where(eq(d.type, type));
    },

    /**
     * Claims the full build of a type: true for the one caller that inserts its state row
     * (others wait for that transaction, then find the row and get false).
     */
    async claimBuild(type: string): Promise<boolean> {
      const rows = await db
        .insert(searchIndexState)
        .values({ type, builtAt: new Date() })
        .onConflictDoNothing()
        .returning({ type: searchIndexState.type });
      return rows.length > 0;
    },

    async listBuiltTypes(): Promise<string[]> {
      const rows = await db.select({ type: searchIndexState.type }).from(searchIndexState);
      return rows.map((r) => r.type);
    },

    async markBuilt(type: string): Promise<void> {
      await db
        .insert(searchIndexState)
        .values({ type, builtAt: new Date() })
        .onConflictDoUpdate({ target: searchIndexState.type, set: { builtAt: new Date() } });
    },

    /** One page of hits, best first, and the number of all hits the scope may see. */
    async searchDocuments(
      query: SearchQuery,
      scope: ViewerScope,
    ): Promise<{ total: number; hits: SearchHit[] }> {
      const tsquery = sql`websearch_to_tsquery('dutch', ${query.text})`;
      const where = conditions(query, scope, tsquery);
      const rank = sql<number>`ts_rank_cd(${d.document}, ${tsquery})`;
      // The ranking pass carries only the keys, the rank and the date (a narrow row for the
      // window count and the sort over every hit the filter lets through); the page's rows
      // are joined back by primary key for their texts, and ts_headline runs on them only.
      const page = db
        .select({
          type: d.type,
          sourceId: d.sourceId,
          occurredAt: d.occurredAt,
          rank: rank.as('rank'),
          total: sql<number>`count(*) over ()`.as('total'),
        })
        .from(d)
        .where(where)
        .orderBy(desc(rank), desc(d.occurredAt), d.type, d.sourceId)
        .limit(query.limit)
        .offset(query.offset)
        .as('page');
      const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
      const rows = await db
        .select({
          type: page.type,
          sourceId: page.sourceId,
          networkId: d.networkId,
          title: d.title,
          path: d.path,
          occurredAt: page.occurredAt,
          rank: page.rank,
          total: page.total,
          snippet: sql<string>`ts_headline('dutch', ${d.body}, ${tsquery}, ${options})`,
        })
        .from(page)
        .innerJoin(d, and(eq(d.type, page.type), eq(d.sourceId, page.sourceId)))
        .orderBy(desc(page.rank), desc(page.occurredAt), page.type, page.sourceId);
      let total = Number(rows[0]?.total ?? 0);
      if (rows.length === 0 && query.offset > 0) {
        // Past the last page: count to say how many there are.
        const counted = await db.select({ n: sql<number>`count(*)::int` }).from(d).where(where);
        total = Number(counted[0]?.n ?? 0);
      }
      return {
        total,
        hits: rows.map(({ total: _, ...r }) => ({
          ...r,
          rank: Number(r.rank),
          occurredAt: r.occurredAt instanceof Date ? r.occurredAt : new Date(r.occurredAt),
        })),
      };
    },

    /** Themes used by documents the scope may see (for the filter), most used first. */
    async listThemes(scope: ViewerScope, limit = 40): Promise<string[]> {
      const theme = sql<string>`unnest(${d.themes})`;
      const rows = await db
        .select({ theme: theme.as('theme'), n: sql<number>`count(*)::int`.as('n') })
        .from(d)
        .where(permissionFilter(scope))
        .groupBy(sql`1`)
        .orderBy(sql`2 desc`, sql`1`)
        .limit(limit);
      return rows.map((r) => r.theme);
    },
  };
}

export type SearchRepository = ReturnType<typeof searchRepository>;
