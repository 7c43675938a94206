import { html } from 'lit';
import { createApp, type LitflareApp } from 'litflare/worker';
import { afterEach, describe, expect, it, vi } from 'vitest';
import './fixtures/failing.js';
import { rowsPage } from './fixtures/rows.js';
import { testShell } from './fixtures/shell.js';

function fixtureApp(dev: boolean): LitflareApp {
  const app = createApp({ shell: testShell, dev });
  app.page('/handler-throws', () => {
    throw new Error('handler exploded: secret detail');
  });
  app.page('/render-throws', () => html`<main><test-failing fail></test-failing></main>`);
  app.page('/late-throw', () => html`${rowsPage(3000)}<section><test-failing fail></test-failing></section>`);
  app.page('/redirect', (c) => c.redirect('/elsewhere', 303));
  app.page('/teapot', () => ({
    status: 418,
    title: 'Tea <time> & "coffee"',
    headers: { 'x-brew': 'earl grey' },
    body: html`<p>short and stout</p>`,
  }));
  return app;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('unknown paths', () => {
  it('answer 404 with an HTML not-found page in the app shell', async () => {
    const response = await fixtureApp(false).request('/no/such/page');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const body = await response.text();
    expect(body).toContain('<title>Page not found</title>');
    expect(body).toContain('Nothing lives at <code><!--lit-part-->/no/such/page<!--/lit-part--></code>');
    expect(body).toMatch(/<script type="module" src="\/client\/main\.ts" nonce="[\w+/=]+">/);
  });

  it('escape the path they echo', async () => {
    const body = await (await fixtureApp(false).request('/%3Cscript%3Ealert(1)%3C/script%3E')).text();
    expect(body).not.toContain('<script>alert(1)');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('use the app’s own not-found page when it has one', async () => {
    const app = createApp({
      shell: testShell,
      notFoundPage: (c) => ({ title: 'Lost', body: html`<h1>No ${c.req.path} here</h1>` }),
    });
    const response = await app.request('/missing');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<h1>No <!--lit-part-->/missing<!--/lit-part--> here</h1>');
  });
});

describe('errors before the first byte', () => {
  it('become a 500 error page with the message and stack in development', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const path of ['/handler-throws', '/render-throws']) {
      const response = await fixtureApp(true).request(path);
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const body = await response.text();
      expect(body).toContain('<title>Something went wrong</title>');
      expect(body).toMatch(/Error: (handler exploded: secret detail|test-failing exploded while rendering)\n\s+at /);
    }
    expect(logged).toHaveBeenCalledTimes(2);
  });

  it('hand the error to the browser’s error overlay in development (a data script, never executed)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const body = await (await fixtureApp(true).request('/render-throws')).text();
    const data = /<script type="application\/litflare\+error">(.*?)<\/script>/s.exec(body)?.[1];
    expect(JSON.parse(data ?? 'null')).toEqual({
      message: 'Error: test-failing exploded while rendering',
      stack: expect.stringMatching(/^Error: test-failing exploded while rendering\n\s+at /),
    });
  });

  it('hand the overlay the error even when the app has its own error page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = createApp({ shell: testShell, dev: true, errorPage: () => ({ body: html`<h1>Oops</h1>` }) });
    app.page('/', () => {
      throw new TypeError('</script><script>alert(1)</script>');
    });
    const body = await (await app.request('/')).text();
    expect(body).toContain('<h1>Oops</h1>');
    expect(body).toContain('<script type="application/litflare+error">{"message":"TypeError: \\u003c/script>\\u003cscript>alert(1)\\u003c/script>"');
    expect(body).not.toContain('<script>alert(1)');
  });

  it('become a 500 error page with a generic message and no details in production', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const path of ['/handler-throws', '/render-throws']) {
      const response = await fixtureApp(false).request(path);
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(body).toContain('The page could not be rendered. Please try again later.');
      expect(body).not.toContain('exploded');
      expect(body).not.toContain(' at ');
      expect(body).not.toContain('litflare+error');
    }
  });

  it('fall back to plain text when the app’s error page itself fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = createApp({
      shell: testShell,
      errorPage: () => ({ body: html`<test-failing fail></test-failing>` }),
    });
    app.page('/', () => {
      throw new Error('first failure');
    });
    const response = await app.request('/');
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('Internal Server Error');
  });
});

describe('errors after the first byte', () => {
  it('end the stream with a visible marker, log the error, and never hang', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await fixtureApp(false).request('/late-throw');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('row <!--lit-part-->2999<!--/lit-part-->');
    // The open shadow root and element are closed, so the marker lands in the light DOM.
    expect(body).toMatch(/<test-failing[^>]*><template[^>]*>(?:(?!<\/template>)[\s\S])*<\/template><\/test-failing><div data-litflare-error role="alert"/);
    expect(body).toContain('This page could not be rendered completely.');
    expect(body).not.toContain('exploded');
    expect(body).not.toContain('litflare+error');
    expect(body.trimEnd().endsWith('</html>')).toBe(true);
    expect(logged).toHaveBeenCalledWith(
      'litflare: rendering failed after the response had started',
      expect.objectContaining({ message: 'test-failing exploded while rendering' }),
    );
  });

  it('show the stack in the marker in development', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const body = await (await fixtureApp(true).request('/late-throw')).text();
    expect(body).toMatch(/<div data-litflare-error[^>]*>.*<pre>Error: test-failing exploded while rendering\n\s+at /s);
    expect(body).toMatch(/<script type="application\/litflare\+error">\{"message":"Error: test-failing exploded while rendering","stack":"Error: test-failing/);
  });
});

describe('page results', () => {
  it('pass a Response from the handler through untouched', async () => {
    const response = await fixtureApp(false).request('/redirect');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/elsewhere');
  });

  it('set status, headers and an escaped title', async () => {
    const response = await fixtureApp(false).request('/teapot');
    expect(response.status).toBe(418);
    expect(response.headers.get('x-brew')).toBe('earl grey');
    const body = await response.text();
    expect(body).toContain('<title>Tea &lt;time&gt; &amp; &quot;coffee&quot;</title>');
    expect(body).not.toContain('<title>Fixture</title>');
  });
});
