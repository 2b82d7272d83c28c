#!/usr/bin/env node
// Bundles the command line (src/cli/bin.ts and the engine it uses) into an ES module,
// dist/cli/buurtkracht.mjs, so `npx buurtkracht pb …` starts without compiling TypeScript.
// The admin commands load the whole app: they are a chunk of their own (dist/cli/chunks/),
// loaded only when asked for, so the engine's commands start without the app's packages.
// Run by `npm install` (the `prepare` script) and by `npm run bench:pb`.
// `pb` is bundled a second time on its own, as CommonJS (dist/cli/pb.cjs, from
// src/cli/pb-bin.ts), with V8's code cache of it (dist/cli/pb.cache): bin/buurtkracht.mjs
// runs `pb` from them, which spares a count compiling the engine again (decision 0006, a
// process's start).
// Also writes dist/cli/inputs.json, the source files the bundles were built from (paths
// relative to the repository): `start`, those of the entry and the chunks it imports
// statically (all that `pb` and `--help` run) and of pb.cjs, and `all`. bin/buurtkracht.mjs
// checks only those for being newer than the bundle, instead of every file under src/.
// The bundles are built in a folder of their own (dist/cli-build-*) that then takes the
// place of dist/cli, and the code cache is written beside it and renamed into place: a
// command run during a build finds the old bundles or the new ones, whole (before, it
// found none for the length of the build, and once in 240 runs a pb.cjs that had gone
// between its check and its read).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const final = join(root, 'dist', 'cli');
mkdirSync(join(root, 'dist'), { recursive: true });
const out = mkdtempSync(join(root, 'dist', 'cli-build-'));
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
visit(relative(root, join(out, 'buurtkracht.mjs')));
if (seen.size === 1 && start.size === 0) throw new Error('build-cli: entry not found in metafile');
const pb = await build({
  entryPoints: [join(root, 'src', 'cli', 'pb-bin.ts')],
  outfile: join(out, 'pb.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
});
for (const f of Object.keys(pb.metafile.inputs)) if (/\.tsx?$/.test(f)) start.add(f);
const all = Object.keys(metafile.inputs).filter((f) => /\.tsx?$/.test(f));
writeFileSync(
  join(out, 'inputs.json'),
  JSON.stringify({ start: [...start].sort(), all: all.sort() }),
);
// Into place: the old folder is moved aside first (a rename cannot replace a folder that
// holds files). Where another build put its folder there in between, that one stays: it
// is as new as this one.
const aside = `${final}-old-${process.pid}`;
try {
  renameSync(final, aside);
} catch (e) {
  if (e?.code !== 'ENOENT') throw e;
}
try {
  renameSync(out, final);
} catch (e) {
  if (e?.code !== 'ENOTEMPTY' && e?.code !== 'EEXIST') throw e;
  rmSync(out, { recursive: true, force: true });
}
rmSync(aside, { recursive: true, force: true });

// V8's code cache of pb.cjs (see bin/buurtkracht.mjs): the bytecode of what a count runs,
// taken after a count with add1 of a small election made here (300 approval ballots over
// 30 projects, from a fixed seed). Without it a count compiles as usual, so a failure here
// only costs speed, and is said so.
let tmp;
try {
  tmp = mkdtempSync(join(tmpdir(), 'buurtkracht-cache-'));
  let x = 12345;
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
  const projects = Array.from({ length: 30 }, (_, i) => `${i + 1};${1000 + 250 * (i % 7)}`);
  const votes = Array.from({ length: 300 }, (_, v) => {
    const chosen = new Set();
    while (chosen.size < 4) chosen.add(1 + Math.floor(30 * next() ** 2));
    return `${v + 1};${[...chosen].join(',')}`;
  });
  const election = join(tmp, 'election.pb');
  writeFileSync(
    election,
    ['META', 'key;value', 'budget;10000', 'vote_type;approval', 'PROJECTS', 'project_id;cost']
      .concat(projects, ['VOTES', 'voter_id;vote'], votes, [''])
      .join('\n'),
  );
  // Written beside the bundle, then renamed into place (one file system, one step).
  const cache = join(final, `pb.cache.${process.pid}`);
  const run = spawnSync(
    process.execPath,
    [join(root, 'bin', 'buurtkracht.mjs'), 'pb', 'tally', election, '--rule', 'equalshares/add1'],
    { env: { ...process.env, BUURTKRACHT_CODE_CACHE_OUT: cache }, encoding: 'utf8' },
  );
  if (run.status !== 0)
    console.warn(`build-cli: no code cache for pb (the count failed): ${run.stderr}`);
  else if (existsSync(cache)) renameSync(cache, join(final, 'pb.cache'));
} catch (e) {
  // No temporary folder, say: `npm install` must not fail for a few per cent of speed.
  console.warn(`build-cli: no code cache for pb: ${e instanceof Error ? e.message : e}`);
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
