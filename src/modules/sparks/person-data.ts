// A person's part in sparks, for "my data": export and erasure.
import type { Executor } from '../../db/client.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { photoExtension } from '../../platform/photos.js';
import { sparksRepository } from './repository.js';
import { refreshSparkIndex } from './search.js';

/** The photo's file name in the person's download, as the JSON names it too. */
function photoFileName(sparkId: number, contentType: string): string {
  return `fotos/vonkje-${sparkId}.${photoExtension(contentType)}`;
}

export const sparksPersonData: PersonDataProvider = {
  name: 'sparks',
  async export(db: Executor, personId: number) {
    const sparks = await sparksRepository(db).sparksOfPerson(personId);
    return {
      sparks: sparks.map((s) => ({
        networkId: s.networkId,
        text: s.text,
        date: s.createdAt.toISOString(),
        public: s.isPublic,
        status: s.status,
        photo: s.photoId && s.photoType ? photoFileName(s.id, s.photoType) : null,
      })),
    };
  },
  /** The photos of the person's sparks, named after the spark. */
  async files(db: Executor, personId: number) {
    const photos = await sparksRepository(db).listPhotosOfPerson(personId);
    return photos.map((p) => ({ name: photoFileName(p.sparkId, p.contentType), data: p.data }));
  },
  /**
   * Sparks stay (shown as "oud-lid"), but their photos go: a photo may show the person. The
   * search index forgets the photos' descriptions with them.
   */
  async erase(db: Executor, personId: number) {
    const repo = sparksRepository(db);
    await repo.deletePhotosOfPerson(personId);
    await refreshSparkIndex(
      db,
      (await repo.sparksOfPerson(personId)).map((s) => s.id),
    );
  },
};
