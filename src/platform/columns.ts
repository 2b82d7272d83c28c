// Column types the modules' tables share. Imports nothing of the app: tables.ts files load
// early (drizzle-kit, the combined schema), before the catalogue and its modules.
import { customType } from 'drizzle-orm/pg-core';

/** A `bytea` column as a Buffer (photos live in the database: processes share nothing else). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
