// Every table of every module, for Drizzle's typed queries and for drizzle-kit.
import * as network from '../modules/network/tables.js';
import * as people from '../modules/people/tables.js';
import * as platform from '../platform/tables.js';

export const schema = { ...platform, ...network, ...people };
export type Schema = typeof schema;
