// The voting suite over HTTP against whole app processes (issue 13, "What it must show"):
// many codes at once, one code many times at once, a change after the first ballot, and a
// SIGKILL mid-vote. Run by test/integration/voting.test.ts on the backend of the run: one
// process on PGlite (`npm test`), two sharing one PostgreSQL database (`npm run test:pg`).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '#src/db/client.js';
import { budgetingRepository } from '#src/modules/budgeting/repository.js';
import { DEFAULT_RULE } from '#src/pb/index.js';
import { auditLog } from '#src/platform/tables.js';
import {
  type Backend,
  type Cast,
  postgresAdminUrl,
  postgresReachable,
  prepareVotingSite,
  signedInCoordinator,
  type VotingSite,
  votingBrowser,
} from './voting-servers.js';

const PARALLEL = 1000;
const SAME_CODE = 50;
const KILLED = 300;

/** The ballots of a round as stored: receipts and the votes per proposal. */
async function stored(handle: DatabaseHandle, roundId: number) {
  const repo = budgetingRepository(handle.db);
  const ballots = await repo.listBallots(roundId);
  const receipts = (
    (await handle.db.execute(
      sql`select receipt from budget_ballots where round_id = ${roundId}`,
    )) as unknown as { rows: { receipt: string }[] }
  ).rows.map((r) => r.receipt);
  const perProposal = new Map<number, number>();
  for (const b of ballots) {
    for (const [id, v] of Object.entries(b.choices)) {
      perProposal.set(Number(id), (perProposal.get(Number(id)) ?? 0) + v);
    }
  }
  return {
    ballots: ballots.length,
    voters: await repo.countVoters(roundId),
    receipts,
    perProposal,
  };
}

