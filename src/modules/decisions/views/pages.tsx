// The decisions module's pages, one file per group; this file lists them all.
export * from './decision.js';
export * from './form.js';
export * from './list.js';
export * from './shared.js';
