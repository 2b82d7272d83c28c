// Voting over HTTP against whole app processes, on the backend of the run: one process on
// PGlite in `npm test`, two processes sharing one PostgreSQL database in `npm run test:pg`
// (see test/helpers/voting-suite.ts).
import { usingPostgres } from '#test/helpers/database.js';
import { votingSuite } from '#test/helpers/voting-suite.js';

if (usingPostgres) votingSuite('postgres', 2);
else votingSuite('pglite', 1);
