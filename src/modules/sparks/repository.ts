// All SQL of the sparks module. Every query is scoped by its network. Authors' names come
// from the people module's face (see service.ts).
import { and, asc, desc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { sparkPhotos, sparks } from './tables.js';

export interface SparkRow {
  id: number;
  networkId: number;
  text: string;
  isPublic: boolean;
  status: 'published' | 'pending';
  photoId: number | null;
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
  photoId: sparks.photoId,
  createdAt: sparks.createdAt,
  authorId: sparks.authorId,
  visitorName: sparks.visitorName,
};

export function sparksRepository(db: Executor) {
  function sparkQuery() {
    return db.select(sparkColumns).from(sparks);
  }

  return {
    // Photos

    async insertPhoto(photo: {
      networkId: number;
      contentType: string;
      width: number;
      height: number;
      data: Buffer;
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
      status: 'published' | 'pending';
      photoId?: number | null;
      createdAt?: Date;
    }): Promise<number> {
      const rows = await db.insert(sparks).values(spark).returning({ id: sparks.id });
      return rows[0]!.id;
    },

    async listWall(networkId: number, limit = 200): Promise<SparkRow[]> {
      return sparkQuery()
        .where(and(eq(sparks.networkId, networkId), eq(sparks.status, 'published')))
        .orderBy(desc(sparks.createdAt), desc(sparks.id))
        .limit(limit);
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

    async listPending(networkId: number): Promise<SparkRow[]> {
      return sparkQuery()
        .where(and(eq(sparks.networkId, networkId), eq(sparks.status, 'pending')))
        .orderBy(asc(sparks.createdAt), asc(sparks.id));
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

    async publishPending(networkId: number, sparkId: number): Promise<boolean> {
      const rows = await db
        .update(sparks)
        .set({ status: 'published', isPublic: true })
        .where(
          and(
            eq(sparks.networkId, networkId),
            eq(sparks.id, sparkId),
            eq(sparks.status, 'pending'),
          ),
        )
        .returning({ id: sparks.id });
      return rows.length > 0;
    },

    async deletePending(networkId: number, sparkId: number): Promise<boolean> {
      const rows = await db
        .delete(sparks)
        .where(
          and(
            eq(sparks.networkId, networkId),
            eq(sparks.id, sparkId),
            eq(sparks.status, 'pending'),
          ),
        )
        .returning({ id: sparks.id });
      return rows.length > 0;
    },

    async sparksOfPerson(personId: number) {
      return db
        .select({
          networkId: sparks.networkId,
          text: sparks.text,
          isPublic: sparks.isPublic,
          createdAt: sparks.createdAt,
          photoId: sparks.photoId,
        })
        .from(sparks)
        .where(eq(sparks.authorId, personId))
        .orderBy(asc(sparks.createdAt));
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
  };
}

export type SparksRepository = ReturnType<typeof sparksRepository>;
