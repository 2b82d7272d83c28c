// Applies the committed SQL migrations in drizzle/ (the same files on PGlite and PostgreSQL).
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url))
  // Compiled code lives one folder deeper (dist/src/db).
  .replace(/[/\\]dist[/\\]drizzle$/, '/drizzle');

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: both migrators take their own driver's type
  const db = handle.db as any;
  await handle.exclusive(async () => {
    if (handle.kind === 'pglite') await migratePglite(db, { migrationsFolder });
    else await migratePg(db, { migrationsFolder });
  });
}
