/**
 * The process entry of `buurtkracht pb …` alone, bundled by bin/build-cli.mjs as CommonJS
 * (dist/cli/pb.cjs) without the admin commands: bin/buurtkracht.mjs loads it for `pb`, so
 * that a count does not pay for the ES module loader (decision 0006, a process's start).
 * Same behaviour as bin.ts with `pb` as the command.
 */
import { pbMain } from './pb.js';
import { prepareProcess, processIo } from './process.js';

prepareProcess();
process.exitCode = pbMain(process.argv.slice(3), processIo);
