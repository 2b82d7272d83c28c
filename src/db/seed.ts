// The demo: a fictional region with its neighbourhoods, loaded on the first start only.
// Each module adds its part through its manifest's seed, in the module list's order.
import { listModules } from '../modules/index.js';
import { platformRepository } from '../platform/repository.js';
import type { DatabaseHandle } from './client.js';

export async function seedDemoIfEmpty(database: DatabaseHandle): Promise<boolean> {
  return database.exclusive(async () => {
    const platform = platformRepository(database.db);
    if (await platform.findSetting('demo_seeded_at')) return false;
    await seedDemo(database);
    await platform.insertSettingOnce('demo_seeded_at', new Date().toISOString());
    return true;
  });
}

/** Loads every module's demo data into an empty, migrated database. */
export async function seedDemo(database: DatabaseHandle): Promise<void> {
  for (const module of listModules()) await module.seed?.(database.db);
}
