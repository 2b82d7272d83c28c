/** Builders shared by the pb tests (not part of the public index). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePabulib } from './pabulib.js';
import type { Instance } from './types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Approval instance from `{project: cost}` and ballots as lists of project ids. */
export function approval(
  budget: number,
  costs: Record<string, number>,
  ballots: string[][],
  meta: Record<string, string> = {},
): Instance {
  return {
    meta: { budget: String(budget), vote_type: 'approval', ...meta },
    projectColumns: ['project_id', 'cost'],
    projects: Object.entries(costs).map(([id, cost]) => ({ id, cost, fields: {} })),
    voteColumns: ['voter_id', 'vote'],
    ballots: ballots.map((projects, i) => ({ voterId: `v${i + 1}`, projects, fields: {} })),
  };
}

/** The small real pabulib files kept in the repository (test/fixtures/pabulib). */
export const FIXTURES = join(root, 'test', 'fixtures', 'pabulib');

/** Elections generated for one test each (test/fixtures/generated; META description says how). */
export const GENERATED = join(root, 'test', 'fixtures', 'generated');

/** Path of one fixture file. */
export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** Parses one fixture file. */
export function readFixture(name: string): Instance {
  return parsePabulib(readFileSync(fixture(name), 'utf8')).instance;
}

/** The pabulib folder: env PABULIB_DIR, else ../shared/pabulib from the repository root. */
export function pabulibDir(): string | undefined {
  const dir = process.env.PABULIB_DIR ?? join(root, '..', 'shared', 'pabulib');
  return existsSync(dir) ? dir : undefined;
}

/**
 * For tests on the larger shared pabulib set: `skip` is a reason to print when the folder
 * is missing on a developer's machine, and false on CI (CI=true), where `need()` then
 * fails the test instead of letting it pass unseen.
 */
export function sharedPabulib(): { skip: string | false; need: () => string } {
  const dir = pabulibDir();
  const where = process.env.PABULIB_DIR ?? '../shared/pabulib';
  const ci = process.env.CI === 'true';
  return {
    skip:
      dir || ci
        ? false
        : `needs the pabulib folder ${where} (set PABULIB_DIR); CI fails without it`,
    need: () => {
      if (!dir)
        throw new Error(`the pabulib folder ${where} is missing (CI=true: a failure, not a skip)`);
      return dir;
    },
  };
}
