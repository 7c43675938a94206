import { exports } from 'cloudflare:workers';
import { parse, stringify } from 'devalue';
import { serverFnMeta } from 'litflare';
import { describe, expect, it } from 'vitest';
import { sign } from '../worker/guestbook.server.js';

const request = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`http://localhost${path}`, init));

/** Calls a server function as the browser's proxy does: POST /_lf/rpc/<id>, arguments encoded with devalue. */
async function call<Args extends unknown[], Result>(fn: (...args: Args) => Promise<Result>, ...args: Args) {
  const response = await request(`/_lf/rpc/${serverFnMeta(fn)?.id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-litflare+json', origin: 'http://localhost' },
    body: stringify(args),
  });
  return { status: response.status, body: parse(new TextDecoder().decode(await response.arrayBuffer())) as Result };
}

describe('the guestbook', () => {
  it('is rendered by the Worker, the element with its shadow root', async () => {
    const response = await request('/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Guestbook</title>');
    expect(html).toMatch(/<guest-book[^>]*><template shadowroot="open" shadowrootmode="open">/);
  });

  it('keeps a signature in D1 and shows it on the page', async () => {
    const signed = await call(sign, '  Ada  ');
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ name: 'Ada' });
    expect(signed.body.signedAt).toBeInstanceOf(Date);
    expect(await (await request('/')).text()).toContain('Ada');
  });

  it('refuses an empty name with a 400 and its message', async () => {
    const refused = await call(sign, '   ');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ message: 'A name is 1 to 40 characters.' });
  });
});
