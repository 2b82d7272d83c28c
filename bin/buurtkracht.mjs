#!/usr/bin/env node
// Runs the bundled CLI (dist/cli/buurtkracht.mjs, built by `npm install` through the
// `prepare` script, or `node bin/build-cli.mjs`). When it is missing or older than a
// source file it was built from (a developer editing them: the admin commands use the
// whole app), the TypeScript is run through tsx instead, so the CLI never runs stale code.
// The build lists those files (dist/cli/inputs.json): the admin, export and import
// commands check all of them, every other command only those of the code it can run
// without the admin chunk (about 25 files instead of 500: the walk over src/ took 10 to
// 20 ms of a 100 ms start). A file not in the list cannot change what the bundle runs
// unless a listed file starts to import it, and then that file is newer. Without the
// list (an older build), every file under src/ is checked, as before.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'buurtkracht.mjs');

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

function fresh() {
  const at = statSync(built, { throwIfNoEntry: false })?.mtimeMs;
  if (at === undefined) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
  } catch {
    return !newerThan(join(root, 'src'), at);
  }
  const whole = ['admin', 'export', 'import'].includes(process.argv[2] ?? '');
  return !listedNewerThan(whole ? inputs.all : inputs.start, at);
}

if (fresh()) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'bin.ts')).href);
}
