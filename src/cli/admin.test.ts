// The administration commands on a test database: the password prompt (a terminal), the
// set-up link (no terminal), promoting and reopening accounts, reset links, usage errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { adminModule } from '#src/modules/admin/index.js';
import { createTestApp, type TestApp, TestClient, testConfig } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createPerson, TEST_PASSWORD } from '#test/helpers/factories.js';
import { type AdminIo, adminMain } from './admin.js';

describe('buurtkracht admin', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://buurtkracht.test' });
  });
  after(() => t.close());

  /** Runs a command; `answers` are typed at the password prompt (a terminal), if given. */
  async function run(args: string[], answers?: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: AdminIo = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      askPassword: answers ? async () => answers.shift() ?? '' : undefined,
    };
    const status = await adminMain(args[0]!, args.slice(1), io, {
      config: testConfig({ PUBLIC_URL: 'https://buurtkracht.test' }),
      database: t.database,
    });
    return { status, out: out.join('\n'), err: err.join('\n') };
  }

  test('npm start names the command only in production, and only while there is no administrator', async () => {
    const none = { countActiveAdmins: async () => 0 };
    const one = { countActiveAdmins: async () => 1 };
    const notice = await adminModule.api.firstAdminNotice(
      { env: 'production', databaseUrl: undefined },
      none,
    );
    assert.match(notice ?? '', /npx buurtkracht admin create --email <your email address>/);
    assert.match(notice ?? '', /DATA_DIR/);
    assert.match(notice ?? '', /stop Buurtkracht first/);
    const onPostgres = await adminModule.api.firstAdminNotice(
      { env: 'production', databaseUrl: 'postgres://db/bk' },
      none,
    );
    assert.match(onPostgres ?? '', /DATABASE_URL/);
    assert.doesNotMatch(onPostgres ?? '', /stop Buurtkracht/);
    assert.equal(
      await adminModule.api.firstAdminNotice({ env: 'production', databaseUrl: undefined }, one),
      undefined,
    );
    assert.equal(
      await adminModule.api.firstAdminNotice({ env: 'development', databaseUrl: undefined }, none),
      undefined,
    );
  });

  test('create asks for a password twice in a terminal, refuses weak or differing ones', async () => {
    const short = await run(['admin', 'create', '--email', 'a@gemeente.example'], ['kort']);
    assert.equal(short.status, 1);
    assert.match(short.err, /10 to 200 characters/);
    const common = await run(['admin', 'create', '--email', 'a@gemeente.example'], ['password123']);
    assert.equal(common.status, 1);
    const differ = await run(
      ['admin', 'create', '--email', 'a@gemeente.example'],
      ['tulpenveld-zomer-31', 'tulpenveld-zomer-32'],
    );
    assert.equal(differ.status, 1);
    assert.match(differ.err, /differ/);
    const none = await countOf(sql`select count(*)::int as n from people`);
    assert.equal(none, 0, 'nothing made on a refusal');

    const made = await run(
      ['admin', 'create', '--email', 'A@Gemeente.example', '--name', 'Anna Beheer'],
      ['tulpenveld-zomer-31', 'tulpenveld-zomer-31'],
    );
    assert.equal(made.status, 0, made.err);
    assert.match(made.out, /Sign in at https:\/\/buurtkracht\.test\/inloggen/);
    await new TestClient(t.app).login('a@gemeente.example', 'tulpenveld-zomer-31');
    // A second time: already an administrator.
    const again = await run(['admin', 'create', '--email', 'a@gemeente.example', '--link']);
    assert.equal(again.status, 1);
    assert.match(again.err, /reset-password a@gemeente\.example/);
  });

  test('without a terminal, create needs --link; the link is single-use and lasts an hour', async () => {
    const noTerminal = await run(['admin', 'create', '--email', 'b@gemeente.example']);
    assert.equal(noTerminal.status, 2);
    assert.match(noTerminal.err, /add --link/);
    const made = await run(['admin', 'create', '--email', 'b@gemeente.example', '--link']);
    assert.equal(made.status, 0);
    const token = /token=(\S+)/.exec(made.out)?.[1];
    assert.ok(token, made.out);
    const expires = await countOf(
      sql`select extract(epoch from expires_at - created_at)::int as n from password_resets order by id desc limit 1`,
    );
    assert.equal(expires, 3600);
    const listed = await run(['admin', 'list']);
    assert.match(listed.out, /b@gemeente\.example\t.*\tno password yet/);
  });

  test('an existing account is promoted (keeping its password); a closed administrator is reopened', async () => {
    const member = await createPerson(t.database.db, { email: 'lid@gemeente.example' });
    const promoted = await run(['admin', 'create', '--email', 'lid@gemeente.example']);
    assert.equal(promoted.status, 0, promoted.err);
    assert.match(promoted.out, /is an administrator now/);
    await new TestClient(t.app).login('lid@gemeente.example', TEST_PASSWORD);
    await t.database.db.execute(
      sql`update people set deactivated_at = now() where id = ${member.id}`,
    );
    const reopened = await run(['admin', 'create', '--email', 'lid@gemeente.example']);
    assert.equal(reopened.status, 0, reopened.err);
    assert.match(reopened.out, /is open again/);
    await new TestClient(t.app).login('lid@gemeente.example', TEST_PASSWORD);
  });

  test('reset-password prints a working single-use link; unknown addresses and bad usage fail', async () => {
    const link = await run(['admin', 'reset-password', 'lid@gemeente.example']);
    assert.equal(link.status, 0);
    const token = /token=(\S+)/.exec(link.out)![1]!;
    const client = new TestClient(t.app);
    await client.get(`/wachtwoord-herstellen?token=${token}`);
    const reset = await client.post('/wachtwoord-herstellen', {
      token,
      password: 'nieuwe-lente-bloesem-9',
    });
    assert.equal(reset.statusCode, 303);
    await client.login('lid@gemeente.example', 'nieuwe-lente-bloesem-9');
    const unknown = await run(['admin', 'reset-password', 'niemand@gemeente.example']);
    assert.equal(unknown.status, 1);
    for (const args of [
      ['admin'],
      ['admin', 'delete'],
      ['admin', 'create'],
      ['admin', 'create', '--email', 'geen-adres'],
      ['admin', 'reset-password'],
      ['admin', 'list', 'extra'],
      ['export'],
      ['import'],
      ['import', '/tmp', '--lang', 'fr'],
    ]) {
      const usage = await run(args);
      assert.equal(usage.status, 2, args.join(' '));
      assert.match(usage.err, /usage:/);
    }
  });

  async function countOf(query: ReturnType<typeof sql>): Promise<number> {
    const [first] = await rows<{ n: number }>(t, query);
    return first!.n;
  }
});
