import { describe, expect, it } from 'vitest';
import { openPage } from './setup/browser.js';
import { useBuiltApp } from './setup/shared-browser.js';
import { hydrated } from './setup/sign-in.js';
import { serverFnId } from '../../src/vite/server-fns/ids.js';

const app = useBuiltApp();
const baseURL = app.baseURL;
// The page is served from the edge cache: its frame asks who is signed in (one call, not the page's data).
const whoIsSignedIn = `/_lf/rpc/${serverFnId(process.cwd(), `${process.cwd()}/worker/auth.server.ts`, 'currentUser')}`;
const dataCall = (url: string) => url.includes('/_lf/rpc/') && !url.endsWith(whoIsSignedIn);
// A query no other visit used: the edge cache has no copy of it yet, so this visit renders (and streams) it.
const fresh = () => `&visit=${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;

describe('streaming server data in the built demo', () => {
  it('shows the pending state first, then the data, and hydrates with zero server-function requests', async () => {
    const { page, problems } = await openPage(app.browser());
    const rpc: string[] = [];
    page.on('request', (request) => {
      if (dataCall(request.url())) rpc.push(`${request.method()} ${request.url()}`);
    });
    // Watch from inside the page (a test round trip could miss the 300 ms window on a busy machine):
    // the shell is there, pending state showing, while the forecast is still on its way.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as unknown as { seenPending: string[] }).seenPending = seen;
      const timer = setInterval(() => {
        const card = document.querySelector('weather-card')?.shadowRoot;
        const pending = card?.querySelector('.pending')?.textContent;
        if (pending != null && !seen.includes(pending)) seen.push(pending);
        if (card?.querySelector('.temp') != null) clearInterval(timer);
      }, 5);
    });
    await page.goto(`${baseURL}/streaming?city=Oslo${fresh()}`, { waitUntil: 'commit' });
    await page.locator('weather-card .temp').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { seenPending: string[] }).seenPending)).toEqual([
      'Fetching the forecast for Oslo…',
    ]);
    expect(await page.locator('weather-card .temp').textContent()).toBe('-2° / -8°');
    expect(await page.locator('weather-card .pending').count()).toBe(0);
    await page.waitForLoadState('load');
    await hydrated(page, 'weather-card');
    await hydrated(page, 'edge-info');
    // The server's nodes are the ones that stay.
    await page.evaluate(() => {
      (globalThis as unknown as { temp: Element }).temp = document.querySelector('weather-card')!.shadowRoot!.querySelector('.temp')!;
    });
    expect(await page.evaluate(() => document.querySelector('weather-card')!.shadowRoot!.querySelector('.temp') === (globalThis as unknown as { temp: Element }).temp)).toBe(true);
    expect(rpc).toEqual([]);

    // A new argument after hydration: exactly one request.
    await page.locator('weather-card select').selectOption('Tokyo');
    await page.locator('weather-card .temp', { hasText: '31° / 25°' }).waitFor();
    expect(rpc).toHaveLength(1);
    expect(rpc[0]).toMatch(/^POST .*\/_lf\/rpc\/[\w-]{16}$/);
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });

  it('hydrates a city with NUL or CR as the browser parsed it: one card, no second call, and the control still works', async () => {
    for (const [query, parsed] of [
      ['Os%00lo', 'Os\uFFFDlo'],
      ['Os%0Dlo', 'Os\nlo'],
    ] as const) {
      const { page, problems } = await openPage(app.browser());
      const rpc: string[] = [];
      page.on('request', (request) => {
        if (dataCall(request.url())) rpc.push(request.url());
      });
      await page.goto(`${baseURL}/streaming?city=${query}`);
      await hydrated(page, 'weather-card');
      // The server loaded the forecast of the city the browser's element has, and hydration kept its answer.
      expect(await page.locator('weather-card [role=alert]').allTextContents()).toEqual([`No forecast for ${parsed}.`]);
      expect(await page.locator('weather-card h3').allTextContents()).toEqual([parsed]);
      expect(rpc).toEqual([]);
      await page.locator('weather-card select').selectOption('Tokyo');
      await page.locator('weather-card .temp', { hasText: '31° / 25°' }).waitFor();
      expect(await page.locator('weather-card [role=alert]').count()).toBe(0);
      expect(rpc).toHaveLength(1);
      expect(problems).toEqual({ console: [], failedRequests: [] });
      await page.context().close();
    }
  });

  it('renders an unknown city’s error through the same stream', async () => {
    const { page } = await openPage(app.browser());
    await page.goto(`${baseURL}/streaming?city=Atlantis`);
    await expect(page.locator('weather-card [role=alert]').textContent()).resolves.toBe('No forecast for Atlantis.');
    await page.context().close();
  });
});
