import { describe, expect, it } from 'vitest';
import { openPage } from './setup/browser.js';
import { useBuiltApp } from './setup/shared-browser.js';

const app = useBuiltApp();
const baseURL = app.baseURL;

interface Arrival {
  deliveryType: string;
  transferSize: number;
  viewTransition: boolean | undefined;
}

describe('instant navigations in the built demo (createApp({ navigation }))', () => {
  it('prefetches a link the pointer rests on, serves the next navigation from the prefetch, and runs a view transition', async () => {
    const { page, problems } = await openPage(app.browser());
    await page.addInitScript(() => {
      const arrival: Partial<Arrival> = {};
      (globalThis as unknown as { arrival: Partial<Arrival> }).arrival = arrival;
      addEventListener('pagereveal', (event) => {
        arrival.viewTransition = (event as Event & { viewTransition: unknown }).viewTransition != null;
      });
    });
    const prefetched: string[] = [];
    page.on('request', (request) => {
      if (request.headers()['sec-purpose']?.includes('prefetch')) { const url = new URL(request.url()); prefetched.push(url.pathname + url.search); }
    });
    await page.goto(`${baseURL}/`);
    const rules = await page.locator('script[type=speculationrules]').textContent();
    expect(JSON.parse(rules!).prefetch[0].eagerness).toBe('moderate');

    await page.locator('nav a[href="/platform"]').hover();
    await expect.poll(() => prefetched, { timeout: 5_000 }).toContain('/platform');
    await page.locator('nav a[href="/platform"]').click();
    await page.waitForURL(`${baseURL}/platform`);
    const arrival = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming & { deliveryType: string };
      const seen = (globalThis as unknown as { arrival: Partial<Arrival> }).arrival;
      return { deliveryType: entry.deliveryType, transferSize: entry.transferSize, viewTransition: seen.viewTransition };
    });
    expect(arrival).toMatchObject({ deliveryType: 'navigational-prefetch', viewTransition: true });
    // The prefetch was the only request for the page: clicking fetched nothing more.
    expect(prefetched.filter((path) => path === '/platform')).toHaveLength(1);
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });

  it('never prefetches a link marked data-no-prefetch or rel=nofollow, nor one to a sign-out path', async () => {
    const { page } = await openPage(app.browser());
    const prefetched: string[] = [];
    page.on('request', (request) => {
      if (request.headers()['sec-purpose']?.includes('prefetch')) { const url = new URL(request.url()); prefetched.push(url.pathname + url.search); }
    });
    await page.goto(`${baseURL}/`);
    await page.evaluate(() => {
      const add = (href: string, attribute?: string) => {
        const a = document.createElement('a');
        a.href = href;
        a.textContent = href;
        a.style.display = 'block';
        if (attribute !== undefined) a.setAttribute(attribute, attribute === 'rel' ? 'nofollow' : '');
        document.body.prepend(a);
        return a;
      };
      add('/todos?a', 'data-no-prefetch');
      add('/todos?b', 'rel');
      add('/sign-out');
      add('/todos?c');
    });
    for (const href of ['/todos?a', '/todos?b', '/sign-out', '/todos?c']) await page.locator(`a[href="${href}"]`).hover();
    await expect.poll(() => prefetched, { timeout: 5_000 }).toContain('/todos?c');
    await page.waitForTimeout(500);
    expect(prefetched).toEqual(['/todos?c']);
    await page.context().close();
  });
});
