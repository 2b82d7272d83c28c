#!/usr/bin/env node
// Runs the bundled CLI (dist/cli/buurtkracht.mjs, built by `npm install` through the
// `prepare` script, or `node bin/build-cli.mjs`). When it is missing or older than a
// source file of src/cli or src/pb (a developer editing them), the TypeScript is run
// through tsx instead, so the CLI never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'buurtkracht.mjs');

function fresh() {
  if (!existsSync(built)) return false;
  const at = statSync(built).mtimeMs;
  for (const dir of ['src/cli', 'src/pb']) {
    const full = join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full)) {
      if (name.endsWith('.ts') && statSync(join(full, name)).mtimeMs > at) return false;
    }
  }
  return true;
}

if (fresh()) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'bin.ts')).href);
}
