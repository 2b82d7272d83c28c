// The demo's neighbourhood budget in Zonnehoek: last year's round, counted, with its results
// and explanations; and this year's round in its voting phase, with voting codes that demo
// mode lists on the voting page. Ballots follow a fixed pattern, so the demo is the same
// on every start.
import type { Database } from '../../db/client.js';
import { daysAgoAt } from '../../demo/time.js';
import { DEFAULT_RULE } from '../../pb/index.js';
import { platformRepository } from '../../platform/repository.js';
import { toLocal } from '../../platform/time.js';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';
import { budgetingRepository, type RoundSettings } from './repository.js';
import { budgetingService } from './service.js';

interface DemoProposal {
  title: string;
  description: string;
  place: string;
  euros: number;
  /** Set when review changed the cost: the author's estimate and the public reason. */
  estimate?: { euros: number; reason: string };
  rejected?: string;
}

const LAST_YEAR: DemoProposal[] = [
  {
    title: 'Nieuwe speeltoestellen in het Zonnepark',
    description:
      'De glijbaan is kapot en de schommels zijn oud. Ouders uit de Merelstraat willen samen met de gemeente nieuwe toestellen kiezen.',
    place: 'Zonnepark',
    euros: 12000,
    estimate: {
      euros: 9000,
      reason: 'De ondergrond moet ook vernieuwd worden; dat kost 3.000 euro extra.',
    },
  },
  {
    title: 'Moestuin achter de flat',
    description:
      'Een gezamenlijke moestuin met bakken op hoogte, zodat ook ouderen mee kunnen doen. Drie bewoners nemen het beheer op zich.',
    place: 'Achter de Lijsterflat',
    euros: 4500,
  },
  {
    title: 'Buurtfeest op de Dag van de Buren',
    description:
      'Een middag met muziek, eten uit alle keukens van de wijk en spelletjes voor kinderen.',
    place: 'Pleintje bij de Schakel',
    euros: 3000,
  },
  {
    title: 'Bankjes langs de vijver',
    description: 'Vier bankjes, zodat ouderen onderweg naar de winkels kunnen uitrusten.',
    place: 'Vijverpad',
    euros: 2800,
  },
  {
    title: 'Huiswerkklas in het buurthuis',
    description:
      'Twee middagen per week huiswerkbegeleiding door vrijwilligers, met fruit en thee. Voor kinderen van groep 6 tot en met de tweede klas.',
    place: 'Buurthuis De Schakel',
    euros: 6500,
  },
  {
    title: 'Geveltuintjes in de Merelstraat',
    description:
      'Tegels eruit, planten erin: twintig geveltuintjes, samen aangelegd op één zaterdag.',
    place: 'Merelstraat',
    euros: 1800,
  },
  {
    title: 'Jongerenplek met overkapping',
    description:
      'Een droge plek om te zitten en te praten, bedacht door jongeren uit de wijk zelf.',
    place: 'Bij het trapveldje',
    euros: 9500,
  },
  {
    title: 'Drempels in de Vinkenlaan',
    description: 'Er wordt te hard gereden. Drempels zouden helpen.',
    place: 'Vinkenlaan',
    euros: 15000,
    rejected:
      'Verkeersmaatregelen betaalt de gemeente uit een ander budget. De wijkagent neemt dit mee naar het verkeersoverleg.',
  },
];

const THIS_YEAR: DemoProposal[] = [
  {
    title: 'Repair Café één keer per maand',
    description:
      'Vrijwilligers repareren kapotte spullen samen met de eigenaar. Koffie staat klaar.',
    place: 'Buurthuis De Schakel',
    euros: 2400,
  },
  {
    title: 'Ontmoetingsbank met plantenbak',
    description: 'Een lange bank met een plantenbak eromheen, waar buren elkaar tegenkomen.',
    place: 'Hoek Merelstraat en Lijsterlaan',
    euros: 3500,
  },
  {
    title: 'Zwemles voor volwassenen',
    description:
      'Veel ouders in de wijk kunnen niet zwemmen. Een cursus van tien lessen voor twintig mensen, met oppas voor de kinderen.',
    place: 'Zwembad De Golf',
    euros: 8000,
  },
  {
    title: 'Boomspiegels beplanten',
    description:
      'Bloemen rond de bomen in de Vinkenlaan, onderhouden door de bewoners van de straat.',
    place: 'Vinkenlaan',
    euros: 1500,
  },
  {
    title: 'Kookavonden voor alleenstaanden',
    description: 'Elke twee weken samen koken en eten, om de beurt bij een andere kok uit de wijk.',
    place: 'Buurthuis De Schakel',
    euros: 5200,
    estimate: { euros: 4000, reason: 'De huur van de keuken was niet meegerekend.' },
  },
  {
    title: 'Kunstwerk op de blinde muur',
    description: 'Een muurschildering van kinderen uit de wijk, onder leiding van een kunstenaar.',
    place: 'Zijmuur van de Lijsterflat',
    euros: 7000,
  },
  {
    title: 'Hondenuitlaatveld',
    description: 'Een omheind veld waar honden los mogen lopen.',
    place: 'Grasveld bij de Rietkraag',
    euros: 20000,
    rejected:
      'Het plan kost meer dan het budget voor één plan toelaat en de grond is niet van de gemeente.',
  },
];

