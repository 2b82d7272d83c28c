// A person's part in sparks, for "my data": export and erasure.
import type { Executor } from '../../db/client.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { sparksRepository } from './repository.js';

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
        photo: s.photoId ? 'yes' : 'no',
      })),
    };
  },
  /** Sparks stay (shown as "oud-lid"), but their photos go: a photo may show the person. */
  async erase(db: Executor, personId: number) {
    await sparksRepository(db).deletePhotosOfPerson(personId);
  },
};
