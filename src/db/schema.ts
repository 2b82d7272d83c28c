// Every table of every module, for Drizzle's typed queries and for drizzle-kit.
import * as platform from '../platform/tables.js';

export const schema = { ...platform };
export type Schema = typeof schema;
