// Search over signals, sparks, meetings and minutes and budget proposals: each module's
// provider, written through the modules' services (which refresh the index), searched by
// every actor of every tenant; never what they may not see, never person-bound signals,
// waiting or hidden items; gone after hiding, withdrawal, an edit or erasure.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { budgetingModule } from '#src/modules/budgeting/index.js';
import { budgetingRepository } from '#src/modules/budgeting/repository.js';
import { budgetingService } from '#src/modules/budgeting/service.js';
import { listModules } from '#src/modules/index.js';
import { meetingsService } from '#src/modules/meetings/service.js';
import { networks } from '#src/modules/network/tables.js';
import { signalsModule } from '#src/modules/signals/index.js';
import { signalsService } from '#src/modules/signals/service/index.js';
import { sparksModule } from '#src/modules/sparks/index.js';
import { sparksService } from '#src/modules/sparks/service.js';
import { DEFAULT_RULE } from '#src/pb/index.js';
import type { Actor } from '#src/platform/actor.js';
import { translator } from '#src/platform/i18n/index.js';
import { createTestApp, type TestApp, TestClient, testConfig } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import {
  buildSearchActors,
  coordinatorOf,
  type Level,
  mayFind,
  type Net,
  type SearchActorName,
  searchActors,
} from '#test/helpers/search-actors.js';
import { MARK_END, MARK_START } from './repository.js';
import { searchService } from './service.js';

const nets = ['a', 'b', 'c', 'd'] as const;