/** The voting suite on one backend, with `processes` app processes. */
export function votingSuite(backend: Backend, processes: number) {
  const title = `voting over HTTP: ${backend}, ${processes} app process${processes > 1 ? 'es' : ''}`;
  describe(title, () => {
    let site: VotingSite;
    let next = 0;
    /** Codes not used by an earlier test. */
    const take = (n: number) => {
      const codes = site.codes.slice(next, next + n);
      next += n;
      assert.equal(codes.length, n, 'not enough codes');
      return codes;
    };

    before(async () => {
      if (backend === 'postgres') {
        const state = await postgresReachable();
        if (state !== true) throw new Error(`PostgreSQL at ${postgresAdminUrl()}: ${state}`);
      }
      site = await prepareVotingSite(backend, { codes: PARALLEL + 1 + KILLED + 1 });
      await site.start(processes);
    });
    after(() => site?.remove());

    test(`${PARALLEL} ballots from ${PARALLEL} codes in parallel: exactly ${PARALLEL} stored, each counted once`, async () => {
      const browsers = await Promise.all(site.servers.map((s) => votingBrowser(site, s)));
      const codes = take(PARALLEL);
      const expected = new Map<number, number>();
      const results = await Promise.all(
        codes.map((code, k) => {
          const choice = site.ids[k % 3]!;
          expected.set(choice, (expected.get(choice) ?? 0) + 1);
          return browsers[k % browsers.length]!.cast(code, choice, `parallel-${k}-abcdefghijk`);
        }),
      );
      const statuses = new Map<number, number>();
      for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      assert.deepEqual([...statuses], [[303, PARALLEL]], 'every ballot is acknowledged');
      const receipts = new Set(results.map((r) => r.receipt));
      assert.equal(receipts.size, PARALLEL);
      const db = await site.withDatabase((h) => stored(h, site.roundId));
      assert.equal(db.ballots, PARALLEL);
      assert.equal(db.voters, PARALLEL);
      assert.deepEqual(new Set(db.receipts), receipts);
      assert.deepEqual(
        [...db.perProposal].sort(([a], [b]) => a - b),
        [...expected].sort(([a], [b]) => a - b),
      );
    });

    test(`one code submitted ${SAME_CODE} times in parallel: one ballot, the same receipt for all`, async () => {
      const browsers = await Promise.all(site.servers.map((s) => votingBrowser(site, s)));
      const [code] = take(1);
      const results = await Promise.all(
        Array.from({ length: SAME_CODE }, (_, k) =>
          browsers[k % browsers.length]!.cast(code!, site.ids[1]!, 'same-form-key-0123456789'),
        ),
      );
      assert.deepEqual([...new Set(results.map((r) => r.status))], [303]);
      assert.equal(new Set(results.map((r) => r.receipt)).size, 1);
      // The same code with another form is refused.
      const other = await browsers[0]!.cast(code!, site.ids[0]!, 'another-form-key-012345');
      assert.equal(other.status, 409);
      const db = await site.withDatabase((h) => stored(h, site.roundId));
      assert.equal(db.ballots, PARALLEL + 1);
      assert.equal(db.voters, PARALLEL + 1);
      assert.equal(db.receipts.filter((r) => r === results[0]!.receipt).length, 1);
    });

    test('a rule, budget or project change after the first ballot: 409, unchanged, audited', async () => {
      const coordinator = await signedInCoordinator(site, site.servers.at(-1)!);
      const base = `/netwerk/${site.networkId}/wijkbudget/${site.roundId}`;
      const form = {
        title: 'Wijkbudget Testwijk',
        description: '',
        budget: '50.000',
        submissionUntil: '',
        reviewUntil: '',
        votingFrom: '',
        votingUntil: '',
        ballotType: 'approval-budget',
        minSelections: '1',
        maxSelections: '0',
        pointsTotal: '10',
        rule: 'greedy',
        ties: 'default',
        voteByCode: 'on',
        voteByAccount: 'on',
        minAge: '0',
      };
      const edit = await coordinator.post(`${base}/bewerken`, form, `${base}/bewerken`);
      assert.equal(edit.status, 409);
      assert.match(edit.body, /Er is al gestemd/);
      const review = await coordinator.post(
        `${base}/voorstellen/${site.ids[2]}/beoordelen`,
        { decision: 'accepted', reason: 'Goedkoper', cost: '1000', costReason: 'Offerte' },
        base,
      );
      assert.equal(review.status, 409);
      await site.withDatabase(async (h) => {
        const round = (await budgetingRepository(h.db).findRound(site.networkId, site.roundId))!;
        assert.equal(round.budgetCents, 1_000_000);
        assert.equal(round.rule, DEFAULT_RULE);
        const proposal = (await budgetingRepository(h.db).findProposal(
          site.roundId,
          site.ids[2]!,
        ))!;
        assert.equal(proposal.costCents, 500_000);
        const denied = await h.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.objectId, String(site.roundId)), eq(auditLog.result, 'denied')));
        assert.deepEqual(denied.map((d) => d.action).sort(), [
          'budget.proposal.review',
          'budget.round.update',
        ]);
        for (const d of denied) assert.match(d.detail ?? '', /frozen/);
      });
    });

    test('SIGKILL during voting: every acknowledged ballot is counted after the restart', async () => {
      const browsers = await Promise.all(site.servers.map((s) => votingBrowser(site, s)));
      const codes = take(KILLED);
      const acknowledged: { k: number; cast: Cast }[] = [];
      let sent = 0;
      let dead = false;
      // Eight writers cast ballots as fast as the servers take them, until the kill.
      const writers = Array.from({ length: 8 }, async (_, w) => {
        while (!dead && sent < codes.length) {
          const k = sent++;
          try {
            const cast = await browsers[w % browsers.length]!.cast(
              codes[k]!,
              site.ids[k % 3]!,
              `killed-${k}-abcdefghijk`,
            );
            if (cast.status === 303) acknowledged.push({ k, cast });
          } catch {
            return; // the connection died with the process
          }
        }
      });
      const deadline = Date.now() + 60_000;
      while (acknowledged.length < 40 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await site.stop('SIGKILL');
      dead = true;
      await Promise.all(writers);
      assert.ok(acknowledged.length >= 40, `only ${acknowledged.length} ballots before the kill`);
      assert.ok(sent < codes.length, 'the kill came after the last ballot');

      // The database as the killed processes left it (opened before the servers start again,
      // so PGlite's recovery is the same and no extra restart is needed for the look).
      const restarted = await site.withDatabase((h) => stored(h, site.roundId));
      await site.start(processes);
      const receipts = new Set(restarted.receipts);
      for (const { k, cast } of acknowledged) {
        assert.ok(receipts.has(cast.receipt), `acknowledged ballot ${k} was lost`);
      }
      assert.equal(
        restarted.ballots,
        restarted.voters,
        'a ballot without its voted-record or back',
      );
      // Every ballot sent before the kill, sent again with its own form: the stored ones get
      // their receipt back, the rest are stored now; nothing twice, no code burnt.
      // Eight at a time, as the writers sent them.
      const again = await Promise.all(site.servers.map((s) => votingBrowser(site, s)));
      let resent = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let k = resent++; k < codes.length; k = resent++) {
            const cast = await again[k % again.length]!.cast(
              codes[k]!,
              site.ids[k % 3]!,
              `killed-${k}-abcdefghijk`,
            );
            assert.equal(cast.status, 303, `ballot ${k} again`);
          }
        }),
      );
      // The last look: the servers are not needed after it, so they stop first.
      await site.stop();
      const final = await site.withDatabase((h) => stored(h, site.roundId));
      assert.equal(final.ballots, PARALLEL + 1 + KILLED);
      assert.equal(final.voters, PARALLEL + 1 + KILLED);
      assert.equal(new Set(final.receipts).size, final.receipts.length);
    });
  });
}
