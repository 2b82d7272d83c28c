#!/usr/bin/env node
// Runs the bundled CLI (dist/cli/buurtkracht.mjs, built by `npm install` through the
// `prepare` script, or `node bin/build-cli.mjs`). When it is missing or older than a
// source file under src/ (a developer editing them: the admin commands use the whole app),
// the TypeScript is run through tsx instead, so the CLI never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
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

function fresh() {
  if (!existsSync(built)) return false;
  return !newerThan(join(root, 'src'), statSync(built).mtimeMs);
}

if (fresh()) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'bin.ts')).href);
}
