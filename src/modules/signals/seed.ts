// Demo signals: a year of listening in each demo network, relative to today. Person-bound
// ones hold no names or house numbers; one closed 13 months ago waits for the retention job.
import type { Database } from '../../db/client.js';
import type { MemberRole } from '../../platform/actor.js';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';
import type { SignalStatus } from './policy.js';
import { signalsRepository } from './repository/index.js';
import type { Origin, RaisedBy } from './service/index.js';

interface DemoSignal {
  title: string;
  description: string;
  theme: string;
  place: string;
  trigger: string;
  raisedBy: RaisedBy;
  origin: Origin;
  monthsAgo: number;
  status: SignalStatus;
  personBound?: boolean;
  outcome?: string;
  updates?: string[];
  contactEmail?: string;
}

const s = (
  monthsAgo: number,
  theme: string,
  title: string,
  place: string,
  trigger: string,
  status: SignalStatus = 'new',
  extra: Partial<DemoSignal> = {},
): DemoSignal => ({
  title,
  description: extra.description ?? `${title}. Dit kwam ter sprake en we willen er samen iets mee.`,
  theme,
  place,
  trigger,
  raisedBy: monthsAgo % 2 === 0 ? 'resident' : 'professional',
  origin: (['meeting', 'street', 'other'] as const)[monthsAgo % 3]!,
  monthsAgo,
  status,
  ...extra,
});

