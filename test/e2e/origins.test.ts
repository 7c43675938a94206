import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringify } from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFnId } from '../../src/vite/server-fns/ids.js';
import { openPage } from './setup/browser.js';
import { useBuiltApp } from './setup/shared-browser.js';
import { signIn } from './setup/sign-in.js';

const app = useBuiltApp();
const baseURL = app.baseURL;
const root = new URL('../..', import.meta.url).pathname;
const signOutId = serverFnId(root, `${root}worker/auth.server.ts`, 'signOut');
const currentUserId = serverFnId(root, `${root}worker/auth.server.ts`, 'currentUser');

/**
 * Another site's page, on another port of the same host: same-site, so the
 * browser sends the app's SameSite=Lax cookie with its requests; only the
 * origin check stands between it and the user's session.
 */
let attacker: Server;
let attackerURL: string;
beforeAll(async () => {
  attacker = createServer((request, response) => {
    response.setHeader('content-type', 'text/html');
    if (request.url === '/form') {
      response.end(`<form id=f method=post enctype="text/plain" action="${baseURL}/_lf/rpc/${signOutId}"><input name=x value=1></form>
        <script>document.getElementById('f').submit()</script>`);
    } else response.end('<p>an innocent-looking page</p>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerURL = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => attacker.close(resolve)));

describe('another origin, in Chromium, against a signed-in user', () => {
  it('cannot sign the user out with a form post or a fetch, nor open a WebSocket; the app’s own page can', async () => {
    const { page } = await openPage(app.browser());
    // A page the Worker renders for its visitor (the home page is prerendered, the same for everyone).
    await page.goto(`${baseURL}/todos`);
    await signIn(page, 'victim');
    const context = page.context();
    const statuses: string[] = [];
    context.on('response', (response) => {
      if (response.url().startsWith(baseURL)) statuses.push(`${response.request().method()} ${new URL(response.url()).pathname} ${response.status()}`);
    });

    // A form on the attacker's page posts to sign-out (a "simple" request: no preflight, the cookie goes along).
    const evil = await context.newPage();
    const [refused] = await Promise.all([evil.waitForResponse(`${baseURL}/_lf/rpc/${signOutId}`), evil.goto(`${attackerURL}/form`)]);
    // Refused by the form guard (Hono's csrf()) before it reaches the server function.
    expect(refused.status()).toBe(403);

    // A script there tries fetch (no-cors, with credentials) and a WebSocket to the chat.
    await evil.goto(`${attackerURL}/`);
    const socketOpened = await evil.evaluate(
      async ({ app, id, wsURL }) => {
        // The answer is withheld from this page anyway (Cross-Origin-Resource-Policy): what counts is the server's.
        await fetch(`${app}/_lf/rpc/${id}`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: '[]' }).catch(() => {});
        return new Promise<boolean>((resolve) => {
          const socket = new WebSocket(wsURL);
          socket.onopen = () => resolve(true);
          socket.onerror = () => resolve(false);
        });
      },
      { app: baseURL, id: signOutId, wsURL: `${baseURL.replace('http', 'ws')}/ws/lobby` },
    );
    expect(socketOpened).toBe(false);
    expect(statuses).toEqual([`POST /_lf/rpc/${signOutId} 403`]);

    // Neither the form nor the fetch signed the user out; the same calls from the app's own page work.
    await page.reload();
    expect(await page.locator('user-session').getAttribute('user')).toBe('victim');
    const own = await page.evaluate(
      async ({ id, wsURL, body }) => {
        const call = await fetch(`/_lf/rpc/${id}`, { method: 'POST', headers: { 'content-type': 'application/x-litflare+json' }, body });
        const opened = await new Promise<boolean>((resolve) => {
          const socket = new WebSocket(wsURL);
          socket.onopen = () => (socket.close(), resolve(true));
          socket.onerror = () => resolve(false);
        });
        return { status: call.status, opened };
      },
      { id: currentUserId, wsURL: `${baseURL.replace('http', 'ws')}/ws/lobby`, body: stringify([]) },
    );
    expect(own).toEqual({ status: 200, opened: true });
    await context.close();
  });
});

/**
 * Sends `path` as written (`//host/…` stays a path) with these headers; the
 * answer's status, or 101 when the server took a WebSocket upgrade, or 0 when
 * it dropped the connection (the Cloudflare plugin's answer to a refused upgrade).
 */
function rawStatus(path: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<number> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve) => {
    const sent = request({ hostname, port, path, method: init.method, headers: init.headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('upgrade', (_response, socket) => {
      socket.destroy();
      resolve(101);
    });
    sent.on('error', () => resolve(0));
    sent.end(init.body);
  });
}

describe('a path that names another host (`//evil.example/…`)', () => {
  it('stays a path on the app: the Worker never takes that host for its own, so calls, form posts and upgrades from it fail', async () => {
    const origin = 'http://evil.example';
    const upgrade = { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' };
    for (const host of ['//evil.example', '/\\evil.example']) {
      const call = await rawStatus(`${host}/_lf/rpc/${currentUserId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-litflare+json', origin },
        body: stringify([]),
      });
      const form = await rawStatus(`${host}/_lf/rpc/${signOutId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: 'x=1',
      });
      const socket = await rawStatus(`${host}/ws/lobby`, { method: 'GET', headers: { origin, ...upgrade } });
      // The form guard (every path) refuses the other origin; no route has such a path; no socket.
      expect({ host, call, form, socket }).toEqual({ host, call: 404, form: 403, socket: 0 });
    }
    // The same requests on the app's own paths, from its own origin, work.
    const own = await rawStatus(`/_lf/rpc/${currentUserId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-litflare+json', origin: baseURL },
      body: stringify([]),
    });
    expect(own).toBe(200);
    expect(await rawStatus('/ws/lobby', { method: 'GET', headers: { origin: baseURL, ...upgrade } })).toBe(101);
  });
});
