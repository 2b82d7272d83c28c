// Sign-in limits count failed attempts only (issue 9, item 7): people who share an address
// all get in; one account guessed at from one address waits longer after each failure.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createPerson, TEST_PASSWORD } from '#test/helpers/factories.js';
import { LOGIN_FIRST_WAIT_MS } from './service/sign-in.js';

describe('sign-in limits', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** Moves every stored rate limit `ms` into the past, as if that much time went by. */
  const passes = (ms: number) =>
    t.database.db.execute(
      sql`update rate_limits set reset_at = reset_at - make_interval(secs => ${ms / 1000})`,
    );

  test('the community centre: 40 people on one address each sign in once, and all get in', async () => {
    const people = [];
    for (let i = 0; i < 40; i++) people.push(await createPerson(t.database.db));
    const statuses: number[] = [];
    for (const person of people) {
      const client = new TestClient(t.app, '10.4.4.4');
      await client.get('/inloggen');
      statuses.push(
        (await client.post('/inloggen', { identifier: person.email!, password: TEST_PASSWORD }))
          .statusCode,
      );
    }
    assert.deepEqual(statuses, Array(40).fill(303));
  });

  test('wrong passwords for one account from one address: a growing wait, then the right one works', async () => {
    const person = await createPerson(t.database.db);
    const client = new TestClient(t.app, '10.5.5.5');
    await client.get('/inloggen');
    const attempt = (password: string) =>
      client.post('/inloggen', { identifier: person.email!, password });
    for (let i = 0; i < 3; i++) assert.equal((await attempt(`fout-${i}-xxxxxxx`)).statusCode, 400);
    // The fourth try comes too soon, even with the right password: wait first.
    const early = await attempt(TEST_PASSWORD);
    assert.equal(early.statusCode, 429);
    assert.match(early.body, /Wacht even/);
    // From another address the same account is not held up: it is not under attack.
    const elsewhere = new TestClient(t.app, '10.5.5.6');
    assert.equal((await elsewhere.login(person.email!, TEST_PASSWORD)).statusCode, 303);
    // Time passes (the stored limits move back, as a clock moving on would leave them): just
    // before the first wait of LOGIN_FIRST_WAIT_MS ends it still holds; after it, the right
    // password works from the first address too.
    await passes(LOGIN_FIRST_WAIT_MS - 500);
    assert.equal((await attempt(TEST_PASSWORD)).statusCode, 429);
    await passes(1_000);
    assert.equal((await attempt(TEST_PASSWORD)).statusCode, 303);
  });
});
