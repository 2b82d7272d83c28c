// Sparks (vonkjes: the good things people saw, with the sparks round that opens each
// meeting) and meetings (bijeenkomsten: agenda, attendance, minutes, iCalendar feeds).
export { sparksMessages } from './messages.js';
export { sparksPersonData } from './person-data.js';
export { can as canSparks } from './policy.js';
export { meetingsPublicSection, type PublicSection, sparksPublicSection } from './public.js';
export { MIN_SUBMIT_MS, type SparksDeps, sparksRoutes } from './routes.js';
export { seedSparksDemo } from './seed.js';
export { SPARK_MAX, type SparksService, sparksService } from './service.js';
