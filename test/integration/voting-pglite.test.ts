// Voting over HTTP against one app process on PGlite: see test/helpers/voting-suite.ts.
import { votingSuite } from '#test/helpers/voting-suite.js';

votingSuite('pglite', 1, false);
