// Meetings (bijeenkomsten): network meetings and village conversations with their agenda,
// attendance and minutes, the sparks round that opens them, and iCalendar feeds.
import type { ModuleManifest } from '../../platform/module.js';
import { meetingsMessages } from './messages.js';
import { meetingsPersonData } from './person-data.js';
import { meetingsPublicSection } from './public.js';
import { meetingsRoutes } from './routes/index.js';
import { seedMeetingsDemo } from './seed.js';
import * as tables from './tables.js';

const api = {};

export const meetingsModule: ModuleManifest<typeof meetingsMessages, typeof api> = {
  name: 'meetings',
  tables,
  messages: meetingsMessages,
  routes: meetingsRoutes,
  seed: seedMeetingsDemo,
  personData: meetingsPersonData,
  publicSections: [
    (db, network, request) => meetingsPublicSection(db, network, request.t, request.lang),
  ],
  api,
};
