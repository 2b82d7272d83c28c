// Voting over HTTP against two app processes sharing one PostgreSQL database (TEST_DATABASE_URL,
// default postgres://postgres@127.0.0.1:5432/postgres): see test/helpers/voting-suite.ts.
// Without PostgreSQL the suite is skipped with the reason; under CI=true it fails instead.
import { postgresSkip, votingSuite } from '#test/helpers/voting-suite.js';

votingSuite('postgres', 2, await postgresSkip());
