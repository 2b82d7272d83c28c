/** The process entry of `buurtkracht`: runs {@link main} on argv and sets the exit status. */
import { main } from './main.js';
import { prepareProcess } from './process.js';

prepareProcess();
process.exitCode = await main(process.argv.slice(2));
