// A person's part of moderation: the reports they made (export); on erasure the reports stay
// (the item may still need a look) without their name.
import type { PersonDataProvider } from '../../platform/module.js';
import { moderationRepository } from './repository.js';

export const moderationPersonData: PersonDataProvider = {
  name: 'moderation',
  async export(db, personId) {
    return { reports: await moderationRepository(db).listReportsBy(personId) };
  },
  async erase(db, personId) {
    await moderationRepository(db).forgetReporter(personId);
  },
};
