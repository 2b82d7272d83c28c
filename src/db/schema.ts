// Every table of every module, for Drizzle's typed queries and for drizzle-kit.
import * as network from '../modules/network/tables.js';
import * as people from '../modules/people/tables.js';
import * as signals from '../modules/signals/tables.js';
import * as sparks from '../modules/sparks/tables.js';
import * as platform from '../platform/tables.js';

export const schema = { ...platform, ...network, ...people, ...signals, ...sparks };
export type Schema = typeof schema;
