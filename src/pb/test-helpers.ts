/** Builders shared by the pb tests (not part of the public index). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Instance } from './types.js';

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

/** The pabulib folder: env PABULIB_DIR, else ../shared/pabulib from the repository root. */
export function pabulibDir(): string | undefined {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dir = process.env.PABULIB_DIR ?? join(root, '..', 'shared', 'pabulib');
  return existsSync(dir) ? dir : undefined;
}
