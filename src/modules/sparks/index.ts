// (stub) sparks: filled in by its own branch.
export { sparksMessages } from './messages.js';
export { type SparksDeps, sparksRoutes } from './routes.js';
export { seedSparksDemo } from './seed.js';
