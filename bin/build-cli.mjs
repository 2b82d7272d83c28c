#!/usr/bin/env node
// Bundles the command line (src/cli/bin.ts and the engine it uses) into one ES module,
// dist/cli/buurtkracht.mjs, so `npx buurtkracht pb …` starts without compiling TypeScript.
// Run by `npm install` (the `prepare` script) and by `npm run bench:pb`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
  outfile: join(root, 'dist', 'cli', 'buurtkracht.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  // The admin commands render nothing, but the modules they load hold JSX views.
  jsx: 'automatic',
  jsxImportSource: 'preact',
});
