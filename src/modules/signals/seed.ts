import type { Database } from '../../db/client.js';

/** Demo data of this module; runs after the network demo (people and networks exist). */
export async function seedSignalsDemo(_db: Database): Promise<void> {}
