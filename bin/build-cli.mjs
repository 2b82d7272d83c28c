#!/usr/bin/env node
// Bundles the command line (src/cli/bin.ts and the engine it uses) into an ES module,
// dist/cli/buurtkracht.mjs, so `npx buurtkracht pb …` starts without compiling TypeScript.
// The admin commands load the whole app: they are a chunk of their own (dist/cli/chunks/),
// loaded only when asked for, so the engine's commands start without the app's packages.
// Run by `npm install` (the `prepare` script) and by `npm run bench:pb`.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist', 'cli'), { recursive: true, force: true });
await build({
  entryPoints: { buurtkracht: join(root, 'src', 'cli', 'bin.ts') },
  outdir: join(root, 'dist', 'cli'),
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
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
