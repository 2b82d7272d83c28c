// A person's part in the library, for "my data": what they wrote, their responses, and
// their private reflections (in their own download only: this provider is asked for one
// person, and only by that person's export).
import type { Executor } from '../../db/client.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { photoExtension } from '../../platform/photos.js';
import { libraryRepository } from './repository.js';

/** The archive path of a story's photo in "my data" (`fotos/verhaal-12.jpg`). */
function photoFileName(itemId: number, contentType: string): string {
  return `fotos/verhaal-${itemId}.${photoExtension(contentType)}`;
}

export const libraryPersonData: PersonDataProvider = {
  name: 'library',
  async export(db: Executor, personId: number) {
    const repo = libraryRepository(db);
    const photos = new Map(
      (await repo.listItemPhotosOfAuthor(personId)).map((p) => [p.itemId, p.contentType]),
    );
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
        photo: photos.has(i.id) ? photoFileName(i.id, photos.get(i.id)!) : null,
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
  /** The photos of the person's stories, named after the story. */
  async files(db: Executor, personId: number) {
    const photos = await libraryRepository(db).listItemPhotosOfAuthor(personId);
    return photos.map((p) => ({ name: photoFileName(p.itemId, p.contentType), data: p.data }));
  },
  /**
   * Reflections are deleted; stories, cases, lessons and responses stay without a name, but
   * the stories' photos go (a photo may show the person, as with sparks).
   */
  async erase(db: Executor, personId: number) {
    const repo = libraryRepository(db);
    await repo.deleteItemPhotosOfAuthor(personId);
    await repo.erasePerson(personId);
  },
};
