// Signals (signalen): what is going on in a neighbourhood, by theme and place, followed up
// by a duo of a resident and a professional; person-bound signals under strict privacy.
export { signalsMessages } from './messages.js';
export { can as canSignals, hasDuo, type SignalStatus } from './policy.js';
export { type PersonalDetail, personalDetails } from './privacy.js';
export { signalsPublicSection } from './public.js';
export { type SignalsDeps, signalsRoutes } from './routes.js';
export { seedSignalsDemo } from './seed.js';
export {
  countSignals,
  DEFAULT_RETENTION_MONTHS,
  runSignalRetention,
  type SignalCounts,
  signalsPersonData,
} from './service.js';
export { defaultThemes } from './themes.js';
