// Shared by the administration's test files: counts of what the administration can change,
// and a world of every role, each signed in with a client of its own.
import { sql } from 'drizzle-orm';
import { type TestApp, TestClient } from './app.js';
import { rows } from './database.js';
import { createWorld, TEST_PASSWORD } from './factories.js';

export type World = Awaited<ReturnType<typeof createWorld>>;

/** Everything the administration can change, as counts: a refused request changes none. */
export async function snapshot(t: TestApp): Promise<string> {
  const found = await rows<Record<string, number>>(
    t,
    sql`select
      (select count(*)::int from regions) as regions,
      (select count(*)::int from municipalities) as municipalities,
      (select count(*)::int from areas) as areas,
      (select count(*)::int from networks) as networks,
      (select string_agg(concat(name, description, contact_phone, is_public), '|' order by id) from networks) as details,
      (select count(*)::int from organisations) as organisations,
      (select count(*)::int from network_organisations) as links,
      (select count(*)::int from leader_scopes) as leaders,
      (select count(*)::int from people) as people,
      (select count(*)::int from people where deactivated_at is not null) as closed,
      (select count(*)::int from sessions) as sessions,
      (select count(*)::int from invitations) as invitations,
      (select count(*)::int from password_resets) as resets,
      (select count(*)::int from app_settings) as settings,
      (select count(*)::int from outbox) as mails`,
  );
  return JSON.stringify(found[0]);
}

/** Every role but the administrator, as createWorld names them. */
export const roles = [
  'resident',
  'professional',
  'coordinator',
  'council',
  'leader',
  'coordinatorB',
  'coordinatorC',
  'coordinatorD',
] as const;

/** A world with every role and the administrator signed in, each from its own address. */
export async function signedInWorld(
  t: TestApp,
): Promise<{ world: World; clients: Map<string, TestClient> }> {
  const world = await createWorld(t.database.db);
  const clients = new Map<string, TestClient>();
  for (const [i, name] of [...roles, 'admin' as const].entries()) {
    const client = new TestClient(t.app, `10.30.0.${i + 1}`);
    await client.login(world.people[name].email!, TEST_PASSWORD);
    await client.get('/');
    clients.set(name, client);
  }
  return { world, clients };
}
