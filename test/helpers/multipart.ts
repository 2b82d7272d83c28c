// Multipart form posts (photo uploads) for tests, as a browser sends them.
import { csrfTokenIn, type TestApp, type TestClient } from './app.js';

/** A text field, or a file with its name and type. */
export type Field = string | { filename: string; contentType: string; data: Buffer };

/** Posts a multipart form (a photo upload) with the client's cookies and the page's token. */
export async function postMultipart(
  t: TestApp,
  client: TestClient,
  url: string,
  fields: Record<string, Field>,
) {
  const boundary = `----bk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const all: Record<string, Field> = { _csrf: csrfTokenIn(client.lastHtml) ?? '', ...fields };
  for (const [name, value] of Object.entries(all)) {
    if (typeof value === 'string') {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        ),
      );
    } else {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: ${value.contentType}\r\n\r\n`,
        ),
        value.data,
        Buffer.from('\r\n'),
      );
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const cookie = (client as unknown as { cookieHeader(): string }).cookieHeader();
  const response = await t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    remoteAddress: '127.0.0.1',
  });
  if (response.headers['content-type']?.toString().startsWith('text/html'))
    client.lastHtml = response.body;
  return response;
}
