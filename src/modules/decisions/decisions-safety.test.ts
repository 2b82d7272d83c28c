// Decisions are safe to show and to find: every text field escaped on every page that shows
// it, and search finds a decision for its network's members only.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dayOffset, useDecisionsApp } from '#test/helpers/decisions.js';

describe('decisions: escaping and search', () => {
  const d = useDecisionsApp();
  const { clients, base, record } = d;

  test('XSS in every text field is escaped on every page that shows it', async () => {
    const coordinator = clients.coordinator!;
    const x = (field: string) => `<script>alert("${field}")</script><img src=x onerror=alert(1)>`;
    const fields = {
      title: x('title'),
      body: x('body'),
      reasons: x('reasons'),
      decidedByName: x('decidedByName'),
      involvementWho: x('involvementWho'),
      effectReasoning: x('effectReasoning'),
      dissent1RaisedBy: x('raisedBy'),
      dissent1Objection: x('objection'),
      dissent1Response: x('response'),
      decidedOn: dayOffset(-30),
      reviewOn: dayOffset(-1),
    };
    const id = await record(coordinator, fields);
    const noneCame = await record(coordinator, {
      title: x('title2'),
      involvement: 'not_involved',
      involvementWho: x('reason'),
      dissent1RaisedBy: '',
      dissent1Objection: '',
      dissent1Response: '',
      dissentNoneCame: 'on',
      dissentInvited: x('dissentInvited'),
    });
    await coordinator.post(
      `${base()}/${noneCame}/herzien`,
      { reviewEffect: 'restores', reviewText: x('reviewText') },
      { from: `${base()}/${noneCame}/herzien` },
    );
    const pages = [
      base(),
      `${base()}/te-herzien`,
      `${base()}/${id}`,
      `${base()}/${id}/geschiedenis`,
      `${base()}/${id}/bewerken`,
      `${base()}/${id}/herzien`,
      `${base()}/${noneCame}`,
      `${base()}/${noneCame}/geschiedenis`,
      `/buurt/${d.world.networks.a.slug}`,
    ];
    for (const url of pages) {
      const response = await coordinator.get(url);
      assert.equal(response.statusCode, 200, url);
      assert.ok(!/<script>alert/.test(response.body), url);
      assert.ok(!/<img src=x/.test(response.body), url);
    }
    const detail = await coordinator.get(`${base()}/${id}`);
    for (const field of ['title', 'body', 'reasons', 'decidedByName', 'involvementWho']) {
      assert.ok(detail.body.includes(`&lt;script>alert(&quot;${field}&quot;)`), field);
    }
    for (const field of ['effectReasoning', 'raisedBy', 'objection', 'response']) {
      assert.ok(detail.body.includes(`alert(&quot;${field}&quot;)`), field);
    }
    const other = await coordinator.get(`${base()}/${noneCame}`);
    for (const field of ['title2', 'reason', 'dissentInvited', 'reviewText']) {
      assert.ok(other.body.includes(`alert(&quot;${field}&quot;)`), field);
    }
  });

  test('decisions are found by the network’s members in search, and only by them', async () => {
    await record(clients.coordinator!, {
      title: 'Zoekproefbesluit over de speeltuin',
      reasons: 'Kinderen spelen graag buiten.',
    });
    const found = await clients.resident!.get('/zoeken?q=zoekproefbesluit');
    assert.equal(found.statusCode, 200);
    assert.ok(found.body.includes('Zoekproefbesluit over de speeltuin'));
    assert.ok(found.body.includes('Besluit'));
    const elsewhere = await clients.coordinatorB!.get('/zoeken?q=zoekproefbesluit');
    assert.ok(!elsewhere.body.includes('Zoekproefbesluit over de speeltuin'));
  });
});
