// The "my data" download as a test reads it: the ZIP unpacked.
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import type { TestClient } from './app.js';

export interface MyDataDownload {
  /** gegevens.json, parsed (its shape is what the tests check). */
  // biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked field by field by the tests
  json: any;
  /** Everything readable in the archive (JSON, summary and note), for "contains" checks. */
  text: string;
  /** overzicht.html. */
  html: string;
  /** Every file in the archive by name. */
  files: Record<string, Uint8Array>;
  headers: Record<string, unknown>;
}

/** Downloads the signed-in client's data (POST /mijn-gegevens/download) and unpacks it. */
export async function downloadMyData(client: TestClient): Promise<MyDataDownload> {
  await client.get('/mijn-gegevens');
  const res = await client.post('/mijn-gegevens/download', {});
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/zip');
  const files = unzipSync(new Uint8Array(res.rawPayload));
  const read = (name: string) => {
    const file = files[name];
    assert.ok(file, `${name} is in the download`);
    return strFromU8(file);
  };
  const json = JSON.parse(read('gegevens.json'));
  const html = read('overzicht.html');
  return {
    json,
    html,
    text: [read('gegevens.json'), html, read('LEESMIJ.txt')].join('\n'),
    files,
    headers: res.headers,
  };
}
