// The demo: a fictional region with its neighbourhoods, loaded on the first start only.

import { seedNetworkDemo } from '../modules/network/index.js';
import { seedSignalsDemo } from '../modules/signals/index.js';
import { seedSparksDemo } from '../modules/sparks/index.js';
import { platformRepository } from '../platform/repository.js';
import type { DatabaseHandle } from './client.js';

/** Each module adds its demo data here, in dependency order. */
const seeders: Array<(database: DatabaseHandle) => Promise<void>> = [
  (database) => seedNetworkDemo(database.db),
  (database) => seedSignalsDemo(database.db),
  (database) => seedSparksDemo(database.db),
];

export async function seedDemoIfEmpty(database: DatabaseHandle): Promise<boolean> {
  return database.exclusive(async () => {
    const platform = platformRepository(database.db);
    if (await platform.findSetting('demo_seeded_at')) return false;
    await seedDemo(database);
    await platform.insertSettingOnce('demo_seeded_at', new Date().toISOString());
    return true;
  });
}

export async function seedDemo(database: DatabaseHandle): Promise<void> {
  for (const seed of seeders) await seed(database);
}
