import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('defaults give a working demo on the embedded database', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.demoMode, true);
  assert.match(config.dataDir, /data$/);
  assert.ok(Object.isFrozen(config));
});

test('every wrong setting is named in one message', () => {
  try {
    loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    assert.fail('expected a ConfigError');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /PORT/);
    assert.match(error.message, /DATABASE_URL: must start with postgres/);
    assert.match(error.message, /LOG_LEVEL/);
    assert.equal(error.problems.length, 3);
  }
});

test('production needs a cookie secret and has the demo off unless asked for', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /COOKIE_SECRET: required/);
  const secret = 'x'.repeat(32);
  const url = 'https://buurtkracht.example';
  assert.equal(
    loadConfig({ NODE_ENV: 'production', COOKIE_SECRET: secret, PUBLIC_URL: url }).demoMode,
    false,
  );
  assert.equal(
    loadConfig({
      NODE_ENV: 'production',
      COOKIE_SECRET: secret,
      PUBLIC_URL: url,
      DEMO_MODE: 'true',
    }).demoMode,
    true,
  );
});

test('production refuses to start without PUBLIC_URL, and says what to set', () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production', COOKIE_SECRET: 'x'.repeat(32) }),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.problems.length === 1 &&
      /PUBLIC_URL: required when NODE_ENV=production/.test(error.message),
  );
  assert.throws(() => loadConfig({ PUBLIC_URL: 'ftp://files.example' }), /PUBLIC_URL/);
  assert.throws(() => loadConfig({ PUBLIC_URL: 'https://x.example/?a=1' }), /PUBLIC_URL/);
});

test('PUBLIC_URL is the address for links; in development the listening address', () => {
  assert.equal(loadConfig({}).publicUrl, 'http://127.0.0.1:3000');
  assert.equal(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl, 'http://localhost:8080');
  assert.equal(loadConfig({ HOST: '::1', PORT: '8080' }).publicUrl, 'http://[::1]:8080');
  assert.equal(
    loadConfig({ PUBLIC_URL: 'https://buurtkracht.example/' }).publicUrl,
    'https://buurtkracht.example',
  );
});

test('empty values count as not set', () => {
  assert.equal(loadConfig({ DATABASE_URL: '', PORT: '' }).port, 3000);
});
