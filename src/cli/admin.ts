/**
 * `buurtkracht admin …`, `buurtkracht export DIR` and `buurtkracht import DIR`: the first
 * administrator, administrators' links, and places and networks as CSV. They open the same
 * database as the server, with the same settings (src/config.ts), and run its migrations.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { type DatabaseHandle, openDatabase } from '../db/client.js';
import { DataDirLockedError } from '../db/lock.js';
import { runMigrations } from '../db/migrate.js';
import { adminModule } from '../modules/admin/index.js';
import { peopleModule } from '../modules/people/index.js';
import { isLang, translator } from '../platform/i18n/index.js';
import type { Io } from './pb.js';

export const ADMIN_USAGE = `usage:
  buurtkracht admin create --email EMAIL [--name NAME] [--link]
        a platform administrator: asks for a password (in a terminal), or with --link
        prints a one-time set-up link, valid one hour
  buurtkracht admin list
  buurtkracht admin reset-password EMAIL
        prints a single-use link to choose a new password, valid one hour
  buurtkracht export DIR
        writes regions.csv, municipalities.csv, areas.csv, networks.csv, organisations.csv
  buurtkracht import DIR [--dry-run] [--lang nl|en]
        reads those files (the ones present): rows are found by slug (organisations by
        name), every row is checked first, and all is saved in one transaction or nothing

Run with the server's settings (NODE_ENV, COOKIE_SECRET, PUBLIC_URL, DATA_DIR or
DATABASE_URL). The embedded database allows one process: stop the server first.`;

/** The terminal, when there is one: for the password prompt. */
export interface AdminIo extends Io {
  /** Asks for a password without showing it; undefined when stdin is not a terminal. */
  askPassword?: ((prompt: string) => Promise<string>) | undefined;
}

/** The database and settings a command works on (tests pass their own). */
export interface Session {
  config: Config;
  database: DatabaseHandle;
}

class Usage extends Error {}

function parse(args: string[], valued: string[], booleans: string[]) {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (booleans.includes(name)) flags.set(name, true);
    else if (valued.includes(name)) {
      const v = inline ?? args[++i];
      if (v === undefined || v.startsWith('--')) throw new Usage(`--${name} needs a value`);
      flags.set(name, v);
    } else throw new Usage(`unknown option --${name}`);
  }
  return { positional, flags };
}

const email = z.string().trim().toLowerCase().email();

/**
 * Reads a password from the terminal without echoing it: the terminal in raw mode, one
 * character at a time (backspace removes one; Ctrl-C stops the command). Undefined when
 * stdin is not a terminal.
 */
export function terminalPasswordPrompt(): ((prompt: string) => Promise<string>) | undefined {
  const stdin = process.stdin;
  if (!stdin.isTTY) return undefined;
  return (prompt) =>
    new Promise((resolve) => {
      process.stdout.write(prompt);
      let answer = '';
      const finish = () => {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
        process.stdout.write('\n');
      };
      const onData = (chunk: Buffer | string) => {
        for (const ch of chunk.toString()) {
          if (ch === '\r' || ch === '\n') {
            finish();
            resolve(answer);
            return;
          }
          if (ch === '\u0003') {
            finish();
            process.exit(130);
          }
          if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
          else answer += ch;
        }
      };
      stdin.setRawMode(true);
      stdin.resume();
      stdin.on('data', onData);
    });
}

async function create(args: string[], io: AdminIo, s: Session): Promise<number> {
  const { positional, flags } = parse(args, ['email', 'name'], ['link']);
  if (positional.length > 0) throw new Usage(`unexpected argument "${positional[0]}"`);
  const address = email.safeParse(flags.get('email'));
  if (!address.success) throw new Usage('--email needs a valid email address');
  const link = flags.get('link') === true;
  const people = await adminModule.api.commandLinePeople(s.config, s.database.db);
  const existing = await people.findAccountByLogin(address.data);
  if (existing?.isAdmin && !existing.deactivatedAt) {
    io.err(
      `error: ${address.data} is an administrator already; for a new password use: buurtkracht admin reset-password ${address.data}`,
    );
    return 1;
  }
  // A new account needs a password (or the link); an existing one keeps its own.
  let password: string | undefined;
  if (!existing && !link) {
    if (!io.askPassword) {
      io.err('error: no terminal to ask for a password; add --link to get a set-up link instead');
      return 2;
    }
    password = await io.askPassword('Password (at least 10 characters): ');
    if (password.length < 10 || password.length > 200) {
      io.err('error: the password needs 10 to 200 characters');
      return 1;
    }
    if (peopleModule.api.isCommonPassword(password, [address.data])) {
      io.err('error: this password is too common or too close to the email address');
      return 1;
    }
    if ((await io.askPassword('The same password again: ')) !== password) {
      io.err('error: the two passwords differ');
      return 1;
    }
  }
  const by = { actorId: null, origin: 'cli' };
  const name = typeof flags.get('name') === 'string' ? (flags.get('name') as string) : '';
  const result = await people.createAdministrator(
    { email: address.data, displayName: name, password },
    by,
  );
  if (result.outcome === 'alreadyAdmin') {
    io.err(`error: ${address.data} is an administrator already`);
    return 1;
  }
  io.out(
    result.outcome === 'created'
      ? `Administrator ${address.data} created.`
      : result.outcome === 'reopened'
        ? `The closed administrator account ${address.data} is open again.`
        : `The account ${address.data} is an administrator now.`,
  );
  // Without a password of its own nobody can sign in with the account: give the link too.
  if (link || (existing ? !existing.hasPassword : !password)) {
    const setup = await people.passwordLinkFor(address.data, s.config.publicUrl, by);
    if (setup) {
      io.out('Open this link to choose a password (it works once, for one hour):');
      io.out(`  ${setup.url}`);
    }
  } else {
    io.out(`Sign in at ${s.config.publicUrl}/inloggen`);
  }
  return 0;
}

