// The council's consent under concurrency: every change takes the decision's row lock, so
// council members consenting at the same moment all count and the decision is taken once;
// a change of the text at the moment of the last consent never lets a consent to the old
// text decide the new one. On PostgreSQL the calls run at the same moment on separate
// connections; on PGlite one after the other: node scripts/run-tests.mjs --pg <this file>.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '#test/helpers/app.js';
import {
  createMunicipality,
  createNetwork,
  createPerson,
  createRegion,
} from '#test/helpers/factories.js';
import { toLocal } from '../../platform/time.js';
import type { DecisionFields } from './repository.js';
import { decisionsRepository } from './repository.js';
import { decisionsService } from './service.js';

const today = toLocal(new Date()).date;

const fields = (title: string): DecisionFields => ({
  title,
  body: 'Geld voor de moestuin.',
  reasons: 'Bewoners vroegen erom.',
  kind: 'budget',
  decidedBy: 'council',
  decidedByName: '',
  decidedOn: null,
  meetingId: null,
  involvement: 'co_decided',
  involvementWho: 'De bewoners die stemden',
  involvementCount: 40,
  effect: 'strengthens',
  effectReasoning: 'Bewoners doen het zelf.',
  dissent: [],
  dissentNoneCame: true,
  dissentInvited: 'In het overleg.',
  signalIds: [],
  experimentIds: [],
  lessonIds: [],
  reviewOn: today,
  isInternal: false,
});

describe('decisions: the council’s consent under concurrency', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** A network that asks consent for budget decisions, with three council members. */
  async function networkWithCouncil() {
    const db = t.database.db;
    const region = await createRegion(db);
    const municipality = await createMunicipality(db, region.id);
    const network = await createNetwork(db, municipality.id);
    const member = (role: 'coordinator' | 'council') =>
      createPerson(db, { memberOf: [{ networkId: network.id, role }] });
    const coordinator = await member('coordinator');
    const council = [await member('council'), await member('council'), await member('council')];
    const service = decisionsService(db);
    const by = (personId: number) => ({ personId, origin: '127.0.0.1', today });
    await service.setConsentKinds(network.id, ['budget'], by(coordinator.id));
    return { network, coordinator, council, service, by };
  }

  test('three council members consenting at once: all three count, the decision is taken once', async () => {
    for (let round = 0; round < 5; round++) {
      const { network, coordinator, council, service, by } = await networkWithCouncil();
      const { id, awaitingConsent } = await service.createDecision(
        network.id,
        fields('Moestuin'),
        true,
        by(coordinator.id),
      );
      assert.equal(awaitingConsent, true);
      const results = await Promise.all(
        council.map((m) => service.consent(network.id, id, 1, by(m.id))),
      );
      assert.ok(results.every((r) => r.ok));
      assert.equal(results.filter((r) => r.ok && r.decided).length, 1, `round ${round}`);
      const repo = decisionsRepository(t.database.db);
      assert.equal((await repo.findDecision(network.id, id))!.status, 'decided');
      assert.equal((await repo.listConsents(id, 1)).length, 3);
      const versions = await repo.listVersions(id);
      assert.deepEqual(
        versions.map((v) => v.change),
        ['consented', 'created'],
      );
    }
  });

  test('the last consent and a change of the text at once: the old text is never taken as the new', async () => {
    for (let round = 0; round < 5; round++) {
      const { network, coordinator, council, service, by } = await networkWithCouncil();
      const { id } = await service.createDecision(
        network.id,
        fields('Moestuin'),
        true,
        by(coordinator.id),
      );
      await service.consent(network.id, id, 1, by(council[0]!.id));
      await service.consent(network.id, id, 1, by(council[1]!.id));
      const [last, edit] = await Promise.all([
        service.consent(network.id, id, 1, by(council[2]!.id)),
        service.updateDecision(network.id, id, 1, fields('Moestuin en bank'), by(coordinator.id)),
      ]);
      const repo = decisionsRepository(t.database.db);
      const row = (await repo.findDecision(network.id, id))!;
      const versions = (await repo.listVersions(id)).map((v) => v.change).reverse();
      if (last.ok && last.decided) {
        // The consent came first and took the old text; the change then came too late.
        assert.deepEqual(edit, { ok: false, reason: 'changed' });
        assert.equal(row.title, 'Moestuin');
        assert.equal(row.status, 'decided');
        assert.deepEqual(versions, ['created', 'consented']);
      } else {
        // The change came first: the consent to the old text is refused, nothing is taken.
        assert.deepEqual(last, { ok: false, reason: 'changed' });
        assert.equal(edit.ok, true);
        assert.equal(row.title, 'Moestuin en bank');
        assert.equal(row.status, 'proposed');
        assert.deepEqual(versions, ['created', 'edited']);
      }
    }
  });
});
