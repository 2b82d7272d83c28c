// Column types the modules' tables share. Imports nothing of the app: tables.ts files load
// early (drizzle-kit, the combined schema), before the catalogue and its modules.
import { customType, integer, text, timestamp } from 'drizzle-orm/pg-core';

/** A `bytea` column as a Buffer (photos live in the database: processes share nothing else). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The columns of a stored photo (re-encoded, no location or camera data): its type, size in
 * pixels, bytes, and description (its alt text, required with a photo). For a module's own
 * photo table, beside the key that ties the photo to its item.
 */
export function photoColumns() {
  return {
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    data: bytea('data').notNull(),
    description: text('description').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  };
}
