import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DatabaseHandle } from '#src/db/client.js';
import { createVotingRound } from '#test/helpers/budgeting.js';
import { createTestDatabase } from '#test/helpers/database.js';
import { createMunicipality, createNetwork, createRegion } from '#test/helpers/factories.js';

describe('many ballots at once', () => {
  let database: DatabaseHandle;
  let networkId: number;

  before(async () => {
    database = await createTestDatabase();
    const region = await createRegion(database.db);
    const municipality = await createMunicipality(database.db, region.id);
    networkId = (await createNetwork(database.db, municipality.id)).id;
  });
  after(() => database.close());

  test('200 codes cast in parallel: 200 ballots and 200 voted-records, 200 receipts', async () => {
    const { roundId, ids, codes, service } = await createVotingRound(database.db, networkId, {
      codes: 200,
    });
    const results = await Promise.all(
      codes.map((code, k) =>
        service.castBallot(
          networkId,
          roundId,
          { code },
          new Map([[ids[k % 3]!, 1]]),
          `parallel-${k}-abcdefghij`,
        ),
      ),
    );
    assert.equal(results.filter((r) => r.ok && !r.repeated).length, 200);
    assert.equal(new Set(results.map((r) => (r.ok ? r.receipt : ''))).size, 200);
    assert.equal(await service.countBallots(roundId), 200);
    assert.equal(await service.countVoters(roundId), 200);
  });
});
