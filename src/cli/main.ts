/** `buurtkracht` command line: dispatches to the subcommands. No side effects on import. */
import { type Io, PB_USAGE, pbMain } from './pb.js';
import { processIo } from './process.js';

const USAGE = `usage: buurtkracht <command> …

commands:
  pb      participatory budgeting: tally, check and explain pabulib files
  admin   platform administrators: create, list, reset-password
  export  regions, municipalities, areas, networks and organisations to CSV files
  import  the same from CSV files

${PB_USAGE}

buurtkracht admin --help: the administration commands`;

/**
 * Runs the command line with `args` (without node and the script); returns the exit status
 * (a promise of it for the commands that open the database).
 */
export function main(args: string[], io: Io = processIo): number | Promise<number> {
  const [command, ...rest] = args;
  if (command === 'pb') return pbMain(rest, io);
  if (command === 'admin' || command === 'export' || command === 'import') {
    // Loaded only when asked for: the engine's commands need no database.
    return import('./admin.js').then(async ({ ADMIN_USAGE, adminMain, terminalPasswordPrompt }) => {
      if (rest[0] === '--help' || rest[0] === '-h') {
        io.out(ADMIN_USAGE);
        return 0;
      }
      return adminMain(command, rest, { ...io, askPassword: terminalPasswordPrompt() });
    });
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  io.err(command ? `error: unknown command "${command}"` : 'error: no command given');
  io.err(USAGE);
  return 2;
}
