// A person's part in experiments, for "my data": the teams they are on and their logbook
// entries. On erasure they leave the teams; entries stay without their name.
import type { Executor } from '../../db/client.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { experimentsRepository } from './repository.js';

export const experimentsPersonData: PersonDataProvider = {
  name: 'experiments',
  async export(db: Executor, personId: number) {
    const repo = experimentsRepository(db);
    return {
      experimentTeams: await repo.listTeamsOf(personId),
      logbookEntries: (await repo.listOwnLogEntries(personId)).map((e) => ({
        experimentId: e.experimentId,
        kind: e.kind,
        date: e.happenedOn,
        text: e.text,
      })),
    };
  },
  async erase(db: Executor, personId: number) {
    await experimentsRepository(db).detachPerson(personId);
  },
};