async function list(args: string[], io: AdminIo, s: Session): Promise<number> {
  if (args.length > 0) throw new Usage(`unexpected argument "${args[0]}"`);
  const people = await adminModule.api.commandLinePeople(s.config, s.database.db);
  const admins = await people.listAdmins();
  if (admins.length === 0) {
    io.out('No administrators yet. Create one with: buurtkracht admin create --email EMAIL');
    return 0;
  }
  for (const a of admins) {
    const status = a.deactivatedAt ? 'closed' : a.hasPassword ? 'active' : 'no password yet';
    io.out(`${a.id}\t${a.email ?? a.username ?? ''}\t${a.displayName}\t${status}`);
  }
  return 0;
}

async function resetPassword(args: string[], io: AdminIo, s: Session): Promise<number> {
  const { positional } = parse(args, [], []);
  const address = email.safeParse(positional[0]);
  if (!address.success || positional.length !== 1) throw new Usage('give one email address');
  const people = await adminModule.api.commandLinePeople(s.config, s.database.db);
  const link = await people.passwordLinkFor(address.data, s.config.publicUrl, {
    actorId: null,
    origin: 'cli',
  });
  if (!link) {
    io.err(`error: no account with the address ${address.data}`);
    return 1;
  }
  io.out('Open this link to choose a new password (it works once, for one hour):');
  io.out(`  ${link.url}`);
  return 0;
}

async function exportCsv(args: string[], io: AdminIo, s: Session): Promise<number> {
  const { positional } = parse(args, [], []);
  const dir = positional[0];
  if (!dir || positional.length !== 1) throw new Usage('give the folder to write the files to');
  mkdirSync(dir, { recursive: true });
  const files = await adminModule.api.exportPlaces(s.database.db);
  for (const kind of adminModule.api.csvKinds) {
    writeFileSync(join(dir, `${kind}.csv`), files[kind]);
    const rows = files[kind].trim().split(/\r?\n/).length - 1;
    io.out(`${join(dir, `${kind}.csv`)}: ${rows} row(s)`);
  }
  return 0;
}

async function importCsv(args: string[], io: AdminIo, s: Session): Promise<number> {
  const { positional, flags } = parse(args, ['lang'], ['dry-run']);
  const dir = positional[0];
  if (!dir || positional.length !== 1) throw new Usage('give the folder with the files');
  const lang = flags.get('lang') ?? 'nl';
  if (!isLang(lang)) throw new Usage('--lang is nl or en');
  const files: Partial<Record<(typeof adminModule.api.csvKinds)[number], string>> = {};
  for (const kind of adminModule.api.csvKinds) {
    const path = join(dir, `${kind}.csv`);
    if (existsSync(path)) files[kind] = readFileSync(path, 'utf8');
  }
  if (Object.keys(files).length === 0) {
    io.err(
      `error: ${dir} holds none of ${adminModule.api.csvKinds.map((k) => `${k}.csv`).join(', ')}`,
    );
    return 1;
  }
  const result = await adminModule.api.importPlaces(
    s.database.db,
    files,
    translator(lang),
    { actorId: null, origin: 'cli' },
    { dryRun: flags.get('dry-run') === true },
  );
  if (!result.ok) {
    for (const e of result.errors) io.err(e);
    io.err(
      lang === 'nl'
        ? `Niets opgeslagen: ${result.errors.length} fout(en).`
        : `Nothing saved: ${result.errors.length} error(s).`,
    );
    return 1;
  }
  for (const kind of adminModule.api.csvKinds) {
    if (files[kind] === undefined) continue;
    const c = result.counts[kind];
    io.out(`${kind}: ${c.created} new, ${c.updated} updated`);
  }
  if (flags.get('dry-run') === true) io.out('Dry run: nothing was saved.');
  return 0;
}

/** Opens the database of the environment's settings, migrated (as `npm start` does). */
export async function openSession(): Promise<Session> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database };
}

/**
 * Runs `admin …`, `export` or `import` (`command` is the first word); returns the exit
 * status. `session`: the database to use (tests); by default the environment's, closed after.
 */
export async function adminMain(
  command: string,
  args: string[],
  io: AdminIo,
  session?: Session,
): Promise<number> {
  let own: Session | undefined;
  try {
    const [sub, ...rest] = command === 'admin' ? args : [command, ...args];
    const run =
      sub === 'create'
        ? create
        : sub === 'list'
          ? list
          : sub === 'reset-password'
            ? resetPassword
            : sub === 'export'
              ? exportCsv
              : sub === 'import'
                ? importCsv
                : undefined;
    if (!run) throw new Usage(sub ? `unknown command "${sub}"` : 'no command given');
    if (!session) own = await openSession();
    return await run(rest, io, (session ?? own)!);
  } catch (error) {
    if (error instanceof Usage) {
      io.err(`error: ${error.message}`);
      io.err(ADMIN_USAGE);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await own?.database.close();
  }
}
