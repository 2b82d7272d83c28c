/**
 * The pabulib writer: an instance as `.pb` text (https://pabulib.org/format), quoting a
 * field where `;`, a double quote, a line break or edge spaces would change how it reads.
 */
import type { Instance } from './types.js';

function quote(field: string): string {
  return /[;"\r\n]|^\s|\s$/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

function row(fields: string[]): string {
  return fields.map(quote).join(';');
}

/** Writes an instance as `.pb` text; {@link parsePabulib} reads it back to the same instance. */
export function writePabulib(instance: Instance): string {
  const out: string[] = ['META', 'key;value'];
  for (const [k, v] of Object.entries(instance.meta)) out.push(row([k, v]));
  const pc = instance.projectColumns.length > 0 ? instance.projectColumns : ['project_id', 'cost'];
  out.push('PROJECTS', row(pc));
  for (const p of instance.projects) {
    out.push(
      row(
        pc.map((c) =>
          c === 'project_id' ? p.id : c === 'cost' ? String(p.cost) : (p.fields[c] ?? ''),
        ),
      ),
    );
  }
  const hasPoints = instance.ballots.some((b) => b.points !== undefined);
  let vc = instance.voteColumns.length > 0 ? instance.voteColumns : ['voter_id', 'vote'];
  if (hasPoints && !vc.includes('points')) vc = [...vc, 'points'];
  out.push('VOTES', row(vc));
  for (const b of instance.ballots) {
    out.push(
      row(
        vc.map((c) =>
          c === 'voter_id'
            ? b.voterId
            : c === 'vote'
              ? b.projects.join(',')
              : c === 'points'
                ? (b.points ?? []).map(String).join(',')
                : (b.fields[c] ?? ''),
        ),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
