import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createVotingRound } from '#test/helpers/budgeting.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { budgetingRepository } from './repository.js';

type Need = 'view' | 'propose' | 'review' | 'manage' | 'withdraw';

/** Every member route of the module and what it needs. */
const ROUTES: { method: 'GET' | 'POST'; path: string; need: Need }[] = [
  { method: 'GET', path: '', need: 'view' },
  { method: 'GET', path: '/nieuw', need: 'manage' },
  { method: 'POST', path: '/nieuw', need: 'manage' },
  { method: 'GET', path: '/:r', need: 'view' },
  { method: 'GET', path: '/:r/bewerken', need: 'manage' },
  { method: 'POST', path: '/:r/bewerken', need: 'manage' },
  { method: 'POST', path: '/:r/fase', need: 'manage' },
  { method: 'GET', path: '/:r/voorstellen/nieuw', need: 'propose' },
  { method: 'POST', path: '/:r/voorstellen/nieuw', need: 'propose' },
  { method: 'POST', path: '/:r/voorstellen/:p/beoordelen', need: 'review' },
  { method: 'POST', path: '/:r/voorstellen/:p/intrekken', need: 'withdraw' },
  { method: 'POST', path: '/:r/codes', need: 'manage' },
  { method: 'POST', path: '/:r/codes/adressen', need: 'manage' },
  { method: 'POST', path: '/:r/codes/adressen/wissen', need: 'manage' },
  { method: 'GET', path: '/:r/codes/print', need: 'manage' },
  { method: 'GET', path: '/:r/codes.csv', need: 'manage' },
  { method: 'GET', path: '/:r/codes.pdf', need: 'manage' },
  { method: 'POST', path: '/:r/tellen', need: 'manage' },
];

const ACTORS = [
  'anonymous',
  'resident',
  'professional',
  'council',
  'coordinator',
  'leader',
  'admin',
  'coordinatorB',
] as const;
type Actor = (typeof ACTORS)[number];

/** Who may do what in network A (the table, written out by hand; B: coordinatorB and admin). */
const MAY: Record<Need, Actor[]> = {
  view: ['resident', 'professional', 'council', 'coordinator', 'admin'],
  propose: ['resident', 'professional', 'council', 'coordinator'],
  withdraw: ['resident', 'professional', 'council', 'coordinator'],
  review: ['professional', 'council', 'coordinator', 'admin'],
  manage: ['coordinator', 'admin'],
};

describe('budgeting access: every member route × role × own and other network', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients = new Map<Actor, TestClient>();
  const targets: Record<'a' | 'b', { network: number; round: number; proposal: number }> =
    {} as never;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    for (const key of ['a', 'b'] as const) {
      const network = world.networks[key].id;
      const { roundId, ids } = await createVotingRound(t.database.db, network);
      // Back to submission, so proposing is open; the round has no ballots.
      await budgetingRepository(t.database.db).updateRound(network, roundId, {
        phase: 'submission',
      });
      targets[key] = { network, round: roundId, proposal: ids[0]! };
    }
    for (const [i, name] of ACTORS.entries()) {
      const client = new TestClient(t.app, `10.30.0.${i + 1}`);
      if (name !== 'anonymous') await client.login(world.people[name].email!, TEST_PASSWORD);
      await client.get('/');
      clients.set(name, client);
    }
  });
  after(() => t.close());

  test(`${ACTORS.length} actors × 2 networks × ${ROUTES.length} routes: allowed, 403 at home, 404 elsewhere`, async () => {
    const wrong: string[] = [];
    for (const actor of ACTORS) {
      for (const key of ['a', 'b'] as const) {
        const target = targets[key];
        const memberHere =
          key === 'a' ? MAY.view.includes(actor) && actor !== 'admin' : actor === 'coordinatorB';
        for (const route of ROUTES) {
          const url = `/netwerk/${target.network}/wijkbudget${route.path}`
            .replace(':r', String(target.round))
            .replace(':p', String(target.proposal));
          const client = clients.get(actor)!;
          const response =
            route.method === 'GET' ? await client.get(url) : await client.post(url, {});
          const allowed =
            actor === 'admin'
              ? MAY[route.need].includes('admin')
              : key === 'a'
                ? MAY[route.need].includes(actor)
                : actor === 'coordinatorB';
          let expected: string;
          if (actor === 'anonymous') expected = route.method === 'GET' ? '303' : '403';
          // One refusal rule (platform/access.ts): 403 in one's own network, else 404 — an
          // administrator is not a member, so what they may not do is not found.
          else if (!allowed) expected = memberHere ? '403' : '404';
          // Nobody wrote the proposal: withdrawing someone else's plan is refused.
          else if (route.need === 'withdraw') expected = '403';
          else expected = route.method === 'GET' ? '200' : 'ok';
          const got = response.statusCode;
          const fine =
            expected === 'ok' ? got < 500 && got !== 403 && got !== 404 : String(got) === expected;
          if (!fine)
            wrong.push(
              `${actor} ${route.method} ${route.path} on ${key}: ${got}, expected ${expected}`,
            );
        }
      }
    }
    assert.deepEqual(wrong, []);
    // Nothing changed by any of it: the rounds are still in submission with their proposals.
    for (const key of ['a', 'b'] as const) {
      const repo = budgetingRepository(t.database.db);
      const round = (await repo.findRound(targets[key].network, targets[key].round))!;
      assert.equal(round.phase, 'submission');
      assert.equal((await repo.findProposal(round.id, targets[key].proposal))!.status, 'accepted');
    }
  });
});
