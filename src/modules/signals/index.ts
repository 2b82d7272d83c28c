// (stub) signals: filled in by its own branch.
export { signalsMessages } from './messages.js';
export { type SignalsDeps, signalsRoutes } from './routes.js';
export { seedSignalsDemo } from './seed.js';
