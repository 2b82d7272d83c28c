// The demo's decisions: a year of decisions in Zonnehoek across the four effects of the
// community strength check and the four levels of resident involvement — some reviewed,
// some due for review, one on the neighbourhood budget taken with the council's consent
// and one still waiting for it — and two in Heggerlo. Recorded through the service, so the
// history, the consents and the audit log are as real use would leave them.
import type { Database } from '../../db/client.js';
import { daysAgoAt } from '../../demo/time.js';
import { translator } from '../../platform/i18n/index.js';
import { toLocal } from '../../platform/time.js';
import { meetingsModule } from '../meetings/index.js';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';
import type { DecisionFields } from './repository.js';
import { decisionsService } from './service.js';
import type { StrengthEffect } from './tables.js';

const day = (daysAgo: number) => toLocal(daysAgoAt(daysAgo, '12:00')).date;

interface DemoDecision {
  fields: Omit<DecisionFields, 'decidedOn' | 'reviewOn' | 'meetingId'>;
  /** Days ago it was decided (null: a proposal). */
  decided: number | null;
  /** Days ago the review date was (negative: still to come). */
  review: number;
  /** Link it to the network meeting nearest to the day it was decided. */
  inMeeting?: boolean;
  reviewed?: { effect: StrengthEffect; text: string };
  /** A budget decision: every council member consents (or only the first, `waiting`). */
  consent?: 'all' | 'waiting';
}

const none = { signalIds: [], experimentIds: [], lessonIds: [] };
const noDissent = (how: string) => ({ dissent: [], dissentNoneCame: true, dissentInvited: how });