const SIGNALS: DemoSignal[] = [
  s(
    11,
    'social_isolation',
    'De koelkast van de buurtkamer is kapot',
    'Buurtkamer aan het plein',
    'De koelkast ging kapot, de soep voor de maaltijd kon nergens heen',
    'closed',
    {
      outcome:
        'Via de kringloop een koelkast gekregen. Twee buren haalden hem samen op en bleven koffie drinken.',
      updates: [
        'Ik vraag bij de kringloop of ze er een hebben.',
        'Er staat er een klaar, wie helpt sjouwen?',
      ],
    },
  ),
  s(
    11,
    'public_space',
    'Bankjes bij de vijver zijn weggehaald',
    'Vijver in het park',
    'De gemeente haalde de bankjes weg voor onderhoud',
    'closed',
    { outcome: 'De bankjes staan terug, en er is er één bij gekomen.' },
  ),
  s(
    10,
    'elderly',
    'Ouderen komen niet meer naar de koffieochtend',
    'Wijkcentrum',
    'De bus rijdt niet meer op dinsdagochtend',
    'followed_up',
    { updates: ['Twee buren rijden nu om beurten.'] },
  ),
  s(
    10,
    'youth',
    'Jongeren hangen ’s avonds bij de speeltuin',
    'Speeltuin aan de Lindelaan',
    'Buren klaagden over lawaai na tienen',
    'taken_up',
    { updates: ['We gaan eerst met de jongeren praten, niet over ze.'] },
  ),
  s(
    9,
    'poverty',
    'Meer mensen bij de voedselbank uit onze straat',
    'Rond de Kerkstraat',
    'Een moeder vertelde dat ze de energierekening niet kan betalen',
    'taken_up',
  ),
  s(
    9,
    'housing',
    'Schimmel in de flats aan de noordkant',
    'Flats aan de noordkant',
    'Bewoners lieten foto’s zien op de bijeenkomst',
    'followed_up',
    { updates: ['De woningcorporatie komt kijken.'] },
  ),
  s(
    8,
    'safety',
    'Donkere hoek bij het fietspad',
    'Fietspad langs het spoor',
    'Een bewoonster durft er ’s avonds niet meer langs',
    'closed',
    { outcome: 'Er hangt een extra lamp. We lopen in de winter samen een rondje.' },
  ),
  s(
    8,
    'social_isolation',
    'Nieuwe bewoners kennen niemand',
    'Nieuwbouw bij het water',
    'Bij de verhuiswagen vroeg iemand waar de huisarts zit',
    'new',
  ),
  s(
    7,
    'health',
    'Weinig mensen bij het wandelclubje',
    'Start bij de bibliotheek',
    'Het clubje liep in de regen met z’n tweeën',
    'taken_up',
  ),
  s(
    7,
    'public_space',
    'Zwerfvuil rond de containers',
    'Containers bij de supermarkt',
    'Na de storm lag alles op straat',
    'closed',
    {
      outcome: 'Kinderen van de school prikken nu elke maand afval. Ze noemen zich de Afvalhelden.',
    },
  ),
  s(
    6,
    'elderly',
    'Buurvrouw mist de boodschappenbus',
    'Seniorenflat',
    'De boodschappenbus stopte vanwege geldgebrek',
    'new',
  ),
  s(
    6,
    'youth',
    'Kinderen spelen op straat omdat het veldje op slot zit',
    'Trapveldje achter de school',
    'Het hek ging op slot na vernielingen',
    'taken_up',
  ),
  s(
    5,
    'poverty',
    'Schoolspullen te duur voor sommige gezinnen',
    'Basisschool',
    'De juf zag kinderen zonder gymschoenen',
    'followed_up',
  ),
  s(
    5,
    'social_isolation',
    'Mannen zonder werk zitten veel thuis',
    'Rond het winkelcentrum',
    'Een man vertelde bij de snackbar dat hij niemand meer spreekt',
    'new',
  ),
  s(
    4,
    'housing',
    'Lange wachtlijst voor aangepaste woningen',
    'Hele wijk',
    'Een echtpaar kan de trap niet meer op',
    'new',
  ),
  s(
    4,
    'safety',
    'Hard rijden langs de school',
    'Schoolstraat',
    'Een kind werd bijna aangereden',
    'taken_up',
  ),
  s(
    3,
    'health',
    'Eenzaamheid na het overlijden van een partner',
    'Rond de kerk',
    'Op de koffieochtend huilde iemand om haar man',
    'new',
  ),
  s(
    3,
    'public_space',
    'Moestuin zoekt handen',
    'Moestuin achter het wijkcentrum',
    'De vaste tuinier is verhuisd',
    'new',
  ),
  s(
    2,
    'elderly',
    'Digitale post is lastig voor ouderen',
    'Bibliotheek',
    'Iemand miste een brief van de gemeente in de app',
    'taken_up',
  ),
  s(
    2,
    'youth',
    'Tieners willen zelf iets organiseren',
    'Jongerenhonk',
    'Ze vroegen om een ruimte voor een filmavond',
    'new',
  ),
  s(
    1,
    'poverty',
    'Kou in huis: mensen zetten de verwarming niet aan',
    'Oude arbeiderswoningen',
    'Een buurman zat met zijn jas aan binnen',
    'new',
  ),
  s(
    1,
    'social_isolation',
    'Koffie op het bankje werkt',
    'Bankje bij de bakker',
    'Elke vrijdag schuiven er meer mensen aan',
    'new',
  ),
  s(
    0,
    'other',
    'Vraag naar een buurtfeest',
    'Plein',
    'Op de bijeenkomst vroegen drie buren om een feest',
    'new',
  ),
  // Person-bound: one open, one closed 13 months ago (the retention job will anonymise it).
  s(
    3,
    'social_isolation',
    'Meneer in de seniorenflat zit veel alleen',
    'Seniorenflat',
    'Zijn vrouw overleed, sindsdien zien de buren hem niet meer',
    'taken_up',
    {
      personBound: true,
      updates: ['Ik ben met de buurvrouw langs geweest. Hij was blij met bezoek.'],
    },
  ),
  s(
    14,
    'poverty',
    'Gezin kan de huur niet betalen',
    'Rond de Kerkstraat',
    'De koelkast was leeg toen de buurvrouw langskwam',
    'closed',
    { personBound: true, outcome: 'Schuldhulp gestart; de buurvrouw gaat mee naar de afspraken.' },
  ),
];

