// Runs a CommonJS file compiled with V8's code cache of it: used by bin/buurtkracht.mjs for
// dist/cli/pb.cjs (decision 0006, a process's start). A code cache holds the bytecode of
// the functions a run compiled; V8 refuses one made by another version of V8, with other
// flags, or for a source of another length, and then compiles as usual. This file imports
// nothing at its top for the same reason as bin/buurtkracht.mjs: node's modules come from
// process.getBuiltinModule (node 20.16 and later), else through import().
const builtin = (name) => process.getBuiltinModule?.(name) ?? import(name);
const [fs, path, nodeModule, vm] = await Promise.all(
  ['node:fs', 'node:path', 'node:module', 'node:vm'].map(builtin),
);

/**
 * Runs the CommonJS file `file` (an absolute path) as `require` would: the same wrapper,
 * with `exports`, `require`, `module`, `__filename` and `__dirname`. With `write`, compiles
 * it without a cache and writes the code cache to `cacheFile` after the run (so that it
 * holds what the run compiled); otherwise offers `cacheFile` to V8 when it is there and
 * not older than `file`.
 * @param {string} file
 * @param {string} cacheFile
 * @param {{ write?: boolean }} [options]
 * @returns {'accepted' | 'rejected' | 'none' | 'written'} what became of the cache:
 *   accepted or rejected by V8, none offered (missing or older than `file`), or written.
 * @throws whatever the file throws as it runs, and a failure to write the cache.
 */
export function runWithCodeCache(file, cacheFile, { write = false } = {}) {
  const source = fs.readFileSync(file, 'utf8');
  const cacheAt = write ? undefined : fs.statSync(cacheFile, { throwIfNoEntry: false })?.mtimeMs;
  const cachedData =
    cacheAt !== undefined && cacheAt >= fs.statSync(file).mtimeMs
      ? fs.readFileSync(cacheFile)
      : undefined;
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: file, cachedData },
  );
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    nodeModule.createRequire(file),
    module,
    file,
    path.dirname(file),
  );
  if (write) {
    fs.writeFileSync(cacheFile, script.createCachedData());
    return 'written';
  }
  if (cachedData === undefined) return 'none';
  return script.cachedDataRejected ? 'rejected' : 'accepted';
}