describe('search providers: signals, sparks, meetings, minutes, budget proposals', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const actors = new Map<SearchActorName, Actor | undefined>();
  /** Every document written: its own word, type, owner network and level. */
  const documents: { word: string; type: string; owner: Net; level: Level }[] = [];
  const ids: Record<string, number> = {};
  const id = (n: Net) => world.networks[n].id;
  const search = () =>
    searchService(
      t.database.db,
      listModules().flatMap((m) => ('search' in m && m.search ? [m.search] : [])),
    );
  const find = async (actor: SearchActorName, text: string) =>
    search().search(actors.get(actor), { text }, 1);
  /** Public content of a public network is public; network D has no public pages. */
  const publicLevel = (owner: Net): Level => (owner === 'd' ? 'network' : 'public');

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    const db = t.database.db;
    await db
      .update(networks)
      .set({ isPublic: false })
      .where(eq(networks.id, id('d')));
    for (const [name, actor] of buildSearchActors(world)) actors.set(name, actor);
    const signals = signalsService(db);
    const sparks = sparksService(db);
    const meetings = meetingsService(db);
    const budget = budgetingService(db, testConfig().cookieSecret!);
    const budgetRepo = budgetingRepository(db);
    const doc = (word: string, type: string, owner: Net, level: Level) =>
      documents.push({ word, type, owner, level });

    for (const owner of nets) {
      const by = actors.get(coordinatorOf(owner))!;
      const signal = (word: string, personBound: boolean) =>
        signals.createSignal(by, id(owner), {
          title: `Signaal ${owner}`,
          description: `Buurtbewoners zien veel zwerfvuil. ${word} speurproef`,
          theme: 'public_space',
          place: 'Dorpsstraat',
          trigger: '',
          raisedBy: 'resident',
          origin: 'street',
          personBound,
        });
      ids[`signal${owner}`] = await signal(`kenwoord${owner}signaal`, false);
      doc(`kenwoord${owner}signaal`, 'signal', owner, 'network');
      await signal(`kenwoord${owner}persoonlijk`, true);
      doc(`kenwoord${owner}persoonlijk`, 'signal', owner, 'never');
      await signals.submitPublic(id(owner), {
        description: `Buurtbewoners melden iets. kenwoord${owner}ingezonden speurproef`,
        place: '',
        email: undefined,
      });
      doc(`kenwoord${owner}ingezonden`, 'signal', owner, 'never');

      const spark = async (word: string, isPublic: boolean) => {
        await sparks.saveMembersPublicAtOnce({
          networkId: id(owner),
          atOnce: true,
          actorId: by.personId,
          origin: 'test',
        });
        const added = await sparks.addSpark({
          networkId: id(owner),
          authorId: by.personId,
          text: `Buurtbewoners hielpen elkaar. ${word} speurproef`,
          isPublic,
        });
        assert.ok(added.ok);
        return added.id;
      };
      ids[`spark${owner}`] = await spark(`kenwoord${owner}vonkje`, false);
      doc(`kenwoord${owner}vonkje`, 'spark', owner, 'network');
      ids[`publicSpark${owner}`] = await spark(`kenwoord${owner}openvonkje`, true);
      doc(`kenwoord${owner}openvonkje`, 'spark', owner, publicLevel(owner));
      ids[`visitorSpark${owner}`] = await sparks.submitFromPublic(
        id(owner),
        `Buurtbewoners van buiten. kenwoord${owner}bezoeker speurproef`,
        '',
      );
      doc(`kenwoord${owner}bezoeker`, 'spark', owner, 'never');

      const meeting = (word: string, isPublic: boolean) =>
        meetings.createMeeting(id(owner), {
          kind: 'residents_evening',
          title: `Avond ${owner}`,
          startsAt: new Date('2031-03-01T18:00:00Z'),
          endsAt: new Date('2031-03-01T20:00:00Z'),
          description: 'Voor alle buurtbewoners.',
          place: 'Buurthuis',
          isPublic,
          maxPlaces: null,
          agenda: [{ origin: 'resident', title: `Speurproef ${word}` }],
        });
      ids[`publicMeeting${owner}`] = await meeting(`kenwoord${owner}openavond`, true);
      doc(`kenwoord${owner}openavond`, 'meeting', owner, publicLevel(owner));
      ids[`meeting${owner}`] = await meeting(`kenwoord${owner}avond`, false);
      doc(`kenwoord${owner}avond`, 'meeting', owner, 'network');
      await meetings.saveMinutes(
        id(owner),
        ids[`publicMeeting${owner}`]!,
        `- De buurtbewoners spraken af. kenwoord${owner}verslag speurproef`,
      );
      doc(`kenwoord${owner}verslag`, 'minutes', owner, 'network');

      const roundId = await budgetRepo.insertRound(id(owner), {
        title: 'Wijkbudget',
        description: '',
        budgetCents: 1_000_000,
        submissionUntil: null,
        reviewUntil: null,
        votingFrom: null,
        votingUntil: null,
        ballotType: 'approval-budget',
        minSelections: 1,
        maxSelections: 0,
        pointsTotal: 10,
        rule: DEFAULT_RULE,
        ties: 'default',
        voteByCode: true,
        voteByAccount: true,
        minAge: 0,
      });
      const round = (await budgetRepo.findRound(id(owner), roundId))!;
      const propose = async (word: string) => {
        const saved = await budget.submitProposal(round, by.personId, {
          title: `Voorstel ${owner}`,
          description: `Bankjes voor buurtbewoners. ${word} speurproef`,
          place: 'Plein',
          costCents: 100_000,
        });
        assert.ok(saved.ok);
        return saved.id;
      };
      const accepted = await propose(`kenwoord${owner}voorstel`);
      await budget.reviewProposal(
        round,
        (await budgetRepo.findProposalById(accepted))!,
        {
          status: 'accepted',
          reason: 'Past binnen de regels.',
          costCents: 100_000,
          costReason: '',
        },
        { personId: by.personId, origin: 'test' },
      );
      ids[`proposal${owner}`] = accepted;
      ids[`round${owner}`] = roundId;
      doc(`kenwoord${owner}voorstel`, 'budget_proposal', owner, publicLevel(owner));
      await propose(`kenwoord${owner}ingediend`);
      doc(`kenwoord${owner}ingediend`, 'budget_proposal', owner, 'never');
    }
  });
  after(() => t.close());

  test(`never a leak: ${searchActors.length} actors × ${nets.length * 11} documents, each by its own word`, async () => {
    let found = 0;
    let hidden = 0;
    for (const name of searchActors) {
      for (const d of documents) {
        const result = await find(name, d.word);
        const sees = mayFind(name, d.owner, d.level);
        assert.equal(result.total, sees ? 1 : 0, `${name} searching ${d.word}`);
        assert.equal(result.hits.length, sees ? 1 : 0, `${name} searching ${d.word}`);
        if (sees) {
          found++;
          assert.equal(result.hits[0]!.type, d.type);
          assert.ok(result.hits[0]!.snippet.includes(`${MARK_START}${d.word}${MARK_END}`));
        } else hidden++;
      }
    }
    assert.ok(found > 0 && hidden > 0);
  });

  test('a shared word: the count is exactly what each actor may see, over every page', async () => {
    for (const name of searchActors) {
      const allowed = documents.filter((d) => mayFind(name, d.owner, d.level)).map((d) => d.word);
      const seen: string[] = [];
      for (let page = 1; page <= 6; page++) {
        const result = await search().search(actors.get(name), { text: 'speurproef' }, page);
        assert.equal(result.total, allowed.length, name);
        for (const hit of result.hits) seen.push(/kenwoord[a-d][a-z]+/.exec(hit.snippet)![0]);
      }
      assert.deepEqual(seen.sort(), [...allowed].sort(), name);
    }
  });

  test('Dutch stemming for every new type: "buurtbewoner" finds "buurtbewoners"', async () => {
    for (const type of ['signal', 'spark', 'meeting', 'minutes', 'budget_proposal']) {
      const result = await search().search(
        actors.get('resident'),
        { text: 'buurtbewoner', types: [type] },
        1,
      );
      assert.ok(result.total > 0, type);
      for (const hit of result.hits) assert.equal(hit.type, type);
      assert.ok(
        result.hits.some((h) =>
          h.snippet.toLowerCase().includes(`${MARK_START}buurtbewoners${MARK_END}`),
        ),
        type,
      );
    }
  });

  test('paths: public items lead to the public pages, the rest to the members’ pages', async () => {
    const a = world.networks.a;
    const pathOf = async (word: string) => (await find('admin', word)).hits[0]!.path;
    assert.equal(await pathOf('kenwoordasignaal'), `/netwerk/${a.id}/signalen/${ids.signala}`);
    assert.equal(await pathOf('kenwoordaopenvonkje'), `/buurt/${a.slug}`);
    assert.equal(await pathOf('kenwoordavonkje'), `/netwerk/${a.id}/vonkjes#vonkje-${ids.sparka}`);
    assert.equal(
      await pathOf('kenwoordaopenavond'),
      `/buurt/${a.slug}/bijeenkomsten/${ids.publicMeetinga}`,
    );
    assert.equal(
      await pathOf('kenwoordaverslag'),
      `/netwerk/${a.id}/bijeenkomsten/${ids.publicMeetinga}#verslag`,
    );
    assert.equal(
      await pathOf('kenwoordavoorstel'),
      `/buurt/${a.slug}/wijkbudget/${ids.rounda}#voorstel-${ids.proposala}`,
    );
    assert.equal(
      await pathOf('kenwoorddvoorstel'),
      `/netwerk/${world.networks.d.id}/wijkbudget/${ids.roundd}`,
    );
    // The meeting's kind names it in Dutch, and the minutes say what they are.
    assert.equal(
      (await find('admin', 'kenwoordaverslag')).hits[0]!.title,
      'Verslag: Bewonersavond: Avond a',
    );
  });

  test('approval: a waiting signal and a visitor’s spark are found once approved', async () => {
    const db = t.database.db;
    const coordinator = actors.get('coordinator')!;
    // Through the modules' faces, as the moderation page approves them.
    const [signalPublication] = signalsModule.publication!;
    const [sparkPublication] = sparksModule.publication!;
    const decision = { by: coordinator.personId, at: new Date(), origin: 'test' };
    const [pending] = await signalPublication!.listWaiting(db, id('a'), 10, translator('nl'));
    assert.ok(pending);
    assert.equal((await find('resident', 'kenwoordaingezonden')).total, 0);
    assert.ok(
      await signalPublication!.approve(db, id('a'), pending.id, { ...decision, choice: 'safety' }),
    );
    assert.equal((await find('resident', 'kenwoordaingezonden')).total, 1);
    assert.equal((await find('coordinatorB', 'kenwoordaingezonden')).total, 0);
    const themed = await search().search(
      actors.get('resident'),
      { text: 'kenwoordaingezonden', theme: 'veiligheid' },
      1,
    );
    assert.equal(themed.total, 1, 'the theme filter knows the Dutch theme name');

    assert.equal((await find('anonymous', 'kenwoordabezoeker')).total, 0);
    assert.ok(await sparkPublication!.approve(db, id('a'), ids.visitorSparka!, decision));
    assert.equal((await find('anonymous', 'kenwoordabezoeker')).total, 1);
    assert.equal((await find('coordinatorD', 'kenwoordabezoeker')).total, 1);
  });

  test('edits: the new words are found, the old ones are gone', async () => {
    const db = t.database.db;
    const coordinator = actors.get('coordinator')!;
    await signalsService(db).editSignal(coordinator, id('a'), ids.signala!, {
      title: 'Signaal a',
      description: 'Nu over kenwoordanieuwsignaal',
      theme: 'public_space',
      place: '',
      trigger: '',
    });
    assert.equal((await find('resident', 'kenwoordasignaal')).total, 0);
    assert.equal((await find('resident', 'kenwoordanieuwsignaal')).total, 1);

    await meetingsService(db).saveMinutes(id('a'), ids.meetinga!, 'Over kenwoordanieuwverslag');
    assert.equal((await find('resident', 'kenwoordanieuwverslag')).total, 1);
    assert.equal((await find('anonymous', 'kenwoordanieuwverslag')).total, 0);
    await meetingsService(db).updateMeeting(id('a'), ids.publicMeetinga!, {
      kind: 'residents_evening',
      title: 'Avond a',
      startsAt: new Date('2031-03-01T18:00:00Z'),
      endsAt: new Date('2031-03-01T20:00:00Z'),
      description: 'Besloten nu: kenwoordabesloten',
      place: '',
      isPublic: false,
      maxPlaces: null,
      agenda: [],
    });
    assert.equal((await find('anonymous', 'kenwoordaopenavond')).total, 0);
    assert.equal((await find('anonymous', 'kenwoordabesloten')).total, 0);
    assert.equal((await find('resident', 'kenwoordabesloten')).total, 1);
  });

  test('hiding and withdrawing: a spark and a proposal leave the index at once', async () => {
    const db = t.database.db;
    const coordinator = actors.get('coordinator')!;
    const [sparkModeration] = sparksModule.moderation!;
    const [proposalModeration] = budgetingModule.moderation!;
    assert.equal((await find('anonymous', 'kenwoordaopenvonkje')).total, 1);
    await db.transaction((tx) =>
      sparkModeration!.hide(tx, ids.publicSparka!, {
        reason: 'Noemt een buur.',
        by: coordinator.personId,
        at: new Date(),
      }),
    );
    for (const name of searchActors) {
      assert.equal((await find(name, 'kenwoordaopenvonkje')).total, 0, name);
    }
    await db.transaction((tx) =>
      sparkModeration!.withdraw(tx, ids.sparkb!, {
        by: world.people.coordinatorB.id,
        at: new Date(),
      }),
    );
    assert.equal((await find('coordinatorB', 'kenwoordbvonkje')).total, 0);

    assert.equal((await find('anonymous', 'kenwoordavoorstel')).total, 1);
    await db.transaction((tx) =>
      proposalModeration!.hide(tx, ids.proposala!, {
        reason: 'Dubbel ingediend.',
        by: coordinator.personId,
        at: new Date(),
      }),
    );
    assert.equal((await find('admin', 'kenwoordavoorstel')).total, 0);

    const round = (await budgetingRepository(db).findRound(id('b'), ids.roundb!))!;
    const proposal = (await budgetingRepository(db).findProposalById(ids.proposalb!))!;
    await budgetingService(db, testConfig().cookieSecret!).withdrawProposal(round, proposal, {
      personId: world.people.coordinatorB.id,
      origin: 'test',
    });
    assert.equal((await find('admin', 'kenwoordbvoorstel')).total, 0);
  });

  test('erasure: a spark’s photo description leaves the index with the photo', async () => {
    const db = t.database.db;
    const photo = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#80a040' },
    })
      .jpeg()
      .toBuffer();
    const added = await sparksService(db).addSpark({
      networkId: id('c'),
      authorId: world.people.coordinatorC.id,
      text: 'Een zonnige middag: kenwoordctekst',
      isPublic: false,
      photoDescription: 'Kinderen met kenwoordcfoto',
      photo: { data: photo, truncated: false, chosen: true },
    });
    assert.ok(added.ok);
    assert.equal((await find('coordinatorC', 'kenwoordcfoto')).total, 1);
    await db.transaction((tx) => sparksModule.personData!.erase(tx, world.people.coordinatorC.id));
    assert.equal((await find('coordinatorC', 'kenwoordcfoto')).total, 0);
    assert.equal((await find('coordinatorC', 'kenwoordctekst')).total, 1, 'the spark stays');
  });

  test('the type filter offers the new types with Dutch labels, and filters by them', async () => {
    const resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
    const page = await resident.get('/zoeken');
    for (const [value, label] of [
      ['signal', 'Signaal'],
      ['spark', 'Vonkje'],
      ['meeting', 'Bijeenkomst'],
      ['minutes', 'Verslag'],
      ['budget_proposal', 'Wijkbudgetvoorstel'],
    ]) {
      assert.match(page.body, new RegExp(`<option value="${value}"[^>]*>${label}</option>`));
    }
    const typed = await resident.get('/zoeken?q=speurproef&soort=minutes');
    assert.equal(typed.statusCode, 200);
    assert.match(typed.body, /kenwoordaverslag/);
    assert.ok(!typed.body.includes('kenwoordavonkje'));
  });
});
