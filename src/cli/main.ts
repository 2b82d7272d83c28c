/** `buurtkracht` command line: dispatches to the subcommands. No side effects on import. */
import { type Io, PB_USAGE, pbMain } from './pb.js';

const USAGE = `usage: buurtkracht <command> …

commands:
  pb    participatory budgeting: tally, check and explain pabulib files

${PB_USAGE}`;

/** Writes to the process's stdout and stderr. */
export const processIo: Io = {
  out: (l: string) => process.stdout.write(`${l}\n`),
  err: (l: string) => process.stderr.write(`${l}\n`),
};

/** Runs the command line with `args` (without node and the script); returns the exit status. */
export function main(args: string[], io: Io = processIo): number {
  const [command, ...rest] = args;
  if (command === 'pb') return pbMain(rest, io);
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  io.err(command ? `error: unknown command "${command}"` : 'error: no command given');
  io.err(USAGE);
  return 2;
}
