// The import rules of docs/architecture.md, checked on every `npm run lint`:
//   1. A module imports another module only through its index.ts (its manifest); a tables.ts
//      names another module's tables through that manifest too (decision 0008).
//   2. The combined schema (src/db/schema.ts) is imported only inside src/db/.
//   3. src/db/schema.ts, src/db/seed.ts and the message catalogue reach the modules only
//      through the module list (src/modules/index.ts).
//   4. src/platform/ imports no module, except the catalogue's module list.
//   5. The voting engine (src/pb) imports nothing outside src/pb.
// Tests are exempt from 1: they may set up data through another module's repository.
// Prints each violation with file and line; exits 1 when there is any.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

/** Imports that break rule 1 and are to be paid off; empty since issue 8 was done. */
const knownDebt = new Set([]);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function resolveImport(file, specifier) {
  let target;
  if (specifier.startsWith('#src/')) target = join(src, specifier.slice(5));
  else if (specifier.startsWith('.')) target = resolve(dirname(file), specifier);
  else return undefined; // a package
  return relative(root, target).replace(/\.js$/, '.ts');
}

const moduleOf = (path) => /^src\/modules\/([^/]+)\//.exec(path)?.[1];
const problems = [];
const seenDebt = new Set();

for (const file of walk(src)) {
  const from = relative(root, file);
  const isTest = /\.test\.tsx?$/.test(from);
  const text = readFileSync(file, 'utf8');
  const pattern =
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) {
    const specifier = match[1] ?? match[2];
    const to = resolveImport(file, specifier)?.replace(/\.ts$/, '');
    if (!to) continue;
    const line = text.slice(0, match.index).split('\n').length;
    const fail = (why) => problems.push(`${from}:${line}: imports ${specifier} — ${why}`);
    const fromModule = moduleOf(from);
    const toModule = moduleOf(`${to}.ts`) ?? moduleOf(`${to}/`);

    if (from.startsWith('src/pb/') && !to.startsWith('src/pb/')) {
      fail('the voting engine imports nothing outside src/pb');
    }
    if (to === 'src/db/schema' && !from.startsWith('src/db/')) {
      fail('the combined schema is for src/db only; use your own tables.ts');
    }
    if (
      ['src/db/schema.ts', 'src/db/seed.ts', 'src/platform/i18n/catalogue.ts'].includes(from) &&
      toModule &&
      to !== 'src/modules/index'
    ) {
      fail('reach the modules through the module list, src/modules/index.ts');
    }
    if (
      from.startsWith('src/platform/') &&
      from !== 'src/platform/i18n/catalogue.ts' &&
      to.startsWith('src/modules/')
    ) {
      fail('the platform imports no module');
    }
    if (fromModule && toModule && fromModule !== toModule && !isTest) {
      const isFace = to === `src/modules/${toModule}/index`;
      const debt = `${from} -> ${to}.ts`;
      if (knownDebt.has(debt)) seenDebt.add(debt);
      else if (!isFace) {
        fail(`another module's file; use src/modules/${toModule}/index.ts`);
      }
    }
  }
}

for (const debt of knownDebt) {
  if (!seenDebt.has(debt)) problems.push(`paid debt still listed in check-imports.mjs: ${debt}`);
}
for (const problem of problems) console.error(problem);
console.log(`check-imports: ${problems.length} problem(s)`);
process.exit(problems.length > 0 ? 1 : 0);
