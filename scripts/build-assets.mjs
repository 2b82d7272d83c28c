// Copies the style sheets, scripts and images the pages use into dist/public under names
// that carry a hash of their content (so browsers may cache them for a year), with gzip
// and brotli copies beside them, and writes manifest.json: name -> hashed name.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const out = 'dist/public';
const sources = {
  'theme.css': 'node_modules/@utrecht/design-tokens/dist/theme.css',
  'utrecht.css': 'node_modules/@utrecht/component-library-css/dist/index.css',
};
for (const name of readdirSync('src/public')) sources[name] = join('src/public', name);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const manifest = {};
for (const [name, path] of Object.entries(sources)) {
  const content = readFileSync(path);
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
  const hashed = `${basename(name, extname(name))}.${hash}${extname(name)}`;
  writeFileSync(join(out, hashed), content);
  if (/\.(css|js|svg)$/.test(name)) {
    writeFileSync(join(out, `${hashed}.gz`), gzipSync(content, { level: 9 }));
    writeFileSync(
      join(out, `${hashed}.br`),
      brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
  manifest[name] = hashed;
}
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`assets: ${Object.keys(manifest).length} files in ${out}`);
