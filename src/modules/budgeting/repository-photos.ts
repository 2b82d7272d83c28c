// The budget's SQL for photos (of proposals and realisation updates) and for realisation
// updates; part of budgetingRepository (repository.ts).
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { UpdateRow } from './repository.js';
import { budgetPhotos, budgetProposals, budgetUpdates, type ProposalStatus } from './tables.js';

export function photosAndUpdatesRepository(db: Executor) {
  return {
    /** The photos of the proposals a person sent (for their data export), by proposal. */
    async listPhotosOfAuthor(
      personId: number,
    ): Promise<{ proposalId: number; contentType: string; data: Buffer }[]> {
      return db
        .select({
          proposalId: budgetProposals.id,
          contentType: budgetPhotos.contentType,
          data: budgetPhotos.data,
        })
        .from(budgetProposals)
        .innerJoin(budgetPhotos, eq(budgetPhotos.id, budgetProposals.photoId))
        .where(eq(budgetProposals.authorId, personId))
        .orderBy(asc(budgetProposals.id));
    },

    /** Stores a re-encoded photo (of a proposal or a realisation update); returns its id. */
    async insertPhoto(values: {
      networkId: number;
      contentType: string;
      width: number;
      height: number;
      data: Buffer;
      description: string;
    }): Promise<number> {
      const rows = await db.insert(budgetPhotos).values(values).returning({ id: budgetPhotos.id });
      return rows[0]!.id;
    },

    /**
     * A photo with what decides who may see it: the status of the proposal it belongs to, or
     * that it belongs to a realisation update (always public).
     */
    async findPhoto(photoId: number): Promise<
      | {
          contentType: string;
          data: Buffer;
          description: string;
          proposalStatus: ProposalStatus | null;
          ofUpdate: boolean;
        }
      | undefined
    > {
      const rows = await db
        .select({
          contentType: budgetPhotos.contentType,
          data: budgetPhotos.data,
          description: budgetPhotos.description,
          // Qualified by hand: Drizzle writes columns in a sql template without their table,
          // and "id" would then be the subquery's own.
          proposalStatus: sql<ProposalStatus | null>`(select p.status from budget_proposals p where p.photo_id = budget_photos.id limit 1)`,
          ofUpdate: sql<boolean>`exists (select 1 from budget_updates u where u.photo_id = budget_photos.id)`,
        })
        .from(budgetPhotos)
        .where(eq(budgetPhotos.id, photoId))
        .limit(1);
      return rows[0];
    },

    /** Photo ids → their descriptions (alt texts), for the proposals of a page. */
    async listPhotoDescriptions(photoIds: number[]): Promise<Map<number, string>> {
      if (photoIds.length === 0) return new Map();
      const rows = await db
        .select({ id: budgetPhotos.id, description: budgetPhotos.description })
        .from(budgetPhotos)
        .where(inArray(budgetPhotos.id, photoIds));
      return new Map(rows.map((r) => [r.id, r.description]));
    },

    /** Stores a realisation update of a funded project; returns its id. */
    async insertUpdate(values: {
      roundId: number;
      proposalId: number;
      authorId: number | null;
      text: string;
      photoId: number | null;
      progress: number;
      spentCents: number;
      /** Only for the demo's history; the database's clock otherwise. */
      createdAt?: Date;
    }): Promise<number> {
      const rows = await db
        .insert(budgetUpdates)
        .values(values)
        .returning({ id: budgetUpdates.id });
      return rows[0]!.id;
    },

    /** The realisation updates of a round, oldest first. */
    async listUpdates(roundId: number): Promise<UpdateRow[]> {
      return db
        .select()
        .from(budgetUpdates)
        .where(eq(budgetUpdates.roundId, roundId))
        .orderBy(asc(budgetUpdates.createdAt), asc(budgetUpdates.id));
    },
  };
}
