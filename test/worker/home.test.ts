import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const fetchPage = (path: string) => exports.default.fetch(new Request(`http://localhost${path}`));

/** Tag names that carry a declarative shadow root in the HTML, in document order. */
function shadowHosts(html: string): string[] {
  return [...html.matchAll(/<([a-z]+-[a-z-]+)[^>]*><template shadowroot="open" shadowrootmode="open">/g)].map(
    (match) => match[1]!,
  );
}

describe('GET / (the demo page)', () => {
  it('is a complete HTML document in UTF-8', async () => {
    const response = await fetchPage('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<title>litflare — Lit at the edge</title>');
    expect(html).toContain('<meta name="description"');
  });

  it('renders every element with a declarative shadow root and its styles', async () => {
    const html = await (await fetchPage('/')).text();
    expect(shadowHosts(html)).toEqual([
      'app-layout',
      'user-session',
      'lf-counter',
      'product-list',
      'product-card',
      'product-card',
      'product-card',
      'product-card',
      'site-tour',
      'review-list',
      'site-footer',
    ]);
    // Component styles travel inside each shadow root.
    expect(html).toMatch(/<lf-counter[^>]*><template shadowroot="open" shadowrootmode="open"><style>[^<]*border-radius: 999px/);
  });

  it('renders the counter with the value the server chose', async () => {
    const html = await (await fetchPage('/?start=41')).text();
    expect(html).toMatch(/<lf-counter\s+count="41">/);
    expect(html).toMatch(/<output aria-live="polite"><!--lit-part-->41<!--\/lit-part--><\/output>/);
  });

  it('renders nested children from properties the parent passed', async () => {
    const html = await (await fetchPage('/')).text();
    expect(html).toContain('Edge Espresso');
    expect(html).toContain('Streamed Soup');
    // Nested elements wait for their parent to hydrate them.
    expect(html).toMatch(/<product-card\s+defer-hydration>/);
  });

  it('keeps slotted light-DOM content in the light DOM', async () => {
    const html = await (await fetchPage('/')).text();
    expect(html).toMatch(/<\/template>\s*<nav slot="nav"[^>]*>/);
    expect(html).toContain('<span slot="footer">Served by litflare from workerd.</span>');
  });

  it('hands the page template’s properties to the browser as hydration data', async () => {
    const html = await (await fetchPage('/')).text();
    expect(html).toMatch(/<product-list\s+data-lf-props>/);
    expect(html).toMatch(/<script type="application\/litflare\+devalue">\{"props":\[\{"products":\[\{.*Edge Espresso.*<\/script>/);
  });

  it('loads the client entry as a module', async () => {
    const html = await (await fetchPage('/')).text();
    expect(html).toMatch(/<script type="module"[^>]* src="\/client\/main\.ts" nonce="[\w+/=]+"><\/script>/);
  });
});

describe('islands on the demo page', () => {
  it('render deferred when they hydrate later, and plain when they never do', async () => {
    const html = await (await fetchPage('/')).text();
    expect(html).toMatch(/<review-list[^>]* defer-hydration[^>]*><template shadowroot/);
    expect(html).toMatch(/<site-footer(?![^>]*defer-hydration)[^>]*><template shadowroot/);
  });
});
