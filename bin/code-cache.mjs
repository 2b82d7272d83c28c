// Runs a CommonJS file compiled with V8's code cache of it: used by bin/buurtkracht.mjs for
// dist/cli/pb.cjs (decision 0006, a process's start). A code cache holds the bytecode of
// the functions a run compiled. V8 refuses one made by another version of V8 or with other
// flags, and then compiles as usual; but of the source it checks only the length, so a
// cache of another file of the same length would run that file's bytecode. The cache file
// therefore starts with the source it was made for, and is offered to V8 only for that
// same source:
//   4 bytes  the source's length in bytes, unsigned, little-endian
//   n bytes  the source (UTF-8)
//   the rest V8's code cache (vm.Script#createCachedData), with its checksum (see below)
// This file imports nothing at its top for the same reason as bin/buurtkracht.mjs: node's
// modules come from process.getBuiltinModule (node 20.16 and later), else through import().
const builtin = (name) => process.getBuiltinModule?.(name) ?? import(name);
const [fs, path, nodeModule, vm, v8] = await Promise.all(
  ['node:fs', 'node:path', 'node:module', 'node:vm', 'node:v8'].map(builtin),
);

/**
 * The V8 code cache in `cacheFile` when it was made for `source` (see the top of this
 * file); undefined when it is missing, unreadable, not in that form or for another source.
 * @param {string} cacheFile
 * @param {Buffer} source
 * @returns {Buffer | undefined}
 */
function cacheFor(cacheFile, source) {
  let bytes;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined; // missing, a directory, no permission: compile as usual
  }
  if (bytes.length < 4) return undefined;
  const n = bytes.readUInt32LE(0);
  if (4 + n > bytes.length || !bytes.subarray(4, 4 + n).equals(source)) return undefined;
  return bytes.subarray(4 + n);
}

/**
 * Runs the CommonJS file `file` (an absolute path) as `require` would: the same wrapper,
 * with `exports`, `require`, `module`, `__filename` and `__dirname`. With `write`, compiles
 * it without a cache and, when the run ends without an exit status other than 0, writes
 * `cacheFile` (so that it holds what the run compiled); otherwise offers the code cache in
 * `cacheFile` to V8 when it was made for this very source.
 * @param {string} file
 * @param {string} cacheFile
 * @param {{ write?: boolean }} [options]
 * @returns {'accepted' | 'rejected' | 'none' | 'written' | 'not written'} what became of the
 *   cache: accepted or rejected by V8, none offered (missing, unreadable or made for another
 *   source), written, or not written (the run failed).
 * @throws whatever the file throws as it runs, and a failure to write the cache.
 */
export function runWithCodeCache(file, cacheFile, { write = false } = {}) {
  // Release builds of V8 neither write nor check a code cache's checksum: a cache damaged
  // inside could run as bytecode or crash the process. With this flag (set before the
  // cache is made and before it is read, since V8 compares the flags too) a damaged one is
  // refused; whole `pb tally` processes gained as much with the check as without it.
  v8.setFlagsFromString('--verify-snapshot-checksum');
  const bytes = fs.readFileSync(file);
  const cachedData = write ? undefined : cacheFor(cacheFile, bytes);
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`,
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
    if ((process.exitCode ?? 0) !== 0) return 'not written';
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length, 0);
    fs.writeFileSync(cacheFile, Buffer.concat([length, bytes, script.createCachedData()]));
    return 'written';
  }
  if (cachedData === undefined) return 'none';
  return script.cachedDataRejected ? 'rejected' : 'accepted';
}
