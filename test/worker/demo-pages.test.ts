import { env } from 'cloudflare:workers';
import { parse, stringify } from 'devalue';
import { serverFnMeta } from 'litflare';
import { describe, expect, it } from 'vitest';
import demo from '../../worker/index.js';
import { signIn } from '../../worker/auth.server.js';
import { enqueueJob, uploadFile } from '../../worker/platform.server.js';
import { addTodo } from '../../worker/todos.server.js';
import { cookieHeader, send } from './fixtures/send.js';

const call = (fn: unknown, args: unknown[], cookie = '') =>
  send(demo, `/_lf/rpc/${serverFnMeta(fn)!.id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-litflare+json', cookie },
    body: stringify(args),
  });

const page = async (path: string, cookie = '') => (await send(demo, path, { headers: { cookie } })).text();

/**
 * Emoji, and the symbol blocks (Miscellaneous Symbols, Dingbats: ✕, ✓, ☀…)
 * whose glyphs come from emoji fonts: a machine without one shows a box.
 */
const EMOJI = /[\p{Extended_Pictographic}\u2600-\u27bf\ufe0f]/gu;

describe('the demo’s pages', () => {
  it('carry no emoji, signed in or out, with every list filled: their icons are inline SVG hidden from assistive technology', async () => {
    const cookie = cookieHeader(await call(signIn, [{ name: 'Icon Tester' }]));
    expect((await call(addTodo, [{ title: 'a todo with a delete button' }], cookie)).status).toBe(200);
    const form = new FormData();
    form.set('file', new File(['22 bytes of plain text'], 'icons.txt', { type: 'text/plain' }));
    const upload = await send(demo, `/_lf/rpc/${serverFnMeta(uploadFile)!.id}`, { method: 'POST', body: form });
    expect(upload.status).toBe(200);
    expect((await call(enqueueJob, [{ text: 'a job' }])).status).toBe(200);
    await env.DB.prepare('INSERT INTO cron_runs (cron, ran_at) VALUES (?, ?)').bind('*/10 * * * *', Date.now()).run();

    const pages = ['/', '/todos', '/streaming', '/platform', '/chat/lobby', '/chat/Not_A_Room', '/no-such-page'];
    for (const who of ['', cookie]) {
      for (const path of pages) {
        const html = await page(path, who);
        expect({ path, signedIn: who !== '', emoji: html.match(EMOJI) ?? [] }).toEqual({ path, signedIn: who !== '', emoji: [] });
      }
    }

    // The rows that used to carry emoji are there, with an icon and a label that says what it does.
    const icon = '<svg\\s+class="icon"[^>]*aria-hidden="true"';
    expect(await page('/')).toMatch(new RegExp(`aria-label="Helpful: Ada \\(12\\)" title="Helpful">\\s*<!--lit-part[^>]*-->${icon}`));
    expect(await page('/todos', cookie)).toMatch(new RegExp(`aria-label="Delete a todo with a delete button" title="Delete">\\s*<!--lit-part[^>]*-->${icon}`));
    expect(await page('/platform')).toMatch(new RegExp(`aria-label="Delete icons.txt" title="Delete">\\s*<!--lit-part[^>]*-->${icon}`));
    expect(parse(await upload.text())).toMatchObject({ size: 22 });
    expect(await page('/platform')).toMatch(/icons\.txt<!--\/lit-part--><\/a>\s*<span class="muted size"><!--lit-part-->22 B<!--\/lit-part--><\/span>/);
  });

  it('chat: a signed-in visitor is rendered writing under their name, with no name to fill in; anyone else is asked', async () => {
    const cookie = cookieHeader(await call(signIn, [{ name: 'Grace' }]));
    const signedIn = await page('/chat/lobby', cookie);
    expect(signedIn).toMatch(/<chat-room\s+room="lobby" user="Grace"/);
    expect(signedIn).toMatch(/Writing as <strong><!--lit-part-->Grace<!--\/lit-part--><\/strong>/);
    expect(signedIn).not.toContain('name="name"');

    const signedOut = await page('/chat/lobby');
    expect(signedOut).toMatch(/<chat-room\s+room="lobby"\s+data-lf-props/);
    expect(signedOut).toContain('<input name="name" aria-label="Your name"');
  });
});
