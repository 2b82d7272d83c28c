// All SQL of the sparks module. Every query is scoped by its network. Authors' names come
// from the people module's face (see service.ts).
import { and, asc, desc, eq, gt, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { type SparkState, sparkPhotos, sparkSettings, sparks } from './tables.js';

export interface SparkRow {
  id: number;
  networkId: number;
  text: string;
  isPublic: boolean;
  status: SparkState;
  /** A member's spark waiting for the coordinator before it shows on the public page. */
  publicRequested: boolean;
  photoId: number | null;
  /** The photo's description (its alt text), when the sender gave one. */
  photoDescription: string | null;
  createdAt: Date;
  authorId: number | null;
  visitorName: string | null;
}

const sparkColumns = {
  id: sparks.id,
  networkId: sparks.networkId,
  text: sparks.text,
  isPublic: sparks.isPublic,
  status: sparks.status,
  publicRequested: sparks.publicRequested,
  photoId: sparks.photoId,
  photoDescription: sparkPhotos.description,
  createdAt: sparks.createdAt,
  authorId: sparks.authorId,
  visitorName: sparks.visitorName,
};

/** Waiting for the coordinator: a visitor's spark, or a member's meant for the public page. */
const waiting = or(
  eq(sparks.status, 'pending'),
  and(eq(sparks.status, 'published'), eq(sparks.publicRequested, true)),
);

export function sparksRepository(db: Executor) {
  function sparkQuery() {
    return db
      .select(sparkColumns)
      .from(sparks)
      .leftJoin(sparkPhotos, eq(sparkPhotos.id, sparks.photoId));
  }

  return {
    // Photos

    async insertPhoto(photo: {
      networkId: number;
      contentType: string;
      width: number;
      height: number;
      data: Buffer;
      description?: string | null;
    }): Promise<number> {
      const rows = await db.insert(sparkPhotos).values(photo).returning({ id: sparkPhotos.id });
      return rows[0]!.id;
    },

    /** The photo with the spark it belongs to (for the access decision). */
    async findPhoto(photoId: number) {
      const rows = await db
        .select({
          id: sparkPhotos.id,
          networkId: sparkPhotos.networkId,
          contentType: sparkPhotos.contentType,
          data: sparkPhotos.data,
          isPublic: sparks.isPublic,
          status: sparks.status,
        })
        .from(sparkPhotos)
        .innerJoin(sparks, eq(sparks.photoId, sparkPhotos.id))
        .where(eq(sparkPhotos.id, photoId))
        .limit(1);
      return rows[0];
    },

    async countPhotos(): Promise<number> {
      const rows = await db.select({ n: sql<number>`count(*)::int` }).from(sparkPhotos);
      return rows[0]?.n ?? 0;
    },

    // Sparks

    async insertSpark(spark: {
      networkId: number;
      authorId: number | null;
      visitorName?: string | null;
      text: string;
      isPublic: boolean;
      publicRequested?: boolean;
      status: 'published' | 'pending';
      photoId?: number | null;
      createdAt?: Date;
    }): Promise<number> {
      const rows = await db.insert(sparks).values(spark).returning({ id: sparks.id });
      return rows[0]!.id;
    },

    /** One page of the wall: published sparks, newest first. */
    async listWall(networkId: number, limit: number, offset = 0): Promise<SparkRow[]> {
      return sparkQuery()
        .where(and(eq(sparks.networkId, networkId), eq(sparks.status, 'published')))
        .orderBy(desc(sparks.createdAt), desc(sparks.id))
        .limit(limit)
        .offset(offset);
    },

    async countWall(networkId: number): Promise<number> {
      const rows = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(sparks)
        .where(and(eq(sparks.networkId, networkId), eq(sparks.status, 'published')));
      return rows[0]?.n ?? 0;
    },

    async listPublic(networkId: number, limit: number): Promise<SparkRow[]> {
      return sparkQuery()
        .where(
          and(
            eq(sparks.networkId, networkId),
            eq(sparks.status, 'published'),
            eq(sparks.isPublic, true),
          ),
        )
        .orderBy(desc(sparks.createdAt), desc(sparks.id))
        .limit(limit);
    },

    /** Visitors' sparks, and members' sparks waiting to show on the public page (oldest first). */
    async listPending(networkId: number, limit?: number): Promise<SparkRow[]> {
      const query = sparkQuery()
        .where(and(eq(sparks.networkId, networkId), waiting))
        .orderBy(asc(sparks.createdAt), asc(sparks.id));
      return limit === undefined ? query : query.limit(limit);
    },

    /** Published sparks of a network in (after, upTo], oldest first. */
    async listBetween(networkId: number, after: Date | null, upTo: Date): Promise<SparkRow[]> {
      return sparkQuery()
        .where(
          and(
            eq(sparks.networkId, networkId),
            eq(sparks.status, 'published'),
            after ? gt(sparks.createdAt, after) : undefined,
            lte(sparks.createdAt, upTo),
          ),
        )
        .orderBy(asc(sparks.createdAt), asc(sparks.id));
    },

    async findSpark(networkId: number, sparkId: number): Promise<SparkRow | undefined> {
      const rows = await sparkQuery()
        .where(and(eq(sparks.networkId, networkId), eq(sparks.id, sparkId)))
        .limit(1);
      return rows[0];
    },

    /** Approves a waiting spark: it shows on the wall and the public page. */
    async publishPending(networkId: number, sparkId: number): Promise<boolean> {
      const rows = await db
        .update(sparks)
        .set({ status: 'published', isPublic: true, publicRequested: false })
        .where(and(eq(sparks.networkId, networkId), eq(sparks.id, sparkId), waiting))
        .returning({ id: sparks.id });
      return rows.length > 0;
    },

    /**
     * Refuses a waiting spark: a visitor's is deleted; a member's stays on the members' wall,
     * without going public.
     */
    async rejectPending(networkId: number, sparkId: number): Promise<boolean> {
      const scope = and(eq(sparks.networkId, networkId), eq(sparks.id, sparkId));
      const deleted = await db
        .delete(sparks)
        .where(and(scope, eq(sparks.status, 'pending')))
        .returning({ id: sparks.id });
      if (deleted.length > 0) return true;
      const kept = await db
        .update(sparks)
        .set({ publicRequested: false })
        .where(and(scope, eq(sparks.status, 'published'), eq(sparks.publicRequested, true)))
        .returning({ id: sparks.id });
      return kept.length > 0;
    },

    /** A spark by id alone, for moderation (which checks the network itself). */
    /** Published sparks for the search index: every one, or those of `ids`. */
    async listSparksForIndex(ids?: readonly number[]): Promise<SparkRow[]> {
      const published = eq(sparks.status, 'published');
      return sparkQuery().where(ids ? and(published, inArray(sparks.id, [...ids])) : published);
    },

    async findSparkById(sparkId: number): Promise<SparkRow | undefined> {
      const rows = await sparkQuery().where(eq(sparks.id, sparkId)).limit(1);
      return rows[0];
    },

    /**
     * Takes a published spark down: `hidden` by a coordinator (with a reason) or `withdrawn`
     * by its author. False when it was not published.
     */
    async takeDown(
      sparkId: number,
      change: { state: 'hidden' | 'withdrawn'; reason: string | null; by: number; at: Date },
    ): Promise<boolean> {
      const rows = await db
        .update(sparks)
        .set({
          status: change.state,
          hiddenReason: change.reason,
          moderatedBy: change.by,
          moderatedAt: change.at,
          publicRequested: false,
        })
        .where(and(eq(sparks.id, sparkId), eq(sparks.status, 'published')))
        .returning({ id: sparks.id });
      return rows.length > 0;
    },

    /** Whether members' public sparks show at once (false: they wait; also without a row). */
    async findMembersPublicAtOnce(networkId: number): Promise<boolean> {
      const rows = await db
        .select({ atOnce: sparkSettings.membersPublicAtOnce })
        .from(sparkSettings)
        .where(eq(sparkSettings.networkId, networkId));
      return rows[0]?.atOnce ?? false;
    },

    async saveMembersPublicAtOnce(networkId: number, atOnce: boolean): Promise<void> {
      await db
        .insert(sparkSettings)
        .values({ networkId, membersPublicAtOnce: atOnce })
        .onConflictDoUpdate({
          target: sparkSettings.networkId,
          set: { membersPublicAtOnce: atOnce },
        });
    },

    async sparksOfPerson(personId: number) {
      return db
        .select({
          id: sparks.id,
          networkId: sparks.networkId,
          text: sparks.text,
          isPublic: sparks.isPublic,
          status: sparks.status,
          hiddenReason: sparks.hiddenReason,
          createdAt: sparks.createdAt,
          photoId: sparks.photoId,
          photoType: sparkPhotos.contentType,
        })
        .from(sparks)
        .leftJoin(sparkPhotos, eq(sparkPhotos.id, sparks.photoId))
        .where(eq(sparks.authorId, personId))
        .orderBy(asc(sparks.createdAt));
    },

    /** The photos on a person's sparks (for their download): spark id, type, bytes. */
    async listPhotosOfPerson(personId: number) {
      return db
        .select({
          sparkId: sparks.id,
          contentType: sparkPhotos.contentType,
          data: sparkPhotos.data,
        })
        .from(sparks)
        .innerJoin(sparkPhotos, eq(sparkPhotos.id, sparks.photoId))
        .where(eq(sparks.authorId, personId))
        .orderBy(asc(sparks.id));
    },

    /** Deletes the photos on a person's sparks (a photo may show them); the texts stay. */
    async deletePhotosOfPerson(personId: number): Promise<void> {
      const rows = await db
        .select({ photoId: sparks.photoId })
        .from(sparks)
        .where(and(eq(sparks.authorId, personId), isNotNull(sparks.photoId)));
      const ids = rows.map((r) => r.photoId!).filter((id) => id !== null);
      if (ids.length === 0) return;
      await db.update(sparks).set({ photoId: null }).where(inArray(sparks.photoId, ids));
      await db.delete(sparkPhotos).where(inArray(sparkPhotos.id, ids));
    },

    // The network overview (decision 0014)

    /** How many sparks wait for the coordinator (visitors' ones and members' public ones). */
    async countWaiting(networkId: number): Promise<number> {
      const rows = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(sparks)
        .where(and(eq(sparks.networkId, networkId), waiting));
      return rows[0]?.n ?? 0;
    },

    /** A member's own sparks that wait for the coordinator, newest first. */
    async listWaitingOf(networkId: number, authorId: number, limit: number) {
      return db
        .select({ id: sparks.id, text: sparks.text, createdAt: sparks.createdAt })
        .from(sparks)
        .where(and(eq(sparks.networkId, networkId), eq(sparks.authorId, authorId), waiting))
        .orderBy(desc(sparks.createdAt), desc(sparks.id))
        .limit(limit);
    },

    /** The latest published sparks of the network, for recent activity. */
    async listRecentPublished(networkId: number, limit: number) {
      return db
        .select({ id: sparks.id, text: sparks.text, createdAt: sparks.createdAt })
        .from(sparks)
        .where(and(eq(sparks.networkId, networkId), eq(sparks.status, 'published')))
        .orderBy(desc(sparks.createdAt), desc(sparks.id))
        .limit(limit);
    },
  };
}

export type SparksRepository = ReturnType<typeof sparksRepository>;
