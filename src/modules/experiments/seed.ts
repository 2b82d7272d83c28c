// The demo's experiments: in each demo network one in every status (idea, running,
// evaluated, stopped), the running and finished ones with a logbook; the evaluated ones
// with lessons in the library, shared with the region.
import type { Database } from '../../db/client.js';
import { daysAgoAt } from '../../demo/time.js';
import { toLocal } from '../../platform/time.js';
import { libraryModule } from '../library/index.js';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';
import { experimentsRepository } from './repository.js';
import type { ExperimentStatus, LogKind } from './tables.js';

const day = (daysAgo: number) => toLocal(daysAgoAt(daysAgo, '12:00')).date;

interface DemoExperiment {
  status: ExperimentStatus;
  title: string;
  question: string;
  approach: string;
  start: number | null;
  end: number | null;
  evaluation?: string;
  log: { kind: LogKind; daysAgo: number; text: string }[];
  lessons?: { title: string; body: string; differently: string; themes: string[] }[];
}

const EXPERIMENTS: DemoExperiment[] = [
  {
    status: 'evaluated',
    title: 'Koffie bij het bankje',
    question:
      'Komen oudere buurtbewoners vaker naar buiten als er elke dinsdag koffie is bij het bankje?',
    approach:
      'Een bewoner en een welzijnswerker schenken acht weken lang elke dinsdagochtend koffie bij het bankje op het plein.',
    start: 120,
    end: 60,
    evaluation:
      'In acht weken kwamen er 23 verschillende mensen langs, van wie 9 die we nog niet kenden. Twee mensen vragen nu zelf of het doorgaat.',
    log: [
      {
        kind: 'observation',
        daysAgo: 118,
        text: 'De eerste dinsdag kwamen er drie mensen, allemaal bekenden.',
      },
      {
        kind: 'surprise',
        daysAgo: 104,
        text: 'Een meneer van de flat kwam een eigen thermoskan brengen. Hij bleef een uur.',
      },
      {
        kind: 'setback',
        daysAgo: 90,
        text: 'Regen: niemand kwam. Volgende keer een partytent mee.',
      },
      {
        kind: 'success',
        daysAgo: 70,
        text: 'Twaalf mensen, en twee buren spraken af om samen boodschappen te doen.',
      },
    ],
    lessons: [
      {
        title: 'Een vaste plek en tijd maken het makkelijk om aan te schuiven',
        body: 'Mensen kwamen vaker toen ze wisten dat het elke dinsdag om tien uur was. Geen folder deed zoveel als de vaste tijd.',
        differently: 'Eerder een partytent regelen, en de flatbewoners persoonlijk uitnodigen.',
        themes: ['eenzaamheid', 'ouderen', 'ontmoeting'],
      },
      {
        title: 'Een duo van bewoner en professional voelt niet als hulpverlening',
        body: 'Doordat er een buurvrouw bij stond, ging het gesprek over de buurt en niet over problemen. Daardoor bleven mensen langer.',
        differently: 'Het duo vanaf het begin samen laten plannen.',
        themes: ['duo', 'eenzaamheid'],
      },
    ],
  },
  {
    status: 'running',
    title: 'Samen eten in de buurtkamer',
    question:
      'Helpt een maandelijkse maaltijd om nieuwe bewoners van de nieuwbouw te leren kennen?',
    approach: 'Bewoners koken om de beurt; de woningcorporatie nodigt nieuwe huurders uit.',
    start: 40,
    end: -50,
    log: [
      {
        kind: 'observation',
        daysAgo: 38,
        text: 'Veertien mensen aan tafel, vier van de nieuwbouw.',
      },
      {
        kind: 'surprise',
        daysAgo: 10,
        text: 'Een nieuwe bewoner bood aan om de volgende keer Syrisch te koken.',
      },
    ],
  },
  {
    status: 'idea',
    title: 'Een ruilkast bij de school',
    question: 'Maakt een ruilkast bij de school dat ouders elkaar vaker aanspreken?',
    approach: '',
    start: null,
    end: null,
    log: [],
  },
  {
    status: 'stopped',
    title: 'Wijkapp voor burenhulp',
    question: 'Vragen buren elkaar vaker om hulp met een app?',
    approach: 'Een proef van drie maanden met een bestaande app.',
    start: 200,
    end: 150,
    log: [
      {
        kind: 'setback',
        daysAgo: 180,
        text: 'Vooral jongere bewoners meldden zich aan; de ouderen niet.',
      },
      {
        kind: 'observation',
        daysAgo: 155,
        text: 'We stoppen: de mensen die we wilden bereiken gebruiken de app niet. Liever aanbellen.',
      },
    ],
  },
];

/** Demo data of this module; runs after the network and people demos. */
export async function seedExperimentsDemo(db: Database): Promise<void> {
  const networks = networkModule.api.networks(db);
  const directory = peopleModule.api.directory(db);
  const repo = experimentsRepository(db);
  for (const slug of ['zonnehoek', 'maalderveld', 'heggerlo']) {
    const network = await networks.findNetworkBySlug(slug);
    if (!network) continue;
    const members = await directory.listMembers(network.id);
    const resident = members.find((m) => m.role === 'resident' || m.role === 'council');
    const professional = members.find((m) => m.role === 'professional' || m.role === 'coordinator');
    if (!resident || !professional) continue;
    // Zonnehoek runs them all; the others an evaluated and a running one.
    const list = slug === 'zonnehoek' ? EXPERIMENTS : EXPERIMENTS.slice(0, 2);
    for (const e of list) {
      const id = await repo.insertExperiment({
        networkId: network.id,
        title: e.title,
        question: e.question,
        approach: e.approach,
        startsOn: e.start === null ? null : day(e.start),
        endsOn: e.end === null ? null : day(e.end),
        createdBy: resident.personId,
        status: e.status,
      });
      await repo.insertTeamMember(id, resident.personId);
      if (e.status !== 'idea') await repo.insertTeamMember(id, professional.personId);
      if (e.evaluation) await repo.updateExperiment(network.id, id, { evaluation: e.evaluation });
      for (const [n, entry] of e.log.entries()) {
        await repo.insertLogEntry({
          experimentId: id,
          kind: entry.kind,
          happenedOn: day(entry.daysAgo),
          authorId: n % 2 === 0 ? resident.personId : professional.personId,
          text: entry.text,
        });
      }
      if (e.lessons) {
        // Shared with the region, as if the coordinator approved it.
        await libraryModule.api.createLessons(db, {
          networkId: network.id,
          authorId: professional.personId,
          source: { type: 'experiment', id, title: e.title },
          lessons: e.lessons,
          visibility: slug === 'zonnehoek' ? 'region' : 'network',
        });
      }
    }
  }
}
