/**
 * What every `buurtkracht` process sets up before its command runs: how a stream that
 * cannot be written ends the process. Shared by the two entries, bin.ts (every command) and
 * pb-bin.ts (`pb`, bundled on its own for a fast start). V8's flags for `pb` are set by
 * bin/buurtkracht.mjs, before any of the engine is compiled.
 */
import type { Io } from './pb.js';

/** Writes to the process's stdout and stderr. */
export const processIo: Io = {
  out: (l: string) => process.stdout.write(`${l}\n`),
  err: (l: string) => process.stderr.write(`${l}\n`),
};

/**
 * Prepares this process for its command: the handlers of a stream that fails. `buurtkracht
 * pb check … | head`: once the reader has gone, stop quietly instead of crashing on EPIPE.
 * Any other failure to write (a full disk: ENOSPC, a closed or broken device) is one line
 * on stderr and exit status 2, as a file that cannot be read is, never a stack trace: the
 * output is incomplete, and a script must not take it for a whole one.
 */
export function prepareProcess(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) {
        try {
          process.stderr.write(`error: cannot write the output: ${e.message}\n`);
        } catch {
          // stderr fails too: the exit status is all that is left to say it.
        }
      }
      process.exit(2);
    });
  }
}
