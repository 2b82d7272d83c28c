// The audit log: who did what, to which object, with what result, from where, when.
// Append-only in the database (a trigger refuses updates and deletes).
import type { Executor } from '../db/client.js';
import { platformRepository } from './repository.js';

export type AuditResult = 'ok' | 'denied' | 'failed';

export interface AuditEvent {
  actorId: number | null;
  action: string;
  result: AuditResult;
  objectType?: string | undefined;
  objectId?: string | number | undefined;
  networkId?: number | null | undefined;
  origin?: string | null | undefined;
  /** Never a name, email address or other identifying text: ids and codes only. */
  detail?: string | undefined;
}

/** Line breaks and control characters could forge extra lines in a log reader. */
export function neutralise(text: string | undefined | null, max = 500): string | null {
  if (text === undefined || text === null) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the characters to remove
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').slice(0, max);
}

export async function recordAudit(db: Executor, event: AuditEvent): Promise<void> {
  await platformRepository(db).insertAudit({
    actorId: event.actorId,
    action: neutralise(event.action, 100)!,
    result: event.result,
    objectType: neutralise(event.objectType, 100),
    objectId: neutralise(event.objectId === undefined ? undefined : String(event.objectId), 100),
    networkId: event.networkId ?? null,
    origin: neutralise(event.origin, 100),
    detail: neutralise(event.detail),
  });
}