const ZONNEHOEK: DemoDecision[] = [
  {
    decided: 330,
    review: 150,
    inMeeting: true,
    fields: {
      title: 'De sleutel van de buurtkamer gaat naar bewoners',
      body: 'Vijf bewoners krijgen een sleutel van de buurtkamer. Zij mogen de kamer zelf openen voor activiteiten, ook in het weekend.',
      reasons:
        'Bewoners wilden vaker iets organiseren, maar moesten steeds wachten tot de welzijnswerker er was.',
      kind: 'activities',
      decidedBy: 'network',
      decidedByName: '',
      involvement: 'co_decided',
      involvementWho: 'De bewoners in het netwerkoverleg; de sleutelhouders meldden zich zelf.',
      involvementCount: 9,
      effect: 'strengthens',
      effectReasoning:
        'Bewoners hoeven niet meer te wachten op ons. Ze regelen het zelf en nodigen elkaar uit.',
      dissent: [
        {
          raisedBy: 'De woningcorporatie',
          objection: 'Wie is er verantwoordelijk als er iets kapotgaat?',
          response: 'We maakten samen huisregels en een lijst van wie wanneer de sleutel heeft.',
        },
      ],
      dissentNoneCame: false,
      dissentInvited: '',
      isInternal: false,
      ...none,
    },
    reviewed: {
      effect: 'strengthens',
      text: 'De kamer is nu vier avonden per week open. Er zijn twee nieuwe activiteiten bedacht door bewoners zelf: een naaicafé en een huiswerkclub.',
    },
  },
  {
    decided: 270,
    review: 60,
    inMeeting: true,
    fields: {
      title: 'De weekmarkt komt terug op het Zonneplein',
      body: 'Vanaf het voorjaar is er weer elke zaterdag een kleine markt op het Zonneplein.',
      reasons:
        'Sinds de markt verdween, komen mensen elkaar minder tegen. Veel oudere bewoners misten hem.',
      kind: 'public_space',
      decidedBy: 'municipality',
      decidedByName: 'Afdeling Economie',
      involvement: 'consulted',
      involvementWho: 'Een enquête bij de supermarkt en een avond in het buurthuis.',
      involvementCount: 64,
      effect: 'restores',
      effectReasoning: 'De markt was een vaste ontmoetingsplek. Die komt terug.',
      dissent: [
        {
          raisedBy: 'Bewoners van de Pleinstraat',
          objection: 'Overlast van vrachtwagens vroeg in de ochtend.',
          response: 'De kramen worden pas na acht uur opgebouwd.',
        },
      ],
      dissentNoneCame: false,
      dissentInvited: '',
      isInternal: false,
      ...none,
    },
  },
  {
    decided: 220,
    review: 25,
    fields: {
      title: 'Een aannemer onderhoudt het groen langs de Lindelaan',
      body: 'Het onderhoud van de plantenbakken langs de Lindelaan gaat naar een aannemer van de gemeente.',
      reasons: 'De gemeente wil alle plantenbakken in de wijk op dezelfde manier onderhouden.',
      kind: 'public_space',
      decidedBy: 'municipality',
      decidedByName: 'Stadsbeheer',
      involvement: 'informed',
      involvementWho: 'Een brief aan alle bewoners van de Lindelaan.',
      involvementCount: null,
      effect: 'replaces',
      effectReasoning:
        'Drie bewoners deden dit jaren zelf. Nu doet een bedrijf het. Dat scheelt hen werk, maar er verdwijnt ook een reden om samen buiten te zijn.',
      dissent: [
        {
          raisedBy: 'De bewoners die de bakken onderhielden',
          objection: 'Wij deden dit graag en niemand vroeg ons iets.',
          response: 'Het netwerk vraagt de gemeente of bewoners één bak zelf mogen houden.',
        },
      ],
      dissentNoneCame: false,
      dissentInvited: '',
      isInternal: false,
      ...none,
    },
  },
  {
    decided: 160,
    review: -30,
    fields: {
      title: 'Camera’s bij het winkelcentrum',
      body: 'Bij de ingang van het winkelcentrum komen twee camera’s.',
      reasons: 'Er waren in korte tijd vier inbraken.',
      kind: 'public_space',
      decidedBy: 'municipality',
      decidedByName: 'Burgemeester, na overleg met de politie',
      involvement: 'not_involved',
      involvementWho:
        'Het besluit viel snel na de inbraken, in overleg tussen gemeente en politie. Bewoners is niets gevraagd.',
      involvementCount: null,
      effect: 'sedates',
      effectReasoning:
        'Camera’s geven een veilig gevoel, maar bewoners letten misschien minder op elkaar. We weten het nog niet.',
      ...noDissent('Na het besluit vroegen we in het netwerkoverleg of iemand bezwaar had.'),
      isInternal: false,
      ...none,
    },
  },
  {
    decided: 110,
    review: -250,
    inMeeting: true,
    consent: 'all',
    fields: {
      title: 'Wijkbudget: € 5.000 voor de moestuin achter de flat',
      body: 'De moestuin krijgt € 5.000 uit het wijkbudget voor bakken, gereedschap en een waterton.',
      reasons: 'Het voorstel kwam van bewoners en had de meeste stemmen in de ronde van dit jaar.',
      kind: 'budget',
      decidedBy: 'council',
      decidedByName: '',
      involvement: 'co_decided',
      involvementWho: 'Bewoners stemden; de programmaraad stemde in.',
      involvementCount: 212,
      effect: 'strengthens',
      effectReasoning: 'Bewoners beheren de tuin zelf en nodigen nieuwe buren uit.',
      dissent: [
        {
          raisedBy: 'Een lid van de programmaraad',
          objection: 'Blijft de tuin ook open voor wie geen bak heeft?',
          response: 'Er komt een bank en een open middag per week.',
        },
      ],
      dissentNoneCame: false,
      dissentInvited: '',
      isInternal: false,
      ...none,
    },
  },
  {
    decided: 60,
    review: -120,
    fields: {
      title: 'Vaste tijden voor het spreekuur van de wijkagent',
      body: 'Het spreekuur van de wijkagent is voortaan elke eerste dinsdag van de maand in het buurthuis.',
      reasons: 'Bewoners wisten niet wanneer ze de wijkagent konden spreken.',
      kind: 'cooperation',
      decidedBy: 'organisation',
      decidedByName: 'Politie, basisteam Wilgendaal',
      involvement: 'consulted',
      involvementWho: 'Bewoners in het netwerkoverleg.',
      involvementCount: 14,
      effect: 'restores',
      effectReasoning: 'Vroeger kende iedereen de wijkagent. Zo wordt hij weer bekend.',
      ...noDissent('We vroegen in het overleg en in de nieuwsbrief om bezwaren.'),
      isInternal: true,
      ...none,
    },
  },
  {
    decided: null,
    review: -200,
    consent: 'waiting',
    fields: {
      title: 'Wijkbudget: een sportplek voor jongeren',
      body: 'Een deel van het wijkbudget gaat naar een sportplek bij het grasveld aan de Beukenlaan.',
      reasons: 'Jongeren vroegen er zelf om, in het netwerkoverleg en met een handtekeningenlijst.',
      kind: 'budget',
      decidedBy: 'council',
      decidedByName: '',
      involvement: 'co_decided',
      involvementWho: 'Jongeren uit de buurt werkten het plan uit.',
      involvementCount: 31,
      effect: 'strengthens',
      effectReasoning: 'Jongeren krijgen een eigen plek en hebben die zelf bedacht.',
      dissent: [
        {
          raisedBy: 'Omwonenden van het grasveld',
          objection: 'Geluid in de avond.',
          response: 'Er komt een afspraak over tijden; we kijken na drie maanden hoe het gaat.',
        },
      ],
      dissentNoneCame: false,
      dissentInvited: '',
      isInternal: false,
      ...none,
    },
  },
];

