// A person's part in experiments, for "my data": the teams they are on, their logbook
// entries and those entries' photos. On erasure they leave the teams; entries stay without
// their name, but their photos go (a photo may show the person, as with sparks).
import type { Executor } from '../../db/client.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { photoExtension } from '../../platform/photos.js';
import { experimentsRepository } from './repository.js';

/** The archive path of a logbook entry's photo in "my data" (`fotos/logboek-12.jpg`). */
function photoFileName(entryId: number, contentType: string): string {
  return `fotos/logboek-${entryId}.${photoExtension(contentType)}`;
}

export const experimentsPersonData: PersonDataProvider = {
  name: 'experiments',
  async export(db: Executor, personId: number) {
    const repo = experimentsRepository(db);
    const photos = new Map(
      (await repo.listLogPhotosOfAuthor(personId)).map((p) => [p.entryId, p.contentType]),
    );
    return {
      experimentTeams: await repo.listTeamsOf(personId),
      logbookEntries: (await repo.listOwnLogEntries(personId)).map((e) => {
        const type = photos.get(e.id);
        return {
          experimentId: e.experimentId,
          kind: e.kind,
          date: e.happenedOn,
          text: e.text,
          photo: type ? photoFileName(e.id, type) : null,
        };
      }),
    };
  },
  /** The photos of the person's logbook entries, named after the entry. */
  async files(db: Executor, personId: number) {
    const photos = await experimentsRepository(db).listLogPhotosOfAuthor(personId);
    return photos.map((p) => ({ name: photoFileName(p.entryId, p.contentType), data: p.data }));
  },
  async erase(db: Executor, personId: number) {
    const repo = experimentsRepository(db);
    await repo.deleteLogPhotosOfAuthor(personId);
    await repo.detachPerson(personId);
  },
};