function settings(
  title: string,
  euros: number,
  description: string,
  dates: Partial<RoundSettings>,
): RoundSettings {
  return {
    title,
    description,
    budgetCents: euros * 100,
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
    minAge: 16,
    ...dates,
  };
}

const day = (daysAgo: number) => toLocal(daysAgoAt(daysAgo, '12:00')).date;

async function insertProposals(
  repo: ReturnType<typeof budgetingRepository>,
  round: { id: number; networkId: number },
  list: DemoProposal[],
  authors: number[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const [k, p] of list.entries()) {
    const id = await repo.insertProposal({
      roundId: round.id,
      networkId: round.networkId,
      authorId: authors[k % Math.max(authors.length, 1)] ?? null,
      title: p.title,
      description: p.description,
      place: p.place,
      costCents: p.euros * 100,
      estimateCents: (p.estimate?.euros ?? p.euros) * 100,
      costReason: p.estimate?.reason ?? '',
      status: p.rejected ? 'rejected' : 'accepted',
      reviewReason: p.rejected ?? 'Haalbaar; de programmaraad heeft het plan goedgekeurd.',
    });
    if (!p.rejected) ids.push(id);
  }
  return ids;
}

/** How popular each plan is with the demo's voters (chance to approve it), in list order. */
const POPULARITY = [0.55, 0.35, 0.4, 0.5, 0.45, 0.3, 0.25, 0.2];

/** A small fixed-seed random generator (mulberry32), so the demo is the same on every start. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ballot k of a demo round: each plan approved with its popularity, then the most expensive
 * choices dropped until the ballot fits the budget; never empty.
 */
function demoChoices(
  k: number,
  ids: number[],
  costs: number[],
  budgetCents: number,
): Map<number, number> {
  const next = random(1000 + k);
  let chosen = ids.map((_, i) => i).filter((i) => next() < (POPULARITY[i] ?? 0.3));
  if (chosen.length === 0) chosen = [Math.floor(next() * ids.length)];
  chosen.sort((x, y) => costs[x]! - costs[y]!);
  let spent = 0;
  const choices = new Map<number, number>();
  for (const i of chosen) {
    if (spent + costs[i]! > budgetCents) break;
    spent += costs[i]!;
    choices.set(ids[i]!, 1);
  }
  return choices;
}

/** Demo data of this module; runs after the network and people demos. */
/**
 * What the coordinator wrote about last year's funded projects, by title: updates with the
 * days ago, the progress and the money spent in euros. A project at 100 % is done and leaves
 * the public pages; the others show there.
 */
const REALISATION: Record<
  string,
  { daysAgo: number; text: string; progress: number; euros: number }[]
> = {
  'Bankjes langs de vijver': [
    {
      daysAgo: 200,
      text: 'Samen met de gemeente hebben we vier plekken gekozen, met uitzicht op het water en in de schaduw. De bankjes zijn besteld.',
      progress: 25,
      euros: 650,
    },
    {
      daysAgo: 110,
      text: 'Drie bankjes staan er. De vierde komt bij de steiger, als de oever daar klaar is.',
      progress: 75,
      euros: 2100.75,
    },
  ],
  'Moestuin achter de flat': [
    {
      daysAgo: 150,
      text: 'Zes bakken zijn gebouwd en gevuld met aarde. Elf buren doen mee; de eerste sla en radijs zijn gezaaid.',
      progress: 60,
      euros: 2710.25,
    },
  ],
  'Buurtfeest op de Dag van de Buren': [
    {
      daysAgo: 190,
      text: 'Het feest was op het plein voor het buurthuis, met ongeveer 200 buren. Er bleef geld over; dat gaat terug naar het budget.',
      progress: 100,
      euros: 2765,
    },
  ],
};

