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
  assert.equal(loadConfig({ NODE_ENV: 'production', COOKIE_SECRET: secret }).demoMode, false);
  assert.equal(
    loadConfig({ NODE_ENV: 'production', COOKIE_SECRET: secret, DEMO_MODE: 'true' }).demoMode,
    true,
  );
});

test('empty values count as not set', () => {
  assert.equal(loadConfig({ DATABASE_URL: '', PORT: '' }).port, 3000);
});