const PENDING = [
  {
    description: 'Er ligt al weken een kapotte fiets tegen het hek van de speeltuin.',
    place: 'Speeltuin',
    email: 'buurtbewoner@example.nl',
  },
  {
    description: 'Ik zou graag meehelpen met de moestuin, maar weet niet bij wie ik moet zijn.',
    place: 'Moestuin',
    email: '',
  },
];

/** The demo networks, by public slug (found through the network module's face). */
const NETWORKS = ['zonnehoek', 'maalderveld', 'heggerlo'];

function monthsAgo(now: Date, months: number, day: number): Date {
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, Math.min(day, 27), 10),
  );
}

/** Demo data of this module; runs after the network demo (people and networks exist). */
export async function seedSignalsDemo(db: Database, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const repo = signalsRepository(tx);
    const networks = networkModule.api.networks(tx);
    const directory = peopleModule.api.directory(tx);
    for (const slug of NETWORKS) {
      const networkId = (await networks.findNetworkBySlug(slug))?.id;
      if (!networkId) continue;
      if ((await repo.countPerNetwork([networkId])).length > 0) continue;
      const members = await directory.listMembers(networkId);
      const residents = members.filter((m) => m.role === 'resident' || m.role === 'council');
      const pros = members.filter((m) => m.role === 'professional' || m.role === 'coordinator');
      if (residents.length === 0 || pros.length === 0) continue;
      let i = 0;
      for (const d of SIGNALS) {
        i++;
        const created = monthsAgo(now, d.monthsAgo, 3 + ((i * 5) % 20));
        const pro = pros[i % pros.length]!;
        const resident = residents[i % residents.length]!;
        const closedAt =
          d.status === 'closed'
            ? d.personBound
              ? monthsAgo(now, 13, 1)
              : new Date(created.getTime() + 30 * 86_400_000)
            : null;
        const signal = await repo.insertSignal({
          networkId,
          title: d.title,
          description: d.description,
          theme: d.theme,
          place: d.place,
          trigger: d.trigger,
          raisedBy: d.raisedBy,
          origin: d.origin,
          status: d.status,
          personBound: d.personBound ?? false,
          outcome: d.outcome ?? null,
          createdBy: pro.personId,
          createdAt: created,
          statusChangedAt: closedAt ?? created,
          closedAt,
        });
        const follow = async (m: { personId: number; role: MemberRole }) =>
          repo.insertFollower({
            networkId,
            signalId: signal.id,
            personId: m.personId,
            role: m.role,
            joinedAt: created,
          });
        await follow(pro);
        await repo.insertUpdate({
          networkId,
          signalId: signal.id,
          authorId: pro.personId,
          kind: 'status',
          status: 'new',
          createdAt: created,
        });
        if (d.status === 'new') continue;
        await follow(resident);
        const flow: SignalStatus[] = ['taken_up', 'followed_up', 'closed'];
        const steps = flow.slice(0, flow.indexOf(d.status) + 1);
        let at = created.getTime();
        for (const [k, text] of (d.updates ?? []).entries()) {
          at += 3 * 86_400_000;
          const author = k % 2 === 0 ? resident : pro;
          await repo.insertUpdate({
            networkId,
            signalId: signal.id,
            authorId: author.personId,
            kind: 'note',
            text,
            createdAt: new Date(at),
          });
        }
        for (const step of steps) {
          at += 5 * 86_400_000;
          const when =
            step === 'closed' && closedAt ? closedAt : new Date(Math.min(at, now.getTime()));
          await repo.insertUpdate({
            networkId,
            signalId: signal.id,
            authorId: pro.personId,
            kind: 'status',
            status: step,
            createdAt: when,
          });
        }
      }
      for (const p of PENDING) {
        await repo.insertSignal({
          networkId,
          title: p.description.slice(0, 60).replace(/\s\S*$/, '…'),
          description: p.description,
          place: p.place,
          theme: 'other',
          raisedBy: 'resident',
          origin: 'public_page',
          status: 'pending',
          contactEmail: p.email || null,
          createdAt: new Date(now.getTime() - 2 * 86_400_000),
        });
      }
    }
  });
}
