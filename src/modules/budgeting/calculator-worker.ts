// The calculator's worker thread: reads and counts one pabulib file (calculator.ts) off the
// main thread, so a long count never holds up other requests. It reports each step, then
// the result, to the thread that started it (calculator-jobs.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { countPabulib } from './calculator.js';

const { file, rule } = workerData as { file: string | Uint8Array; rule: string };
const result = countPabulib(file, rule, (step) => parentPort?.postMessage({ type: 'step', step }));
parentPort?.postMessage({ type: 'done', result });
