// The team rule of experiments under concurrency (issue 9, item 5): "a running experiment
// keeps at least one resident and one professional" is checked, then changed. On PostgreSQL
// the calls below run at the same moment on separate connections; on PGlite one after the
// other (the rule must hold either way): node scripts/run-tests.mjs --pg <this file>.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '#test/helpers/app.js';
import {
  createMunicipality,
  createNetwork,
  createPerson,
  createRegion,
} from '#test/helpers/factories.js';
import { experimentsRepository } from './repository.js';
import { experimentsService } from './service.js';

describe('experiments: the team rule under concurrency', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** A new network with two residents and a professional on one experiment (status idea). */
  async function experimentWithTeam() {
    const db = t.database.db;
    const region = await createRegion(db);
    const municipality = await createMunicipality(db, region.id);
    const network = await createNetwork(db, municipality.id);
    const member = (role: 'resident' | 'professional') =>
      createPerson(db, { memberOf: [{ networkId: network.id, role }] });
    const [residentOne, residentTwo, professional] = [
      await member('resident'),
      await member('resident'),
      await member('professional'),
    ];
    const service = experimentsService(db);
    const id = await service.createExperiment(network.id, residentOne.id, {
      title: 'Koffie op het bankje',
      question: 'Komen bewoners vaker buiten?',
      approach: 'Elke dinsdag koffie.',
      startsOn: null,
      endsOn: null,
      teamIds: [residentTwo.id, professional.id],
      signalIds: [],
    });
    const row = async () => (await experimentsRepository(db).findExperiment(network.id, id))!;
    return { network, id, row, residentOne, residentTwo, professional, service };
  }

  test('two removals of the last two residents of a running experiment at once: one is refused (5 tries)', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 5; round++) {
      const e = await experimentWithTeam();
      assert.deepEqual(
        await e.service.changeStatus(e.network.id, await e.row(), 'running', '2031-01-01'),
        { ok: true },
      );
      const running = await e.row();
      const results = await Promise.all([
        e.service.removeTeamMember(e.network.id, running, e.residentOne.id),
        e.service.removeTeamMember(e.network.id, running, e.residentTwo.id),
      ]);
      outcomes.push(
        results
          .map((r) => (r.ok ? 'ok' : r.reason))
          .sort()
          .join(','),
      );
      const team = await experimentsRepository(t.database.db).listTeam(e.id);
      assert.equal(team.length, 2, 'a resident and the professional stay');
    }
    assert.deepEqual(outcomes, Array(5).fill('ok,teamRunning'));
  });

  test('a start and a removal at once never leave a running experiment without its duo (5 tries)', async () => {
    for (let round = 0; round < 5; round++) {
      const e = await experimentWithTeam();
      // Leave one resident: removing them and starting at once must not both succeed.
      await e.service.removeTeamMember(e.network.id, await e.row(), e.residentTwo.id);
      const idea = await e.row();
      const [started, removed] = await Promise.all([
        e.service.changeStatus(e.network.id, idea, 'running', '2031-01-01'),
        e.service.removeTeamMember(e.network.id, idea, e.residentOne.id),
      ]);
      const after = await e.row();
      const team = await experimentsRepository(t.database.db).listTeam(e.id);
      if (after.status === 'running') {
        assert.ok(team.includes(e.residentOne.id), 'running with its resident');
        assert.deepEqual(removed, { ok: false, reason: 'teamRunning' });
      } else {
        assert.deepEqual(started, { ok: false, reason: 'team' });
        assert.deepEqual(removed, { ok: true });
      }
    }
  });

  test('a start and a stop at once from the same page: one moves it, the other is refused', async () => {
    const e = await experimentWithTeam();
    const idea = await e.row();
    const results = await Promise.all([
      e.service.changeStatus(e.network.id, idea, 'running', '2031-01-01'),
      e.service.changeStatus(e.network.id, idea, 'stopped', '2031-01-01'),
    ]);
    assert.deepEqual(results.map((r) => r.ok).sort(), [false, true]);
  });
});
