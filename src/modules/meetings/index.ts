// Meetings (bijeenkomsten): network meetings and village conversations with their agenda,
// attendance and minutes, the sparks round that opens them, and iCalendar feeds.
import type { Executor } from '../../db/client.js';
import type { Translate } from '../../platform/i18n/index.js';
import type { ModuleManifest } from '../../platform/module.js';
import { meetingsMessages } from './messages.js';
import { meetingsOverview } from './overview.js';
import { meetingsPersonData } from './person-data.js';
import { meetingLabel } from './presenters.js';
import { meetingsPublicSection } from './public.js';
import { meetingsRepository } from './repository.js';
import { meetingsPulseRepository } from './repository-pulse.js';
import { meetingsRoutes } from './routes/index.js';
import { meetingsSearch } from './search.js';
import { seedMeetingsDemo } from './seed.js';
import { remindTomorrow } from './service.js';
import * as tables from './tables.js';

/** The functions other modules may call. */
const api = {
  /** Aggregated figures for the pulse, counted in SQL: numbers only. */
  pulse(db: Executor) {
    return {
      /**
       * `{ origin, n }[]` of agenda items of meetings of these networks in [from, to) (first
       * days of months; from the monthly summary, decision 0017).
       */
      countAgenda: meetingsPulseRepository(db).countAgendaForPulse,
      /**
       * `{ residents, professionals }` who attended meetings of these networks in [from, to);
       * `residentMembers` is the people module's subquery (decision 0013).
       */
      countAttendance: meetingsPulseRepository(db).countAttendanceForPulse,
    };
  },
  /**
   * A network's meetings for a module that links to them (a decision taken in a meeting):
   * `{ id, label, startsAt }`, the label as the meetings pages name it. Only within the
   * network; the meeting page itself applies the meetings module's access rules.
   */
  meetings(db: Executor, t: Translate) {
    const repo = meetingsRepository(db);
    const present = (m: {
      id: number;
      kind: Parameters<typeof meetingLabel>[1]['kind'];
      title: string;
      startsAt: Date;
    }) => ({
      id: m.id,
      label: meetingLabel(t, m),
      startsAt: m.startsAt,
    });
    return {
      /** The network's meetings, newest first. */
      async listMeetings(networkId: number) {
        return (await repo.listMeetings(networkId)).reverse().map(present);
      },
      /** One meeting of the network, or undefined. */
      async findMeeting(networkId: number, meetingId: number) {
        const m = await repo.findMeeting(networkId, meetingId);
        return m ? present(m) : undefined;
      },
    };
  },
};

export const meetingsModule: ModuleManifest<typeof meetingsMessages, typeof api, typeof tables> = {
  name: 'meetings',
  tables,
  messages: meetingsMessages,
  routes: meetingsRoutes,
  seed: seedMeetingsDemo,
  personData: meetingsPersonData,
  publicSections: [
    (db, network, request) => meetingsPublicSection(db, network, request.t, request.lang),
  ],
  overview: [meetingsOverview],
  // Tells those who come to a meeting tomorrow (issue 11 item 5).
  jobs: [{ name: 'meeting-reminders', run: remindTomorrow }],
  search: meetingsSearch,
  api,
};
