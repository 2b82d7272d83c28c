#!/usr/bin/env node
// Runs the bundled CLI (dist/cli/buurtkracht.mjs, built by `npm install` through the
// `prepare` script, or `node bin/build-cli.mjs`). When it is missing or older than a
// source file it was built from (a developer editing them: the admin commands use the
// whole app), the TypeScript is run through tsx instead, so the CLI never runs stale code.
// The build lists those files (dist/cli/inputs.json): the admin, export and import
// commands check all of them, every other command only those of the code it can run
// without the admin chunk (about 30 files instead of 500: the walk over src/ took 10 to
// 20 ms of a 100 ms start). A file not in the list cannot change what the bundle runs
// unless a listed file starts to import it, and then that file is newer. Without the
// list (an older build), every file under src/ is checked, as before.
//
// `pb` runs a bundle of its own, dist/cli/pb.cjs (CommonJS, without the admin commands),
// compiled with V8's code cache of it, dist/cli/pb.cache (bin/code-cache.mjs): the
// bytecode of the functions a count runs, written by the build after a count of a small
// election (run here with BUURTKRACHT_CODE_CACHE_OUT naming the file to write). That
// spares a few per cent of a whole `pb tally` (decision 0006, a process's start). This file
// imports nothing at its top: it takes node's modules from process.getBuiltinModule (node
// 20.16 and later), else through import(), since an ES import of `node:fs` reads every
// export of fs, which loads its streams.
const builtin = (name) => process.getBuiltinModule?.(name) ?? import(name);
const [{ existsSync, readdirSync, readFileSync, statSync }, { dirname, join }, url] =
  await Promise.all(['node:fs', 'node:path', 'node:url'].map(builtin));

/**
 * V8's optimising compiler inlines calls into a function up to 920 bytes of bytecode in
 * all (`--max-inlined-bytecode-size-cumulative`). A count by `pb` lasts a fraction of a
 * second, and compiling the engine's hot functions with that much inlined into them takes
 * longer than it saves: with 200, a whole `pb tally` of Warszawa 2026 (add1) takes 0.91
 * of the time and one with amounts in the tens of billions 0.84, while the generated
 * million-voter count (2 s) takes 0.96 (farm-bench, decision 0006). Set before any of the
 * engine is compiled (and before its code cache is read: V8 checks the flags), and only
 * in this process: the web server keeps V8's defaults.
 */
const INLINING_BUDGET = '--max-inlined-bytecode-size-cumulative=200';

const command = process.argv[2];
const root = join(dirname(url.fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'buurtkracht.mjs');
const pb = join(root, 'dist', 'cli', 'pb.cjs');

function newerThan(dir, at) {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (newerThan(path, at)) return true;
    } else if (/\.tsx?$/.test(entry.name) && statSync(path).mtimeMs > at) return true;
  }
  return false;
}

/** Whether any listed source (relative to the repository) is missing or newer than `at`. */
function listedNewerThan(files, at) {
  for (const f of files) {
    const s = statSync(`${root}/${f}`, { throwIfNoEntry: false });
    if (!s || s.mtimeMs > at) return true;
  }
  return false;
}

/** Whether the bundle `file` is there and newer than every source it was built from. */
function fresh(file) {
  const at = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  if (at === undefined) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
  } catch {
    return !newerThan(join(root, 'src'), at);
  }
  const whole = ['admin', 'export', 'import'].includes(command ?? '');
  return !listedNewerThan(whole ? inputs.all : inputs.start, at);
}

if (command === 'pb') (await builtin('node:v8')).setFlagsFromString(INLINING_BUDGET);
if (command === 'pb' && fresh(pb)) {
  const { runWithCodeCache } = await import('./code-cache.mjs');
  const out = process.env.BUURTKRACHT_CODE_CACHE_OUT;
  runWithCodeCache(pb, out ?? join(root, 'dist', 'cli', 'pb.cache'), { write: !!out });
} else if (fresh(built)) {
  await import(url.pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(url.pathToFileURL(join(root, 'src', 'cli', 'bin.ts')).href);
}
