/** The process entry of `buurtkracht`: runs {@link main} on argv and sets the exit status. */
import { main } from './main.js';

/**
 * V8's optimising compiler inlines calls into a function up to 920 bytes of bytecode in
 * all (`--max-inlined-bytecode-size-cumulative`). A count by `pb` lasts a fraction of a
 * second, and compiling the engine's hot functions with that much inlined into them takes
 * longer than it saves: with 200, a whole `pb tally` of Warszawa 2026 (add1) takes 0.91
 * of the time and one with amounts in the tens of billions 0.84, while the generated
 * million-voter count (2 s) takes 0.96 (farm-bench, decision 0006). The flag is set before
 * any count is compiled, and only in this process: the web server keeps V8's defaults.
 */
const INLINING_BUDGET = '--max-inlined-bytecode-size-cumulative=200';
if (process.argv[2] === 'pb') (await import('node:v8')).setFlagsFromString(INLINING_BUDGET);

// `buurtkracht pb check … | head`: once the reader has gone, stop quietly instead of
// crashing on EPIPE. Any other failure to write (a full disk: ENOSPC, a closed or broken
// device) is one line on stderr and exit status 2, as a file that cannot be read is, never a
// stack trace: the output is incomplete, and a script must not take it for a whole one.
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

process.exitCode = await main(process.argv.slice(2));
