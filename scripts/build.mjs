// Compiles src/ to dist/src with esbuild: transpiling only, in about a second, so that
// `npm start` serves quickly on a fresh clone. Types are checked by `npm run typecheck`
// (and CI), not here.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

function sources(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
      out.push(path);
  }
  return out;
}

rmSync('dist/src', { recursive: true, force: true });
await build({
  entryPoints: sources('src'),
  outdir: 'dist/src',
  outbase: 'src',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('build: dist/src');
