// The demo's library: stories from practice, cases with responses from other networks
// (one marked as helpful), and lessons written on their own, at every visibility level.
import type { Database } from '../../db/client.js';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';
import { libraryRepository } from './repository.js';
import type { ItemKind, ItemVisibility } from './tables.js';

interface DemoItem {
  network: string;
  kind: ItemKind;
  title: string;
  body: string;
  extra: string;
  themes: string[];
  visibility: ItemVisibility;
  responses?: { network: string; text: string; helped: boolean }[];
}

const ITEMS: DemoItem[] = [
  {
    network: 'zonnehoek',
    kind: 'story',
    title: 'De koelkast van mevrouw Jansen',
    body: 'Toen haar koelkast kapotging, belde ze niemand. De buurvrouw merkte het op en vroeg de wijkagent om hulp. Samen vonden ze een tweedehands koelkast.\n\nSindsdien drinkt ze elke week koffie bij de buurvrouw. Een praktische aanleiding opende de deur.',
    extra: '',
    themes: ['eenzaamheid', 'burenhulp'],
    visibility: 'public',
  },
  {
    network: 'heggerlo',
    kind: 'story',
    title: 'Het dorpsgesprek over de oude school',
    body: 'Twee groepen in het dorp wilden iets anders met de oude school. Door eerst apart naar elk te luisteren, en daarna samen aan tafel te gaan, kwam er een plan waar beide groepen achter staan.',
    extra: '',
    themes: ['dorp', 'luisteren'],
    visibility: 'region',
  },
  {
    network: 'maalderveld',
    kind: 'case',
    title: 'Jongeren hangen bij het winkelcentrum',
    body: 'Bewoners klagen over jongeren die ’s avonds bij het winkelcentrum staan. De jongeren zeggen dat er nergens anders plek is.',
    extra: 'Hoe zijn jullie met jongeren en klagende bewoners samen om tafel gegaan?',
    themes: ['jongeren', 'overlast'],
    visibility: 'region',
    responses: [
      {
        network: 'zonnehoek',
        text: 'Wij vroegen de jongeren zelf een avond te organiseren in het buurthuis. De klagers kwamen ook, en zagen wie het waren.',
        helped: true,
      },
      {
        network: 'heggerlo',
        text: 'Bij ons hielp het dat de wijkagent eerst alleen kwam luisteren, zonder te bekeuren.',
        helped: false,
      },
    ],
  },
  {
    network: 'zonnehoek',
    kind: 'case',
    title: 'Niemand komt naar de inloop',
    body: 'Wij openen elke week de buurtkamer, maar er komen bijna alleen vaste bezoekers.',
    extra: 'Hoe bereiken jullie mensen die niet uit zichzelf komen?',
    themes: ['bereik', 'eenzaamheid'],
    visibility: 'region',
    responses: [
      {
        network: 'maalderveld',
        text: 'Persoonlijk uitnodigen, aan de deur, met iets lekkers erbij. Folders werkten bij ons niet.',
        helped: true,
      },
    ],
  },
  {
    network: 'maalderveld',
    kind: 'lesson',
    title: 'Vraag eerst wat er speelt, en pas dan wat we gaan doen',
    body: 'We hadden een plan voor een speeltuin klaar, maar de bewoners wilden vooral een bankje in de schaduw. Luisteren scheelde ons een half jaar.',
    extra: 'Het plan pas maken na een ronde langs de deuren.',
    themes: ['luisteren', 'spelen'],
    visibility: 'municipality',
  },
  {
    network: 'zonnehoek',
    kind: 'lesson',
    title: 'Vonkjes aan het begin geven energie',
    body: 'Sinds we elke bijeenkomst beginnen met wat er goed ging, blijven meer bewoners tot het eind.',
    extra: '',
    themes: ['vonkjes', 'bijeenkomsten'],
    visibility: 'network',
  },
];

/** Demo data of this module; runs after the network, people and experiments demos. */
export async function seedLibraryDemo(db: Database): Promise<void> {
  const networks = networkModule.api.networks(db);
  const directory = peopleModule.api.directory(db);
  const repo = libraryRepository(db);
  const found = new Map<string, { id: number; municipalityId: number; regionId: number }>();
  const authors = new Map<string, number>();
  for (const slug of ['zonnehoek', 'maalderveld', 'heggerlo']) {
    const network = await networks.findNetworkBySlug(slug);
    if (!network) continue;
    found.set(slug, network);
    const members = await directory.listMembers(network.id);
    const author = members.find((m) => m.role === 'professional') ?? members[0];
    if (author) authors.set(slug, author.personId);
  }
  for (const item of ITEMS) {
    const network = found.get(item.network);
    if (!network) continue;
    const id = await repo.insertItem({
      kind: item.kind,
      networkId: network.id,
      municipalityId: network.municipalityId,
      regionId: network.regionId,
      title: item.title,
      body: item.body,
      extra: item.extra,
      sourceType: null,
      sourceId: null,
      sourceTitle: '',
      authorId: authors.get(item.network) ?? null,
      visibility: item.visibility,
      themes: item.themes,
    });
    for (const response of item.responses ?? []) {
      const from = found.get(response.network);
      if (!from) continue;
      const responseId = await repo.insertResponse({
        itemId: id,
        authorId: authors.get(response.network) ?? null,
        authorNetworkId: from.id,
        text: response.text,
      });
      if (response.helped) await repo.updateHelped(id, responseId, true);
    }
  }
}