async function addRealisationUpdates(
  repo: ReturnType<typeof budgetingRepository>,
  round: { id: number; result: unknown },
  who: { coordinator: number | null },
): Promise<void> {
  const funded = new Set(
    ((round.result as { outcome?: { selected?: string[] } } | null)?.outcome?.selected ?? []).map(
      Number,
    ),
  );
  for (const p of await repo.listProposals(round.id, ['accepted'])) {
    if (!funded.has(p.id)) continue;
    for (const u of REALISATION[p.title] ?? []) {
      await repo.insertUpdate({
        roundId: round.id,
        proposalId: p.id,
        authorId: who.coordinator,
        text: u.text,
        photoId: null,
        progress: u.progress,
        spentCents: Math.round(u.euros * 100),
        createdAt: daysAgoAt(u.daysAgo, '14:00'),
      });
    }
  }
}

export async function seedBudgetingDemo(db: Database): Promise<void> {
  const network = await networkModule.api.networks(db).findNetworkBySlug('zonnehoek');
  if (!network) return;
  const members = await peopleModule.api.directory(db).listMembers(network.id);
  const residents = members.filter((m) => m.role === 'resident').map((m) => m.personId);
  // The app's code secret in the demo (see app.ts): the voting codes must open with it.
  const secret = await platformRepository(db).insertSettingOnce(
    'cookie_secret',
    (await import('node:crypto')).randomBytes(32).toString('base64url'),
  );
  const repo = budgetingRepository(db);
  const service = budgetingService(db, secret);
  const doer = { personId: null, origin: 'demo' };

  // Last year: counted, with results.
  const lastId = await repo.insertRound(
    network.id,
    settings(
      'Wijkbudget Zonnehoek 2025',
      25000,
      'Bewoners van Zonnehoek kozen zelf hoe 25.000 euro van de gemeente werd besteed. De programmaraad beoordeelde de plannen.',
      {
        submissionUntil: day(330),
        reviewUntil: day(300),
        votingFrom: day(290),
        votingUntil: day(270),
      },
    ),
  );
  const last = { id: lastId, networkId: network.id };
  const lastIds = await insertProposals(repo, last, LAST_YEAR, residents);
  const lastCosts = LAST_YEAR.filter((p) => !p.rejected).map((p) => p.euros * 100);
  await repo.updateRound(network.id, lastId, { phase: 'voting' });
  const lastRound = (await repo.findRound(network.id, lastId))!;
  await service.generateCodes(lastRound, 160, doer);
  const lastCodes = await service.listCodesForPrint(lastRound, doer, 'demo');
  for (let k = 0; k < 137; k++) {
    await service.castBallot(
      network.id,
      lastId,
      { code: lastCodes[k]! },
      demoChoices(k, lastIds, lastCosts, 2_500_000),
      `demo-2025-${k}-0123456789`,
    );
  }
  await repo.updateRound(network.id, lastId, { phase: 'counting' });
  await service.countVotes((await repo.findRound(network.id, lastId))!, network, doer);
  await addRealisationUpdates(repo, (await repo.findRound(network.id, lastId))!, {
    coordinator: members.find((m) => m.role === 'coordinator')?.personId ?? null,
  });

  // This year: in its voting phase, with codes to try.
  const thisId = await repo.insertRound(
    network.id,
    settings(
      'Wijkbudget Zonnehoek 2026',
      30000,
      'Wat gaan we dit jaar doen met 30.000 euro? Kies de plannen die u goed vindt, samen niet meer dan het budget.',
      { submissionUntil: day(40), reviewUntil: day(20), votingFrom: day(5), votingUntil: day(-14) },
    ),
  );
  const current = { id: thisId, networkId: network.id };
  const thisIds = await insertProposals(repo, current, THIS_YEAR, residents.slice().reverse());
  const thisCosts = THIS_YEAR.filter((p) => !p.rejected).map((p) => p.euros * 100);
  await repo.updateRound(network.id, thisId, { phase: 'voting' });
  const thisRound = (await repo.findRound(network.id, thisId))!;
  await service.generateCodes(thisRound, 60, doer);
  const thisCodes = await service.listCodesForPrint(thisRound, doer, 'demo');
  // A few residents voted already; the rest of the codes are listed in demo mode.
  for (let k = 0; k < 23; k++) {
    await service.castBallot(
      network.id,
      thisId,
      { code: thisCodes[thisCodes.length - 1 - k]! },
      demoChoices(k, thisIds, thisCosts, 3_000_000),
      `demo-2026-${k}-0123456789`,
    );
  }
}
