import { parse, stringify } from 'devalue';
import { html } from 'lit';
import { serverFnMeta } from 'litflare';
import { createApp, cspNonce, strictCsp } from 'litflare/worker';
import { NONCE } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import './fixtures/data-probes.js';
import { release } from './fixtures/latches.js';
import { readChunks } from './fixtures/read.js';
import * as fns from './fixtures/rpc.server.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';
import { openSocket } from './fixtures/socket-client.js';

/** A page whose element streams later (a boundary with its swap script), and other routes to check. */
function appWith(options: Parameters<typeof createApp>[0] = {}) {
  const app = createApp({ shell: testShell, dev: false, ...options });
  app.page('/streamed', (c) => html`<data-probe token=${c.req.query('t') ?? ''} value="done"></data-probe>`);
  app.page('/nonce', () => ({ head: `<script nonce="${cspNonce() ?? ''}">window.own = 1</script>`, body: html`<p>own script</p>` }));
  app.get('/framed', (c) => c.text('embeddable', 200, { 'x-frame-options': 'ALLOWALL' }));
  app.page('/framed-page', () => ({
    body: html`<p>embeddable page</p>`,
    headers: [
      ['x-frame-options', 'ALLOWALL'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ],
  }));
  // A response passed on from another Worker: its headers are immutable.
  app.get('/proxied', (c) => c.env.GREETER.fetch('https://greeter.test/hello'));
  app.get('/boom', () => {
    throw new Error('boom');
  });
  app.websocket('/echo/:name', 'ECHO');
  return app;
}

/** A released token, so the probe's data arrives at once but still streams as a boundary. */
function releasedToken(): string {
  const token = `csp-${crypto.randomUUID()}`;
  release(token);
  return token;
}

/** The nonce named in a response's Content-Security-Policy. */
const headerNonce = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

/** Every `<script>` a browser would execute (hydration data is `type="application/litflare+devalue"` and is not). */
const executableScripts = (page: string) =>
  [...page.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!).filter((attributes) => !attributes.includes('application/litflare+devalue'));

describe('secure headers by default (Hono’s secureHeaders)', () => {
  const app = appWith();

  it('are on pages, server function answers, the not-found page and error pages (the CSP on documents only)', async () => {
    const responses = [
      await send(app, `/streamed?t=${releasedToken()}`),
      await send(app, `/_lf/rpc/${serverFnMeta(fns.add)!.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-litflare+json' },
        body: stringify([1, 2]),
      }),
      await send(app, '/no-such-page'),
      await send(app, '/boom'),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 404, 500]);
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      await response.body?.cancel();
    }
    // A CSP governs documents; a server function's answer is data and goes without one.
    const [page, answer, notFound, error] = responses;
    for (const response of [page!, notFound!, error!]) {
      expect(response.headers.get('content-security-policy')).toMatch(
        /^script-src 'nonce-[\w+/=]{24}' 'strict-dynamic'; object-src 'none'; base-uri 'none'$/,
      );
    }
    expect(answer!.headers.get('content-security-policy')).toBeNull();
  });

  it('put each response’s own nonce on every script a browser would run: the shell’s and the swap scripts', async () => {
    const responses = await Promise.all(Array.from({ length: 100 }, () => send(app, `/streamed?t=${releasedToken()}`)));
    const nonces = await Promise.all(
      responses.map(async (response) => {
        const page = (await readChunks(response)).join('');
        const nonce = headerNonce(response)!;
        const scripts = executableScripts(page);
        // The shell's module script and the boundary's swap script.
        expect(scripts).toHaveLength(2);
        expect(page).toContain('__lf(0)</script>');
        for (const attributes of scripts) expect(attributes).toContain(` nonce="${nonce}"`);
        return nonce;
      }),
    );
    // Made for each response, never shared between concurrent ones.
    expect(new Set(nonces).size).toBe(100);
  });

  it('give app code the nonce through cspNonce(), for inline scripts of its own', async () => {
    const response = await send(app, '/nonce');
    const page = await response.text();
    expect(page).toContain(`<script nonce="${headerNonce(response)}">window.own = 1</script>`);
    expect(executableScripts(page).every((attributes) => attributes.includes(`nonce="${headerNonce(response)}"`))).toBe(true);
  });

  it('reach a response passed on from a service binding, whose own headers are immutable', async () => {
    const response = await send(app, '/proxied');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello from greeter: /hello');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keep a header a route set itself', async () => {
    expect((await send(app, '/framed')).headers.get('x-frame-options')).toBe('ALLOWALL');
    // A page is built with the secure headers: its own still win, every cookie kept.
    const page = await send(app, '/framed-page');
    expect(page.headers.get('x-frame-options')).toBe('ALLOWALL');
    expect(page.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(headerNonce(page)).toMatch(/^[\w+/=]{24}$/);
    await page.body?.cancel();
  });

  it('are the same on a page and on another response of the same app, but for the nonce', async () => {
    const withoutNonce = (response: Response) =>
      [...response.headers].filter(([name]) => !['content-type', 'content-length', 'content-security-policy'].includes(name));
    const page = await send(app, '/nonce');
    const other = await send(app, '/no-such-page');
    const proxied = await send(app, '/proxied');
    expect(withoutNonce(page)).toEqual(withoutNonce(other));
    expect(withoutNonce(proxied).filter(([name]) => name !== 'cache-control')).toEqual(withoutNonce(page));
    expect(page.headers.get('content-security-policy')?.replace(headerNonce(page)!, 'N')).toBe(
      other.headers.get('content-security-policy')?.replace(headerNonce(other)!, 'N'),
    );
    for (const response of [page, other, proxied]) await response.body?.cancel();
  });

  it('are on every answer to a request that asks for an upgrade, except a WebSocket route’s 101', async () => {
    const upgrade = { upgrade: 'websocket' };
    const responses = [
      await send(app, `/streamed?t=${releasedToken()}`, { headers: upgrade }),
      await send(app, `/_lf/rpc/${serverFnMeta(fns.add)!.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-litflare+json', ...upgrade },
        body: stringify([1, 2]),
      }),
      await send(app, '/no-such-page', { headers: upgrade }),
      await send(app, '/echo/bad name', { headers: upgrade }),
      await send(app, '/echo/headers', { headers: { ...upgrade, origin: 'https://evil.example' } }),
      await send(app, '/echo/headers', { headers: { upgrade: 'h2c' } }),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 404, 400, 403, 426]);
    // The page's scripts carry the nonce its CSP names.
    const scripts = executableScripts((await readChunks(responses[0]!)).join(''));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${headerNonce(responses[0]!)}"`);
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
      if (response.body?.locked === false) await response.body.cancel();
    }
    // Documents get the CSP; data does not.
    expect(headerNonce(responses[0]!)).toMatch(/^[\w+/=]{24}$/);
    expect(responses[1]!.headers.get('content-security-policy')).toBeNull();
    for (const response of [responses[2]!, responses[3]!, responses[4]!, responses[5]!]) {
      expect(response.headers.get('content-security-policy')).toMatch(/^script-src 'nonce-/);
    }
    // The route's own 101 stands.
    const switched = await send(app, `/echo/headers-${crypto.randomUUID().slice(0, 8)}`, { headers: upgrade });
    expect(switched.status).toBe(101);
    switched.webSocket!.accept();
    switched.webSocket!.close();
  });

  it('leave WebSocket upgrades working (the demo chat, with its defaults)', async () => {
    const socket = await openSocket(`/ws/headers-${crypto.randomUUID().slice(0, 8)}`);
    expect(await socket.next()).toMatchObject({ type: 'history', messages: [] });
    socket.close();
  });
});

