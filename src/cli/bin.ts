/** The process entry of `buurtkracht`: runs {@link main} on argv and sets the exit status. */
import { main } from './main.js';

// `buurtkracht pb check … | head`: once the reader has gone, stop quietly instead of
// crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main(process.argv.slice(2));
