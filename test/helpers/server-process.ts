// Runs the real server as a child process (node + tsx, as `npm run dev` does), to test what
// only a whole process shows: start-up, the data-folder lock, crashes and restarts.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** A port that is free now: links in mail and letters name the port, so it is chosen first. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `from: 'dist'` runs the built server (as npm start does); the default runs the sources.
 * `nodeArgs` go before the script (e.g. --cpu-prof, which NODE_OPTIONS does not allow).
 */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
  from: 'src' | 'dist' = 'src',
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const args = [
    ...nodeArgs,
    ...(from === 'dist' ? ['dist/src/server.js'] : ['--import', 'tsx', 'src/server.ts']),
  ];
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}:\n${output}`), { code, output }));
    });
  });
}

export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * A form post as a browser makes it: fetch a page with a form (`formPage`, a path) for the
 * CSRF cookie and token, then post. Pages without a form set no CSRF cookie (decision 0016).
 */
export async function browserSession(url: string, formPage = '/inloggen') {
  const page = await fetch(new URL(formPage, url));
  assert.equal(page.status, 200, `${formPage} answers`);
  const cookies = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  return {
    post: (path: string, fields: Record<string, string>) =>
      fetch(new URL(path, url), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      }),
  };
}