describe('secure header options', () => {
  it('csp: a policy of the app’s own, still with the nonce on litflare’s scripts', async () => {
    const app = appWith({ csp: { ...strictCsp, imgSrc: ["'self'", 'https://images.example'], scriptSrc: [NONCE, "'self'"] } });
    const response = await send(app, `/streamed?t=${releasedToken()}`);
    expect(response.headers.get('content-security-policy')).toMatch(
      /^script-src 'nonce-([\w+/=]+)' 'self'; object-src 'none'; base-uri 'none'; img-src 'self' https:\/\/images\.example$/,
    );
    const page = (await readChunks(response)).join('');
    for (const attributes of executableScripts(page)) expect(attributes).toContain(`nonce="${headerNonce(response)}"`);
  });

  it('csp: a value computed per request (not only the nonce) is computed for each page', async () => {
    let n = 0;
    const app = appWith({ csp: { ...strictCsp, connectSrc: [() => `https://api${++n}.example`] } });
    const policies = [];
    for (let i = 0; i < 2; i++) {
      const response = await send(app, '/nonce');
      policies.push(response.headers.get('content-security-policy'));
      expect(await response.text()).toContain(`<script nonce="${headerNonce(response)}">`);
    }
    expect(policies[0]).toMatch(/connect-src https:\/\/api1\.example$/);
    expect(policies[1]).toMatch(/connect-src https:\/\/api2\.example$/);
  });

  it('csp: false sends no policy and no nonces; the other headers stay', async () => {
    const app = appWith({ csp: false });
    const response = await send(app, `/streamed?t=${releasedToken()}`);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await readChunks(response)).join('')).not.toContain('nonce=');
    expect(await (await send(app, '/nonce')).text()).toContain('<script nonce="">');
  });

  it('secureHeaders: Hono’s options over the defaults; false sends none', async () => {
    const strict = await send(appWith({ secureHeaders: { xFrameOptions: 'DENY', referrerPolicy: 'same-origin' } }), '/streamed?t=x');
    expect(strict.headers.get('x-frame-options')).toBe('DENY');
    expect(strict.headers.get('referrer-policy')).toBe('same-origin');
    expect(strict.headers.get('content-security-policy')).toMatch(/^script-src 'nonce-/);
    await strict.body?.cancel();

    const none = await send(appWith({ secureHeaders: false }), `/streamed?t=${releasedToken()}`);
    for (const header of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'strict-transport-security']) {
      expect(none.headers.get(header), header).toBeNull();
    }
    expect((await readChunks(none)).join('')).toContain('<script>self.__lf=');
  });

  it('send no HSTS in development, so localhost is not pinned to HTTPS', async () => {
    const response = await send(appWith({ dev: true }), 'http://localhost/no-such-page');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('content-security-policy')).toMatch(/^script-src 'nonce-/);
  });

  it('an RPC error answer carries them too, and stays decodable', async () => {
    const app = appWith();
    const response = await send(app, '/_lf/rpc/nope', { method: 'POST', headers: { 'content-type': 'application/x-litflare+json' }, body: '[]' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(parse(await response.text())).toEqual({ message: 'No server function has this id.' });
  });
});
