// The SQL of stories' photos (one at most per story, in their own table); part of
// libraryRepository (repository.ts). Who may see a photo is decided on its story.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { PhotoChange } from '../../platform/photos.js';
import { libraryItems, libraryPhotos } from './tables.js';

/** What a page needs to show a story's photo (never its bytes). */
export interface ItemPhotoMeta {
  itemId: number;
  width: number;
  height: number;
  description: string;
}

export function itemPhotosRepository(db: Executor) {
  return {
    /** Applies a form's photo change to an item (set: added or replaced; keep: description). */
    async applyItemPhoto(itemId: number, change: PhotoChange): Promise<void> {
      if (change.action === 'remove') {
        await db.delete(libraryPhotos).where(eq(libraryPhotos.itemId, itemId));
      } else if (change.action === 'keep') {
        await db
          .update(libraryPhotos)
          .set({ description: change.description })
          .where(eq(libraryPhotos.itemId, itemId));
      } else {
        const values = { ...change.photo, description: change.description, createdAt: new Date() };
        await db
          .insert(libraryPhotos)
          .values({ itemId, ...values })
          .onConflictDoUpdate({ target: libraryPhotos.itemId, set: values });
      }
    },

    /** The photos of these items (sizes and alt texts), by item. */
    async listItemPhotoMeta(itemIds: readonly number[]): Promise<Map<number, ItemPhotoMeta>> {
      if (itemIds.length === 0) return new Map();
      const rows = await db
        .select({
          itemId: libraryPhotos.itemId,
          width: libraryPhotos.width,
          height: libraryPhotos.height,
          description: libraryPhotos.description,
        })
        .from(libraryPhotos)
        .where(inArray(libraryPhotos.itemId, [...itemIds]));
      return new Map(rows.map((r) => [r.itemId, r]));
    },

    /** An item's photo (bytes and type), or undefined. */
    async findItemPhoto(
      itemId: number,
    ): Promise<{ contentType: string; data: Buffer; description: string } | undefined> {
      const rows = await db
        .select({
          contentType: libraryPhotos.contentType,
          data: libraryPhotos.data,
          description: libraryPhotos.description,
        })
        .from(libraryPhotos)
        .where(eq(libraryPhotos.itemId, itemId));
      return rows[0];
    },

    /** The photos of the items a person wrote (for their download), by item. */
    async listItemPhotosOfAuthor(
      personId: number,
    ): Promise<{ itemId: number; contentType: string; data: Buffer }[]> {
      return db
        .select({
          itemId: libraryPhotos.itemId,
          contentType: libraryPhotos.contentType,
          data: libraryPhotos.data,
        })
        .from(libraryPhotos)
        .innerJoin(libraryItems, eq(libraryItems.id, libraryPhotos.itemId))
        .where(eq(libraryItems.authorId, personId))
        .orderBy(asc(libraryPhotos.itemId));
    },

    /** Erasure: the photos of the person's items go (a photo may show them). */
    async deleteItemPhotosOfAuthor(personId: number): Promise<void> {
      const own = db
        .select({ id: libraryItems.id })
        .from(libraryItems)
        .where(eq(libraryItems.authorId, personId));
      await db.delete(libraryPhotos).where(inArray(libraryPhotos.itemId, own));
    },
  };
}
