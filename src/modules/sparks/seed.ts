// The demo's year of sparks in the three demo networks, found through the faces of the
// network and people modules. Photos are drawn here and re-encoded like an upload.
import sharp from 'sharp';
import type { Database } from '../../db/client.js';
import { daysAgoAt } from '../../demo/time.js';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';
import { processPhoto } from './photos.js';
import { sparksRepository } from './repository.js';

const SPARKS: Record<string, string[]> = {
  zonnehoek: [
    'Mevrouw Bos bracht soep naar haar buurman die griep had.',
    'De kinderen hebben samen de speeltuin opgeruimd.',
    'Bij de moestuin stonden zaterdag twaalf mensen te wieden, drie voor het eerst.',
    'Meneer Yilmaz repareert nu elke woensdag fietsen in de schuur van het buurthuis.',
    'Twee buren die elkaar nooit groetten, drinken nu samen koffie op het bankje.',
    'De bibliotheekkast bij de school is in een week helemaal leeg en weer vol.',
    'Iemand heeft bloemen gezet bij de voordeur van de mevrouw die net weduwe is.',
    'Bram (15) hielp zijn oude buurvrouw met haar nieuwe telefoon.',
    'Het straatfeest in de Zonnebloemstraat: 60 mensen en niemand die klaagde.',
    'De wijkagent speelde een potje voetbal met de jongens op het pleintje.',
    'Na de oproep in de app hebben vijf mensen de kerstboom van het plein versierd.',
    'De moestuin gaf zoveel courgettes dat ze aan de voedselbank zijn gegeven.',
  ],
  maalderveld: [
    'Samira heeft een taalcafé gestart in de bibliotheek: elke dinsdag vol.',
    'Buren hebben samen de lekkende goot van meneer Korver gemaakt.',
    'Na het gesprek over eenzaamheid belde een bewoner zelf de buurvrouw van drie hoog.',
    'De kookclub kookte voor twintig mensen uit de flat.',
    'Kinderen van de Klimboom maakten tekeningen voor het verzorgingshuis.',
    'De schoonmaakactie bij het water bracht vier volle zakken en veel gesprekken.',
    'Een bewoner die nooit kwam, heeft nu zelf een punt op de agenda gezet.',
    'De portiekgesprekken in blok C: iedereen deed open.',
    'Er staat een ruilkast in de hal van de flat en hij wordt gebruikt.',
  ],
  heggerlo: [
    'Na het dorpsgesprek hebben acht mensen zich gemeld voor de buurtbus.',
    'De jeugd heeft het voetbalveld gemaaid voor het dorpsfeest.',
    'Oude Gerrit vertelde op school over het dorp vroeger; de kinderen wilden niet weg.',
    'De koffieochtend in de kerk had dit keer veertig bezoekers.',
    'Boer Kamphuis zette zijn schuur open voor de opslag van de dorpsbus.',
    'Jannie bracht de boodschappen rond toen het zo glad was.',
    'Het bankje bij de brink is teruggeplaatst, door drie buren samen.',
    'De nieuwe mensen in de Esweg kregen een welkomstpakket van de buren.',
    'De ijsbaan ging open en het hele dorp stond op de schaats.',
  ],
};

function sunOverHouses(sky: string, sun: string): Buffer {
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
  <rect width="1200" height="800" fill="${sky}"/>
  <circle cx="900" cy="220" r="120" fill="${sun}"/>
  <rect y="620" width="1200" height="180" fill="#5a9e4b"/>
  <g fill="#b5523b"><rect x="150" y="420" width="220" height="200"/><rect x="450" y="380" width="260" height="240"/><rect x="790" y="440" width="200" height="180"/></g>
  <g fill="#6b3a2a"><polygon points="130,420 260,320 390,420"/><polygon points="430,380 580,260 730,380"/><polygon points="770,440 890,350 1010,440"/></g>
  <g fill="#ffe9a8"><rect x="200" y="470" width="50" height="50"/><rect x="500" y="430" width="60" height="60"/><rect x="600" y="430" width="60" height="60"/><rect x="840" y="490" width="50" height="50"/></g>
</svg>`);
}

const at = daysAgoAt;

/** Demo data of this module; runs after the network and people demos. */
export async function seedSparksDemo(db: Database): Promise<void> {
  const networks = networkModule.api.networks(db);
  const directory = peopleModule.api.directory(db);
  const repo = sparksRepository(db);
  const photos = [
    await sharp(sunOverHouses('#9fd3f5', '#ffd23f')).png().toBuffer(),
    await sharp(sunOverHouses('#f7c59f', '#ff8c42')).png().toBuffer(),
    await sharp(sunOverHouses('#c9e4ff', '#fff3b0')).png().toBuffer(),
  ];
  let photoIndex = 0;

  for (const [slug, texts] of Object.entries(SPARKS)) {
    const network = await networks.findNetworkBySlug(slug);
    if (!network) continue;
    const members = await directory.listMembers(network.id);
    if (members.length === 0) continue;

    // Sparks over the past months, the newest few since the last meeting.
    for (const [i, text] of texts.entries()) {
      const daysAgo = Math.round(((texts.length - i) * 300) / texts.length) - 18;
      const author = members[(i * 3) % members.length]!;
      let photoId: number | null = null;
      if (i % 4 === 1 && photoIndex < photos.length) {
        const processed = await processPhoto(photos[photoIndex++]!);
        if (processed.ok) {
          photoId = await repo.insertPhoto({
            networkId: network.id,
            contentType: processed.contentType,
            width: processed.width,
            height: processed.height,
            data: processed.data,
          });
        }
      }
      await repo.insertSpark({
        networkId: network.id,
        authorId: author.personId,
        text,
        isPublic: i % 3 === 0,
        status: 'published',
        photoId,
        createdAt: at(Math.max(daysAgo, 1), `${10 + (i % 9)}:${i % 2 === 0 ? '15' : '40'}`),
      });
    }

    if (slug === 'zonnehoek') {
      await repo.insertSpark({
        networkId: network.id,
        authorId: null,
        visitorName: 'Ineke',
        text: 'De buurman van nummer 12 maait elke week ook ons stukje gras. Zomaar!',
        isPublic: true,
        status: 'pending',
        createdAt: at(2, '18:05'),
      });
    }
  }
}
