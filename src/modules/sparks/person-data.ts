// A person's part in sparks and meetings, for "my data": export and erasure.
import type { Executor } from '../../db/client.js';
import type { PersonDataProvider } from '../people/index.js';
import { sparksRepository } from './repository.js';

export const sparksPersonData: PersonDataProvider = {
  name: 'sparks',
  async export(db: Executor, personId: number) {
    const repo = sparksRepository(db);
    const sparks = await repo.sparksOfPerson(personId);
    const attended = await repo.attendanceOfPerson(personId);
    return {
      sparks: sparks.map((s) => ({
        networkId: s.networkId,
        text: s.text,
        date: s.createdAt.toISOString(),
        public: s.isPublic,
        photo: s.photoId ? 'yes' : 'no',
      })),
      meetingsAttended: attended.map((m) => ({
        networkId: m.networkId,
        kind: m.kind,
        title: m.title,
        date: m.startsAt.toISOString(),
      })),
    };
  },
  /**
   * Sparks stay (shown as "oud-lid"), but their photos go: a photo may show the person.
   * Their name leaves every attendance list; the meeting still counts them.
   */
  async erase(db: Executor, personId: number) {
    const repo = sparksRepository(db);
    await repo.deletePhotosOfPerson(personId);
    await repo.removeFromAttendance(personId);
  },
};
