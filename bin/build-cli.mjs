#!/usr/bin/env node
// Bundles the command line (src/cli/bin.ts and the engine it uses) into an ES module,
// dist/cli/buurtkracht.mjs, so `npx buurtkracht pb …` starts without compiling TypeScript.
// The admin commands load the whole app: they are a chunk of their own (dist/cli/chunks/),
// loaded only when asked for, so the engine's commands start without the app's packages.
// Run by `npm install` (the `prepare` script) and by `npm run bench:pb`.
// Also writes dist/cli/inputs.json, the source files the bundle was built from (paths
// relative to the repository): `start`, those of the entry and the chunks it imports
// statically (all that `pb` and `--help` run), and `all`. bin/buurtkracht.mjs checks only
// those for being newer than the bundle, instead of every file under src/.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli');
rmSync(out, { recursive: true, force: true });
const { metafile } = await build({
  entryPoints: { buurtkracht: join(root, 'src', 'cli', 'bin.ts') },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
  // The admin commands render nothing, but the modules they load hold JSX views.
  jsx: 'automatic',
  jsxImportSource: 'preact',
});
// Output paths in the metafile are relative to absWorkingDir, as are input paths.
const sources = (output) =>
  Object.keys(metafile.outputs[output]?.inputs ?? {}).filter((f) => /\.tsx?$/.test(f));
const start = new Set();
const seen = new Set();
const visit = (output) => {
  if (seen.has(output)) return;
  seen.add(output);
  for (const f of sources(output)) start.add(f);
  for (const i of metafile.outputs[output]?.imports ?? [])
    if (i.kind === 'import-statement' && !i.external) visit(i.path);
};
visit('dist/cli/buurtkracht.mjs');
if (seen.size === 1 && start.size === 0) throw new Error('build-cli: entry not found in metafile');
const all = Object.keys(metafile.inputs).filter((f) => /\.tsx?$/.test(f));
writeFileSync(
  join(out, 'inputs.json'),
  JSON.stringify({ start: [...start].sort(), all: all.sort() }),
);
