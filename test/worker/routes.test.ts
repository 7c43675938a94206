import { html } from 'lit';
import { createApp, redirect } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import './fixtures/redirecting.js';
import { rowsPage } from './fixtures/rows.js';
import { testShell } from './fixtures/shell.js';

const app = createApp({
  shell: testShell,
  layout: (body, c) => html`<div class="frame" data-path=${c.req.path}><nav>site nav</nav>${body}</div>`,
});
app.page('/users/:id', (c) => ({ title: `User ${c.req.param('id')}`, body: html`<h1>User ${c.req.param('id')}</h1>` }));
app.page('/print', () => html`<h1>Print view</h1>`, { layout: false });
app.page('/special', () => html`<h1>Special</h1>`, { layout: (body) => html`<aside>special frame</aside>${body}` });
app.page('/old', () => redirect('/new', 301));
app.page('/guarded', (c) => html`<redirect-guard to=${c.req.query('to') ?? ''}></redirect-guard>`);
app.page('/late-guard', () => html`${rowsPage(3000)}<redirect-guard to="/elsewhere"></redirect-guard>`);

describe('page routes', () => {
  it('take Hono path params', async () => {
    const body = await (await app.request('/users/42')).text();
    expect(body).toContain('<title>User 42</title>');
    expect(body).toContain('<h1>User <!--lit-part-->42<!--/lit-part--></h1>');
  });

  it('share the app’s layout, which sees the request', async () => {
    const body = await (await app.request('/users/7')).text();
    expect(body).toMatch(/<div class="frame" data-path="\/users\/7"><nav>site nav<\/nav>.*<h1>User/s);
  });

  it('may opt out of the layout or bring their own', async () => {
    const print = await (await app.request('/print')).text();
    expect(print).toContain('Print view');
    expect(print).not.toContain('site nav');
    const special = await (await app.request('/special')).text();
    expect(special).toContain('<aside>special frame</aside>');
    expect(special).not.toContain('site nav');
  });

  it('use the layout for the not-found page too', async () => {
    const response = await app.request('/nowhere');
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/site nav.*Page not found/s);
  });
});

describe('redirect()', () => {
  it('redirects from a page handler', async () => {
    const response = await app.request('/old');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/new');
  });

  it('redirects from a component rendering before the first byte', async () => {
    const response = await app.request('/guarded?to=/sign-in');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/sign-in');
    expect((await app.request('/guarded')).status).toBe(200);
  });

  it('makes the page redirect itself once the response has started', async () => {
    const response = await app.request('/late-guard');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('<meta http-equiv="refresh" content="0;url=/elsewhere">');
    expect(body).toContain('<a href="/elsewhere">Continue</a>');
    expect(body.trimEnd().endsWith('</html>')).toBe(true);
  });
});
