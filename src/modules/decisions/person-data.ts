// A person's part in decisions, for "my data": the decisions they recorded, changed or
// reviewed, and their consents as a council member. On erasure the decisions and their
// history stay without their name; their consents are removed.
import type { Executor } from '../../db/client.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { decisionsRepository } from './repository.js';

export const decisionsPersonData: PersonDataProvider = {
  name: 'decisions',
  async export(db: Executor, personId: number) {
    const repo = decisionsRepository(db);
    return {
      decisions: await repo.listAuthoredBy(personId),
      decisionChanges: await repo.listChangesBy(personId),
      decisionConsents: await repo.listConsentsBy(personId),
    };
  },
  async erase(db: Executor, personId: number) {
    await decisionsRepository(db).detachPerson(personId);
  },
};
