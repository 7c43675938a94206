import { describe, expect, it } from 'vitest';
import { openPage } from './setup/browser.js';
import { useBuiltApp } from './setup/shared-browser.js';

const app = useBuiltApp();
const baseURL = app.baseURL;

describe('the built demo app in Chromium', () => {
  it('renders content and styles from declarative shadow DOM with JavaScript disabled', async () => {
    const { page, problems } = await openPage(app.browser(), { javaScriptEnabled: false });
    // The prerendered home page (the Worker's own rendering of ?start= is tested in test/worker/home.test.ts).
    await page.goto(`${baseURL}/`);
    await expect(page.getByRole('heading', { name: 'Lit components, streamed from the edge' }).isVisible()).resolves.toBe(true);
    // Text inside shadow roots is there without any script.
    expect(await page.locator('lf-counter output').textContent()).toBe('3');
    expect(await page.locator('product-card h3').allTextContents()).toEqual([
      'Edge Espresso',
      'Shadow Root Beer',
      'Hydration Water',
      'Streamed Soup',
    ]);
    await expect(page.getByText('Served by litflare from workerd.').isVisible()).resolves.toBe(true);
    // Component styles apply from the <style> in each shadow root.
    const button = page.locator('lf-counter button');
    expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(246, 130, 31)');
    expect(await page.locator('app-layout header').evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    expect(await page.evaluate(() => customElements.get('lf-counter'))).toBeUndefined();
    expect(problems.console).toEqual([]);
    // With scripts off, Chromium blocks the module preload itself (reported as "csp"); nothing else may fail.
    expect(problems.failedRequests.filter((failure) => !/\/assets\/[\w-]+\.js csp$/.test(failure))).toEqual([]);
    await page.context().close();
  });

  it('applies the stylesheet the client entry imports, linked from the built page (no script needed)', async () => {
    const { page, problems } = await openPage(app.browser(), { javaScriptEnabled: false });
    await page.goto(`${baseURL}/`);
    const links = await page.locator('head link[rel=stylesheet]').evaluateAll((all) => all.map((link) => (link as HTMLLinkElement).href));
    expect(links).toEqual([expect.stringMatching(/\/assets\/[\w-]+\.css$/)]);
    const stylesheet = await page.request.get(links[0]!);
    expect(stylesheet.status()).toBe(200);
    expect(stylesheet.headers()['content-type']).toMatch(/^text\/css/);
    // client/global.css's rules, where the browser's defaults would differ.
    const style = (selector: string, property: string) =>
      page.locator(selector).first().evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);
    expect(await style('html', 'background-color')).toBe('rgb(245, 246, 250)');
    expect(await style('html', 'font-family')).toMatch(/^system-ui/);
    expect(await style('body', 'margin')).toBe('0px');
    expect(await style('h1', 'margin-top')).toBe('0px');
    expect(problems.failedRequests.filter((failure) => !/\/assets\/[\w-]+\.js csp$/.test(failure))).toEqual([]);
    await page.context().close();
  });

  it('hydrates over the server DOM and the counter works, with no failed requests', async () => {
    const { page, problems } = await openPage(app.browser());
    // Hold the client bundle back until the server's nodes are marked.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/*.js', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`${baseURL}/?start=3`, { waitUntil: 'commit' });
    await page.locator('lf-counter').waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const marked = globalThis as unknown as { serverNodes: Node[] };
      const counter = document.querySelector('lf-counter')!;
      const card = document.querySelector('product-list')!.shadowRoot!.querySelector('product-card')!;
      marked.serverNodes = [counter.shadowRoot!.querySelector('button')!, card, card.shadowRoot!.querySelector('h3')!];
    });
    release();
    await page.waitForFunction(() => {
      const counter = document.querySelector('lf-counter') as (Element & { hasUpdated?: boolean }) | null;
      return counter?.hasUpdated === true;
    });

    const same = await page.evaluate(() => {
      const { serverNodes } = globalThis as unknown as { serverNodes: Node[] };
      const counter = document.querySelector('lf-counter')!;
      const card = document.querySelector('product-list')!.shadowRoot!.querySelector('product-card')!;
      const now = [counter.shadowRoot!.querySelector('button'), card, card.shadowRoot!.querySelector('h3')];
      return now.map((node, i) => node === serverNodes[i]);
    });
    expect(same).toEqual([true, true, true]);

    await page.locator('lf-counter button').click();
    await page.locator('lf-counter button').click();
    expect(await page.locator('lf-counter output').textContent()).toBe('5');
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });

  it('loads the hashed client entry from the build, preloads its imports, and never serves the bare shell', async () => {
    // A page the Worker renders (the home page is prerendered: no nonce there, see prerender.test.ts).
    const html = await (await fetch(`${baseURL}/todos`)).text();
    const entry = /<script type="module" crossorigin src="(\/assets\/index-[\w-]+\.js)" nonce="[\w+/=-]+"><\/script>/.exec(html)?.[1];
    const preload = /<link rel="modulepreload" crossorigin href="(\/assets\/lit-[\w-]+\.js)" nonce="[\w+/=-]+">/.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect(preload).toBeDefined();
    for (const asset of [entry!, preload!]) {
      const response = await fetch(`${baseURL}${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
    }
    expect(html).not.toContain('/client/main.ts');
    const shell = await fetch(`${baseURL}/client/index.html`);
    expect(shell.status).toBe(404);
    expect(await shell.text()).not.toContain('<!--ssr-outlet-->');
    // index.html is the prerendered home page (the asset server sends /index.html to /), never the shell.
    const index = await fetch(`${baseURL}/index.html`);
    expect(index.status).toBe(200);
    const home = await index.text();
    expect(home).not.toContain('<!--ssr-outlet-->');
    expect(home).toContain('Lit components, streamed from the edge');
  });

  it('shows the not-found page for an unknown path', async () => {
    const { page } = await openPage(app.browser());
    const response = await page.goto(`${baseURL}/nowhere`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});
