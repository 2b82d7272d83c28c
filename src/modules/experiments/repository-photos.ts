// The SQL of logbook photos (one at most per entry, in their own table); part of
// experimentsRepository (repository.ts). A photo is always reached through its entry, and the
// entry through its experiment, so no query crosses experiments.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { PhotoChange } from '../../platform/photos.js';
import { experimentLogEntries, experimentLogPhotos } from './tables.js';

/** What a page needs to show a logbook photo (never its bytes). */
export interface LogPhotoMeta {
  entryId: number;
  width: number;
  height: number;
  description: string;
}

export function logPhotosRepository(db: Executor) {
  return {
    /** Applies a form's photo change to an entry (set: added or replaced; keep: description). */
    async applyLogPhoto(entryId: number, change: PhotoChange): Promise<void> {
      const photos = experimentLogPhotos;
      if (change.action === 'remove') {
        await db.delete(photos).where(eq(photos.entryId, entryId));
      } else if (change.action === 'keep') {
        await db
          .update(photos)
          .set({ description: change.description })
          .where(eq(photos.entryId, entryId));
      } else {
        const values = { ...change.photo, description: change.description, createdAt: new Date() };
        await db
          .insert(photos)
          .values({ entryId, ...values })
          .onConflictDoUpdate({ target: photos.entryId, set: values });
      }
    },

    /** The photos of an experiment's logbook, by entry (sizes and alt texts). */
    async listLogPhotoMeta(experimentId: number): Promise<LogPhotoMeta[]> {
      return db
        .select({
          entryId: experimentLogPhotos.entryId,
          width: experimentLogPhotos.width,
          height: experimentLogPhotos.height,
          description: experimentLogPhotos.description,
        })
        .from(experimentLogPhotos)
        .innerJoin(experimentLogEntries, eq(experimentLogEntries.id, experimentLogPhotos.entryId))
        .where(eq(experimentLogEntries.experimentId, experimentId));
    },

    /** One entry's photo, when the entry belongs to the experiment. */
    async findLogPhoto(
      experimentId: number,
      entryId: number,
    ): Promise<{ contentType: string; data: Buffer; description: string } | undefined> {
      const rows = await db
        .select({
          contentType: experimentLogPhotos.contentType,
          data: experimentLogPhotos.data,
          description: experimentLogPhotos.description,
        })
        .from(experimentLogPhotos)
        .innerJoin(experimentLogEntries, eq(experimentLogEntries.id, experimentLogPhotos.entryId))
        .where(
          and(
            eq(experimentLogEntries.experimentId, experimentId),
            eq(experimentLogPhotos.entryId, entryId),
          ),
        );
      return rows[0];
    },

    /** The photos of the entries a person wrote (for their download), by entry. */
    async listLogPhotosOfAuthor(
      personId: number,
    ): Promise<{ entryId: number; contentType: string; data: Buffer }[]> {
      return db
        .select({
          entryId: experimentLogPhotos.entryId,
          contentType: experimentLogPhotos.contentType,
          data: experimentLogPhotos.data,
        })
        .from(experimentLogPhotos)
        .innerJoin(experimentLogEntries, eq(experimentLogEntries.id, experimentLogPhotos.entryId))
        .where(eq(experimentLogEntries.authorId, personId))
        .orderBy(asc(experimentLogPhotos.entryId));
    },

    /** Erasure: the photos of the person's entries go (a photo may show them). */
    async deleteLogPhotosOfAuthor(personId: number): Promise<void> {
      const own = db
        .select({ id: experimentLogEntries.id })
        .from(experimentLogEntries)
        .where(eq(experimentLogEntries.authorId, personId));
      await db.delete(experimentLogPhotos).where(inArray(experimentLogPhotos.entryId, own));
    },
  };
}
