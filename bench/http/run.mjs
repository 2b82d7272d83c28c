// bench:http — autocannon against the real app (production mode, built code, demo data) and
// against a bare Fastify server sending the same home page. For each database (embedded
// PGlite, then PostgreSQL) it measures, for 20 connections over 10 s each:
//   /                               the home page, as a visitor without cookies
//   /buurt/zonnehoek                a network's public page, as a visitor
//   /netwerk/<id>/signalen          the signals list, signed in as the demo coordinator
//   /netwerk/<id>/bijeenkomsten/<m> a meeting page, signed in as the demo coordinator
//   /healthz                        the health check (one database round trip)
// and prints requests/s, p50 and p99 latency, and the home page's share of the bare server.
// Everything runs on 127.0.0.1; PostgreSQL gets a throwaway database that is dropped after.
//   npm run bench:http [-- --duration 10 --connections 20 --only pglite|postgres]
//   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the server.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    only: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// The demo coordinator of Zonnehoek (src/modules/network/seed.ts).
const COORDINATOR = 'anneke.de.wit@demo.buurtkracht.example';
const DEMO_PASSWORD = 'buurtkracht-demo';

function start(args, env = {}) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not start in 120 s: ${output}`));
    }, 120_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${output}`));
    });
  });
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function measure(name, url, headers = {}) {
  // A short warm-up, so the JIT and the database caches are in their steady state.
  await autocannon({ url, connections, duration: 2, headers });
  const result = await autocannon({ url, connections, duration, headers });
  return {
    name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const cookiesOf = (response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !c.endsWith('='));

/** Signs in as the demo coordinator; answers the cookie header and the pages to measure. */
async function signIn(base) {
  const form = await fetch(`${base}/inloggen`);
  const jar = cookiesOf(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const login = await fetch(`${base}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, identifier: COORDINATOR, password: DEMO_PASSWORD }),
  });
  if (login.status !== 303) throw new Error(`demo login failed: ${login.status}`);
  const cookie = [...jar, ...cookiesOf(login)].join('; ');
  const home = await fetch(`${base}/netwerk`, { headers: { cookie }, redirect: 'follow' });
  const networkId = /\/netwerk\/(\d+)/.exec(home.url + (await home.text()))?.[1];
  if (!networkId) throw new Error('no network for the demo coordinator');
  const meetings = await (
    await fetch(`${base}/netwerk/${networkId}/bijeenkomsten`, { headers: { cookie } })
  ).text();
  const meetingId = new RegExp(`/netwerk/${networkId}/bijeenkomsten/(\\d+)"`).exec(meetings)?.[1];
  if (!meetingId) throw new Error('no meeting in the demo');
  return {
    cookie,
    signals: `/netwerk/${networkId}/signalen`,
    meeting: `/netwerk/${networkId}/bijeenkomsten/${meetingId}`,
  };
}

async function benchApp(label, env, workDir) {
  const app = await start(['dist/src/server.js'], {
    NODE_ENV: 'production',
    COOKIE_SECRET: 'bench-only-secret-bench-only-secret-000',
    // Production needs the public address; links only, nothing is fetched from it.
    PUBLIC_URL: 'http://127.0.0.1',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DEMO_MODE: 'true',
    ...env,
  });
  try {
    const page = await (await fetch(app.url)).text();
    const pageFile = join(workDir, `home-${label}.html`);
    writeFileSync(pageFile, page);
    const session = await signIn(app.url);
    const signedIn = { cookie: session.cookie };
    const rows = [
      await measure(`${label} /`, `${app.url}/`),
      await measure(`${label} /buurt/zonnehoek`, `${app.url}/buurt/zonnehoek`),
      await measure(`${label} signals list`, `${app.url}${session.signals}`, signedIn),
      await measure(`${label} meeting page`, `${app.url}${session.meeting}`, signedIn),
      await measure(`${label} /healthz`, `${app.url}/healthz`),
    ];
    return { rows, pageFile, bytes: Buffer.byteLength(page) };
  } finally {
    await stop(app.child);
  }
}

async function withPostgresDatabase(fn) {
  const name = `bk_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'bk-bench-'));
const results = [];
try {
  if (values.only !== 'postgres') {
    results.push(await benchApp('pglite', { DATA_DIR: join(workDir, 'data') }, workDir));
  }
  if (values.only !== 'pglite') {
    results.push(
      await withPostgresDatabase((url) =>
        benchApp('postgres', { DATABASE_URL: url, DATA_DIR: join(workDir, 'pg') }, workDir),
      ),
    );
  }
  const bare = await start(['bench/http/bare.mjs', results[0].pageFile]);
  let bareRow;
  try {
    bareRow = await measure('bare fastify (same home page)', `${bare.url}/`);
  } finally {
    await stop(bare.child);
  }
  console.log(
    `\n${connections} connections, ${duration} s each, home page ${results[0].bytes} bytes\n`,
  );
  console.table([...results.flatMap((r) => r.rows), bareRow]);
  for (const r of results) {
    const ratio = r.rows[0]['req/s'] / bareRow['req/s'];
    console.log(`${r.rows[0].name} / bare: ${(ratio * 100).toFixed(1)} % of the bare server`);
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
