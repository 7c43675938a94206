import { stringify } from 'devalue';
import { serverFnMeta } from 'litflare';
import { createApp } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import * as fns from './fixtures/rpc.server.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

const app = createApp({ shell: testShell, dev: false, allowOrigins: ['https://admin.example'] });
app.post('/comments', (c) => c.text('saved'));
app.websocket('/echo/:name', 'ECHO');

const rpcPath = `/_lf/rpc/${serverFnMeta(fns.add)!.id}`;

/**
 * The three state-changing requests a browser can be tricked into — a server
 * function call, a form post, a WebSocket upgrade — sent to `url` with these
 * headers. The answers' statuses.
 */
async function statuses(url: string, headers: Record<string, string>): Promise<number[]> {
  const responses = [
    await send(app, url + rpcPath, { method: 'POST', headers: { 'content-type': 'application/x-litflare', ...headers }, body: stringify([1, 2]) }),
    await send(app, `${url}/comments`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: 'text=hi' }),
    await send(app, `${url}/echo/origin-probe`, { headers: { upgrade: 'websocket', ...headers } }),
  ];
  for (const response of responses) {
    response.webSocket?.accept();
    response.webSocket?.close();
    await response.body?.cancel();
  }
  return responses.map((response) => response.status);
}

describe('the app’s own origin is the host the browser sent (Host), never the URL’s', () => {
  it('refuses another site whose host a proxy put into the URL (`GET //evil.example/…` through vite preview)', async () => {
    // What a proxy that builds the URL from the path hands the Worker: the
    // attacker's host in the URL, the real one in Host.
    expect(await statuses('https://evil.example', { host: 'app.example', origin: 'https://evil.example' })).toEqual([403, 403, 403]);
    // Trusting X-Forwarded-Host would give the attacker the same power: it is ignored.
    expect(
      await statuses('https://evil.example', { host: 'app.example', 'x-forwarded-host': 'evil.example', origin: 'https://evil.example' }),
    ).toEqual([403, 403, 403]);
  });

  it('admits the origin named by Host, and the allowed ones, whatever the URL says', async () => {
    expect(await statuses('https://evil.example', { host: 'app.example', origin: 'https://app.example' })).toEqual([200, 200, 101]);
    expect(await statuses('https://evil.example', { host: 'app.example', origin: 'https://admin.example' })).toEqual([200, 200, 101]);
    // The scheme is the request's: a page on http:// is another origin than the https:// app.
    expect(await statuses('https://app.example', { host: 'app.example', origin: 'http://app.example' })).toEqual([403, 403, 403]);
    // A request made in code (no Host header): the URL is all there is.
    expect(await statuses('https://app.example', { origin: 'https://app.example' })).toEqual([200, 200, 101]);
  });
});
