// A person's part in the library, for "my data": what they wrote, their responses, and
// their private reflections (in their own download only: this provider is asked for one
// person, and only by that person's export).
import type { Executor } from '../../db/client.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { libraryRepository } from './repository.js';

export const libraryPersonData: PersonDataProvider = {
  name: 'library',
  async export(db: Executor, personId: number) {
    const repo = libraryRepository(db);
    return {
      libraryItems: (await repo.listOwnItems(personId)).map((i) => ({
        kind: i.kind,
        networkId: i.networkId,
        title: i.title,
        body: i.body,
        extra: i.extra,
        visibility: i.visibility,
        themes: i.themes,
        createdAt: i.createdAt.toISOString(),
      })),
      caseResponses: (await repo.listOwnResponses(personId)).map((r) => ({
        caseId: r.itemId,
        text: r.text,
        helped: r.helped,
        createdAt: r.createdAt.toISOString(),
      })),
      reflections: (await repo.listReflections(personId)).map((r) => ({
        question: r.question,
        text: r.text,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  },
  /** Reflections are deleted; stories, cases, lessons and responses stay without a name. */
  async erase(db: Executor, personId: number) {
    await libraryRepository(db).erasePerson(personId);
  },
};
