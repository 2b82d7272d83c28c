// Mail in tests: no mail server is set, so every mail stays in the outbox table.
import { sql } from 'drizzle-orm';
import type { Database } from '#src/db/client.js';
import { rows } from './database.js';

/** A mail as the outbox keeps it (column names as PostgreSQL returns them). */
export interface OutboxMail {
  subject: string;
  body: string;
  person_id: number | null;
}

/** The last mail written to `address`, or undefined when there is none. */
export async function lastMailTo(
  t: { database: { db: Database } },
  address: string,
): Promise<OutboxMail | undefined> {
  const [mail] = await rows<OutboxMail>(
    t,
    sql`select subject, body, person_id from outbox where recipient = ${address} order by id desc limit 1`,
  );
  return mail;
}
