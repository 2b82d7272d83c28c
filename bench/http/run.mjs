// bench:http — autocannon against the real app (production mode, embedded database) on the
// home page and /healthz, and against a bare Fastify server sending a page of the same size.
// Prints requests/s, p50 and p99 latency for each, and the ratio app / bare.
//   npm run bench:http [-- --duration 10 --connections 20]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

function start(args, env = {}) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

async function measure(name, url) {
  // A short warm-up, so the JIT and the database caches are in their steady state.
  await autocannon({ url, connections, duration: 2 });
  const result = await autocannon({ url, connections, duration });
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    errors,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'bk-bench-'));
const app = await start(['dist/src/server.js'], {
  NODE_ENV: 'production',
  COOKIE_SECRET: 'bench-only-secret-bench-only-secret-000',
  DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'warn',
  DEMO_MODE: 'true',
});
const page = await (await fetch(app.url)).text();
const pageFile = join(dataDir, 'home.html');
writeFileSync(pageFile, page);
const bare = await start(['bench/http/bare.mjs', pageFile]);

const rows = [];
try {
  rows.push(await measure('app /', `${app.url}/`));
  rows.push(await measure('app /healthz', `${app.url}/healthz`));
  rows.push(await measure('bare fastify (same page)', `${bare.url}/`));
} finally {
  app.child.kill('SIGTERM');
  bare.child.kill('SIGTERM');
}
console.log(
  `\n${connections} connections, ${duration} s each, home page ${Buffer.byteLength(page)} bytes\n`,
);
console.table(rows);
const ratio = rows[0]['req/s'] / rows[2]['req/s'];
console.log(
  `app / bare (home page): ${(ratio * 100).toFixed(1)} % of the bare server's throughput`,
);
setTimeout(() => rmSync(dataDir, { recursive: true, force: true }), 500);
