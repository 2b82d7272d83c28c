// The pulse benchmark's data (issue 15): a year of 50 networks (2 regions × 5 municipalities ×
// 5 networks), each with `rows` signals, meetings (3 agenda items each) and decisions, bulk
// inserted in SQL; and the people who read the dashboards. Shared by bench/pulse/run.ts and
// anyone profiling the pulse's queries on a database of their own.
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import {
  createMunicipality,
  createNetwork,
  createPerson,
  createRegion,
} from '../../test/helpers/factories.js';

const REGIONS = 2;
const MUNICIPALITIES_PER_REGION = 5;
const NETWORKS_PER_MUNICIPALITY = 5;

/**
 * Fills an empty, migrated database with the benchmark's year: places, a coordinator of the
 * first network, a leader of the first municipality and one of the first region, and `rows`
 * signals, meetings and decisions per network spread over the last 365 days. Returns the ids.
 */
export async function seedPulseYear(db: Database, rows: number) {
  // Places and the readers: a coordinator of the first network, a leader of the first
  // municipality, a leader of the first region.
  const networkIds: number[] = [];
  const municipalityIds: number[] = [];
  const regionIds: number[] = [];
  for (let r = 0; r < REGIONS; r++) {
    const region = await createRegion(db);
    regionIds.push(region.id);
    for (let m = 0; m < MUNICIPALITIES_PER_REGION; m++) {
      const municipality = await createMunicipality(db, region.id);
      municipalityIds.push(municipality.id);
      for (let n = 0; n < NETWORKS_PER_MUNICIPALITY; n++) {
        networkIds.push((await createNetwork(db, municipality.id)).id);
      }
    }
  }
  const first = networkIds[0]!;
  const coordinator = await createPerson(db, {
    memberOf: [{ networkId: first, role: 'coordinator' }],
  });
  const municipalityLeader = await createPerson(db, {
    leaderOf: { municipalityId: municipalityIds[0]! },
  });
  const regionLeader = await createPerson(db, { leaderOf: { regionId: regionIds[0]! } });

  // A year of data per network, in a few set-based statements.
  const ids = sql.raw(`array[${networkIds.join(',')}]`);
  const themes = sql.raw(
    "array['social_isolation','safety','youth','poverty','public_space','health','housing','elderly']",
  );
  await db.execute(sql`
  insert into signals (network_id, title, theme, raised_by, origin, status, person_bound, created_at)
  select n, 'Signaal ' || g, (${themes})[1 + g % 8],
    (case when g % 3 = 0 then 'professional' else 'resident' end)::signal_raised_by,
    'meeting', (case when g % 50 = 0 then 'pending' else 'new' end)::signal_status,
    g % 20 = 0, now() - (g % 365) * interval '1 day' - (g % 24) * interval '1 hour'
  from unnest(${ids}::int[]) n, generate_series(1, ${rows}) g`);
  await db.execute(sql`
  insert into meetings (network_id, kind, title, starts_at, ends_at, other_residents, other_professionals, cancelled_at)
  select n, 'network_meeting', 'Overleg ' || g, now() - (g % 365) * interval '1 day',
    now() - (g % 365) * interval '1 day' + interval '2 hours', g % 13, g % 5,
    case when g % 40 = 0 then now() end
  from unnest(${ids}::int[]) n, generate_series(1, ${rows}) g`);
  await db.execute(sql`
  insert into meeting_agenda_items (meeting_id, position, origin, title)
  select m.id, p, case when (m.id + p) % 3 = 0 then 'professional' else 'resident' end, 'Punt ' || p
  from meetings m, generate_series(1, 3) p`);
  await db.execute(sql`
  insert into decisions (network_id, title, body, reasons, kind, decided_by, decided_on,
    involvement, effect, effect_reasoning, review_on, status, signal_ids)
  select n, 'Besluit ' || g, 'Tekst', 'Reden', 'other', 'network',
    (current_date - (g % 365))::date,
    (array['co_decided','consulted','informed','not_involved'])[1 + g % 4],
    (array['strengthens','restores','replaces','sedates'])[1 + (g / 4) % 4], 'Omdat',
    (current_date - (g % 365) + 180)::date,
    case when g % 10 = 0 then 'reviewed' when g % 10 = 1 then 'proposed' else 'decided' end,
    case when g % 7 = 0 then array[g] else array[]::int[] end
  from unnest(${ids}::int[]) n, generate_series(1, ${rows}) g`);
  return {
    networkIds,
    municipalityIds,
    regionIds,
    coordinator,
    municipalityLeader,
    regionLeader,
  };
}
