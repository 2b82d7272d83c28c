// Every table of every module, gathered from the module list (for Drizzle). drizzle-kit
// reads the tables.ts files themselves (drizzle.config.ts) to write migrations.
import { listModules } from '../modules/index.js';
import * as platform from '../platform/tables.js';

/** The combined schema; only src/db may import it (see scripts/check-imports.mjs). */
export function combinedSchema(): Record<string, unknown> {
  return Object.assign({}, platform, ...listModules().map((module) => module.tables));
}
