// Use cases of the voting codes: batches (by number or from an address list, whose
// addresses are sealed beside their codes for the letters only), printing, the demo's
// codes, and erasing the addresses. Part of budgetingService (service.ts).
import type { Database } from '../../db/client.js';
import { type codeKeys, newVotingCode } from './codes.js';
import { budgetingRepository, type RoundRow } from './repository.js';
import { AccountVotesError, auditRound, type Doer } from './service-common.js';

/** The code use cases, built from the database and the code keys of budgetingService. */
export function codesService(db: Database, keys: ReturnType<typeof codeKeys>) {
  const repo = budgetingRepository(db);

  /** Makes a batch of codes (with their letters' addresses, sealed, when given). */
  async function makeCodes(
    round: RoundRow,
    count: number,
    doer: Doer,
    addresses?: string[],
  ): Promise<number> {
    let refused = false;
    const made = await db.transaction(async (tx) => {
      const r = budgetingRepository(tx);
      // Locked for update: no account ballot can cross the check below.
      await r.lockRound(round.networkId, round.id, 'update');
      if ((await r.countAccountVotesWithoutCode(round.id)) > 0) {
        refused = true;
        return 0;
      }
      const batch = (await r.findLastBatch(round.id)) + 1;
      const codes: { codeHash: string; sealed: string; addressSealed: string | null }[] = [];
      for (let i = 0; i < count; i++) {
        const code = newVotingCode();
        const address = addresses?.[i];
        codes.push({
          codeHash: keys.hash(code),
          sealed: keys.seal(code),
          addressSealed: address ? keys.seal(address) : null,
        });
      }
      await r.insertCodes(round.id, batch, codes);
      await auditRound(
        tx,
        doer,
        'budget.codes.generate',
        round,
        'ok',
        `${count} codes${addresses ? ' from addresses' : ''}, batch ${batch}`,
      );
      return batch;
    });
    if (refused) {
      await auditRound(
        db,
        doer,
        'budget.codes.generate',
        round,
        'denied',
        'accounts voted without code',
      );
      throw new AccountVotesError();
    }
    return made;
  }

  return {
    /**
     * One code per address of an address list (each a line, at most CODES_PER_BATCH_MAX):
     * the addresses are sealed beside their codes for the letters only and erased when the
     * voting phase ends. Returns the batch; AccountVotesError as generateCodes.
     */
    generateCodesForAddresses(round: RoundRow, addresses: string[], doer: Doer): Promise<number> {
      return makeCodes(round, addresses.length, doer, addresses);
    },

    /** Erases the addresses of the round's letters now (the coordinator's button); audited. */
    async eraseAddresses(round: RoundRow, doer: Doer): Promise<number> {
      const erased = await repo.eraseAddresses(round.id);
      await auditRound(db, doer, 'budget.codes.addresses.erase', round, 'ok', `${erased}`);
      return erased;
    },

    countAddresses: repo.countAddresses,

    /** Makes `count` new codes (stored hashed and sealed); returns the batch number. */
    generateCodes(round: RoundRow, count: number, doer: Doer): Promise<number> {
      return makeCodes(round, count, doer);
    },

    /**
     * The unused codes to print, each with the letter's address when it was made from an
     * address list (null otherwise); audited as a print.
     */
    async listLettersForPrint(
      round: RoundRow,
      doer: Doer,
      how: string,
    ): Promise<{ code: string; address: string | null }[]> {
      const rows = await repo.listSealedCodes(round.id, true);
      await auditRound(db, doer, 'budget.codes.print', round, 'ok', `${how}: ${rows.length} codes`);
      return rows.map((r) => ({
        code: keys.unseal(r.sealed),
        address: r.addressSealed ? keys.unseal(r.addressSealed) : null,
      }));
    },

    /** The printable codes of a round (unused ones), audited: who printed them and how. */
    async listCodesForPrint(round: RoundRow, doer: Doer, how: string): Promise<string[]> {
      const rows = await repo.listSealedCodes(round.id, true);
      await auditRound(db, doer, 'budget.codes.print', round, 'ok', `${how}: ${rows.length} codes`);
      return rows.map((r) => keys.unseal(r.sealed));
    },

    /**
     * Demo mode only: unused codes to list on the voting page. Codes sealed with another key
     * (a demo seeded before COOKIE_SECRET was set) cannot open and are left out.
     */
    async listDemoCodes(round: RoundRow, limit: number): Promise<string[]> {
      const codes: string[] = [];
      for (const row of await repo.listSealedCodes(round.id, true)) {
        if (codes.length >= limit) break;
        try {
          codes.push(keys.unseal(row.sealed));
        } catch {
          // sealed with another key: not usable here
        }
      }
      return codes;
    },
  };
}
