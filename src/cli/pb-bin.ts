/**
 * The process entry of `buurtkracht pb …` alone, bundled by bin/build-cli.mjs as CommonJS
 * (dist/cli/pb.cjs) without the admin commands: bin/buurtkracht.mjs runs it for `pb`
 * compiled with V8's code cache of it, which a script takes and an ES module does not
 * (bin/code-cache.mjs; decision 0006, a process's start). Same behaviour as bin.ts with
 * `pb` as the command.
 */
import { pbMain } from './pb.js';
import { prepareProcess, processIo } from './process.js';

prepareProcess();
process.exitCode = pbMain(process.argv.slice(3), processIo);
