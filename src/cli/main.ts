/** `buurtkracht` command line: dispatches to the subcommands. */
import { PB_USAGE, pbMain } from './pb.js';

const USAGE = `usage: buurtkracht <command> …

commands:
  pb    participatory budgeting: tally, check and explain pabulib files

${PB_USAGE}`;

export function main(args: string[]): number {
  const io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) };
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

process.exitCode = main(process.argv.slice(2));
