// The demo's meetings: a year of monthly network meetings in each demo network with agenda,
// attendance and minutes, a village conversation in Heggerlo and two meetings to come.
import type { Database } from '../../db/client.js';
import { daysAgoAt as at } from '../../demo/time.js';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';
import { meetingsRepository } from './repository.js';
import type { AgendaOrigin, MeetingKind } from './tables.js';

const AGENDA: { origin: AgendaOrigin; title: string }[] = [
  { origin: 'resident', title: 'Het bankje bij de speeltuin' },
  { origin: 'professional', title: 'Eenzaamheid onder ouderen: wat zien we?' },
  { origin: 'resident', title: 'Verkeer bij de school' },
  { origin: 'professional', title: 'Terugblik op het experiment met de buurtkamer' },
  { origin: 'resident', title: 'Het straatfeest in de zomer' },
  { origin: 'resident', title: 'Zwerfafval achter de flat' },
  { origin: 'professional', title: 'Nieuwe huurders: hoe heten we ze welkom?' },
  { origin: 'resident', title: 'Jongeren willen een plek om te sporten' },
];

const MINUTES = [
  'We begonnen met vonkjes; het waren er veel. Afgesproken dat twee bewoners met de woningcorporatie gaan praten.',
  'Goed gesprek over wie we nog niet zien. Volgende keer nodigen we de bewoners van de nieuwbouw uit.',
  'Het experiment loopt; de duo’s vertelden wat hen verraste. Geen besluiten, wel veel energie.',
];

/** Demo data of this module; runs after the network and people demos. */
export async function seedMeetingsDemo(db: Database): Promise<void> {
  const networks = networkModule.api.networks(db);
  const directory = peopleModule.api.directory(db);
  const repo = meetingsRepository(db);
  for (const slug of ['zonnehoek', 'maalderveld', 'heggerlo']) {
    const network = await networks.findNetworkBySlug(slug);
    if (!network) continue;
    const members = await directory.listMembers(network.id);
    if (members.length === 0) continue;
    const coordinator = members.find((m) => m.role === 'coordinator') ?? members[0]!;

    // Monthly network meetings over the past year; the last one about three weeks ago.
    for (let month = 12; month >= 1; month--) {
      const id = await repo.insertMeeting({
        networkId: network.id,
        kind: 'network_meeting',
        title: '',
        startsAt: at(month * 30 - 9, '19:30'),
        place: slug === 'heggerlo' ? 'Dorpshuis De Brink' : 'Buurthuis',
        isPublic: false,
      });
      await repo.replaceAgenda(
        id,
        [0, 1, 2].map((k) => AGENDA[(month + k * 3) % AGENDA.length]!),
      );
      await repo.updateMeeting(network.id, id, {
        minutes: MINUTES[month % MINUTES.length]!,
        otherResidents: 3 + ((month * 7) % 9),
        otherProfessionals: 1 + (month % 4),
      });
      await repo.replaceAttendance(id, [
        coordinator.personId,
        ...members.filter((_, k) => (k + month) % 3 === 0).map((m) => m.personId),
      ]);
    }

    if (slug === 'heggerlo') {
      const id = await repo.insertMeeting({
        networkId: network.id,
        kind: 'village_conversation' satisfies MeetingKind,
        title: 'Hoe houden we het dorp levendig?',
        startsAt: at(75, '20:00'),
        place: 'Dorpshuis De Brink',
        isPublic: true,
      });
      await repo.replaceAgenda(id, [
        { origin: 'resident', title: 'De buurtbus: wie rijdt er mee?' },
        { origin: 'resident', title: 'Ouderen die alleen wonen aan de buitenwegen' },
        { origin: 'professional', title: 'Wat de zorggroep kan betekenen' },
      ]);
      await repo.updateMeeting(network.id, id, {
        minutes:
          'Zestig dorpsgenoten in de zaal. Acht mensen melden zich als chauffeur voor de buurtbus.',
        otherResidents: 52,
        otherProfessionals: 4,
      });
    }

    if (slug === 'zonnehoek') {
      const next = await repo.insertMeeting({
        networkId: network.id,
        kind: 'network_meeting',
        title: '',
        startsAt: at(-12, '19:30'),
        place: 'Buurthuis De Zonnewijzer',
        isPublic: false,
      });
      await repo.replaceAgenda(next, [
        { origin: 'resident', title: 'Het straatfeest van dit jaar' },
        { origin: 'professional', title: 'De buurtkamer: eerste ervaringen' },
      ]);
      const evening = await repo.insertMeeting({
        networkId: network.id,
        kind: 'residents_evening',
        title: 'Wat maakt Zonnehoek fijn?',
        startsAt: at(-26, '19:30'),
        place: 'Basisschool De Klimboom',
        isPublic: true,
      });
      await repo.replaceAgenda(evening, [
        { origin: 'resident', title: 'Vonkjes uit de buurt' },
        { origin: 'resident', title: 'Ideeën voor de zomer' },
      ]);
    }
  }
}
