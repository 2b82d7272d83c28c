// A person's part in meetings, for "my data": the meetings they are named at, their "ik kom"
// answers and whether they have a calendar feed address (never the address itself).
import type { Executor } from '../../db/client.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { peopleModule } from '../people/index.js';
import { meetingsRepository } from './repository.js';

export const meetingsPersonData: PersonDataProvider = {
  name: 'meetings',
  async export(db: Executor, personId: number) {
    const repo = meetingsRepository(db);
    const attended = await repo.attendanceOfPerson(personId);
    const coming = await repo.rsvpsOfPerson(personId);
    return {
      meetingsComing: coming.map((m) => ({
        networkId: m.networkId,
        title: m.title,
        date: m.startsAt.toISOString(),
        places: m.places,
      })),
      hasCalendarFeed: await repo.hasFeedToken(personId),
      meetingsAttended: attended.map((m) => ({
        networkId: m.networkId,
        kind: m.kind,
        title: m.title,
        date: m.startsAt.toISOString(),
      })),
    };
  },
  /**
   * The person's name leaves every attendance list; each meeting still counts them, among
   * the professionals or the residents by their role in that network. Runs before the
   * people module removes their memberships.
   */
  async erase(db: Executor, personId: number) {
    const repo = meetingsRepository(db);
    const directory = peopleModule.api.directory(db);
    for (const row of await repo.listAttendedMeetings(personId)) {
      const role = await directory.findRole(row.networkId, personId);
      await repo.addUnnamedAttendee(row.meetingId, role === 'professional');
    }
    await repo.deleteAttendanceOf(personId);
    await repo.deleteRsvpsOf(personId);
    await repo.deleteFeedToken(personId);
  },
};