const HEGGERLO: DemoDecision[] = [
  {
    decided: 200,
    review: 20,
    fields: {
      title: 'Het dorpshuis blijft open op zondag',
      body: 'Vrijwilligers houden het dorpshuis ook op zondagmiddag open.',
      reasons: 'Op zondag is er verder niets in het dorp waar mensen elkaar treffen.',
      kind: 'activities',
      decidedBy: 'network',
      decidedByName: '',
      involvement: 'co_decided',
      involvementWho: 'Het dorpsgesprek in het voorjaar.',
      involvementCount: 48,
      effect: 'strengthens',
      effectReasoning: 'Het dorp regelt het zelf, met eigen vrijwilligers.',
      ...noDissent('In het dorpsgesprek vroegen we wie het er niet mee eens was.'),
      isInternal: false,
      ...none,
    },
  },
  {
    decided: 90,
    review: -90,
    fields: {
      title: 'De bibliotheekbus stopt weer bij de kerk',
      body: 'De bibliotheekbus stopt weer elke woensdag bij de kerk.',
      reasons: 'Oudere dorpsbewoners konden niet meer naar de stad om boeken te lenen.',
      kind: 'cooperation',
      decidedBy: 'organisation',
      decidedByName: 'Bibliotheek Veenhorst',
      involvement: 'informed',
      involvementWho: 'Een bericht in het dorpsblad.',
      involvementCount: null,
      effect: 'restores',
      effectReasoning: 'De bus was jaren een vast moment om even bij te praten.',
      ...noDissent('We vroegen in het dorpsblad om reacties; die kwamen er niet.'),
      isInternal: false,
      ...none,
    },
  },
];

/** Demo data of this module; runs after the network, people and meetings demos. */
export async function seedDecisionsDemo(db: Database): Promise<void> {
  const service = decisionsService(db);
  const networks = networkModule.api.networks(db);
  const directory = peopleModule.api.directory(db);
  const t = translator('nl');
  for (const [slug, list] of [
    ['zonnehoek', ZONNEHOEK],
    ['heggerlo', HEGGERLO],
  ] as const) {
    const network = await networks.findNetworkBySlug(slug);
    if (!network) continue;
    const members = await directory.listMembers(network.id);
    const coordinator = members.find((m) => m.role === 'coordinator');
    if (!coordinator) continue;
    const council = members.filter((m) => m.role === 'council');
    const meetings = await meetingsModule.api.meetings(db, t).listMeetings(network.id);
    if (list.some((d) => d.consent)) {
      await service.setConsentKinds(network.id, ['budget'], {
        personId: coordinator.personId,
        origin: 'demo',
        today: day(0),
      });
    }
    for (const demo of list) {
      const decidedOn = demo.decided === null ? null : day(demo.decided);
      const at = (personId: number, daysAgo: number) => ({
        personId,
        origin: 'demo',
        today: day(daysAgo),
      });
      const when = demo.decided ?? 7;
      const meeting =
        demo.inMeeting && demo.decided !== null
          ? meetings.reduce<(typeof meetings)[number] | undefined>((best, m) => {
              const target = daysAgoAt(when, '12:00').getTime();
              const gap = (x: { startsAt: Date }) => Math.abs(x.startsAt.getTime() - target);
              return best === undefined || gap(m) < gap(best) ? m : best;
            }, undefined)
          : undefined;
      const fields: DecisionFields = {
        ...demo.fields,
        decidedOn,
        meetingId: meeting?.id ?? null,
        reviewOn: day(demo.review),
      };
      const { id } = await service.createDecision(
        network.id,
        fields,
        // A budget decision asks for the council's consent as it is recorded.
        demo.decided !== null || demo.consent !== undefined,
        at(coordinator.personId, when),
      );
      if (demo.consent) {
        const current = (await service.findDecision(network.id, id))!;
        const consenting = demo.consent === 'all' ? council : council.slice(0, 1);
        for (const member of consenting) {
          await service.consent(network.id, id, current.version, at(member.personId, when));
        }
      }
      if (demo.reviewed) {
        await service.review(network.id, id, demo.reviewed, at(coordinator.personId, demo.review));
      }
    }
  }
}
