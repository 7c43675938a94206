import { createServer, type Server } from 'node:http';
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
    await page.goto(`${baseURL}/`);
    await signIn(page, 'victim');
    const context = page.context();
    const statuses: string[] = [];
    context.on('response', (response) => {
      if (response.url().startsWith(baseURL)) statuses.push(`${response.request().method()} ${new URL(response.url()).pathname} ${response.status()}`);
    });

    // A form on the attacker's page posts to sign-out (a "simple" request: no preflight, the cookie goes along).
    const evil = await context.newPage();
    await Promise.all([evil.waitForURL(`${baseURL}/_lf/rpc/${signOutId}`), evil.goto(`${attackerURL}/form`)]);
    // Refused by the form guard (Hono's csrf()) before it reaches the server function.
    expect(await evil.textContent('body')).toBe('Forbidden');

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
