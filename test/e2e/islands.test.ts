import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './setup/browser.js';
import { useBuiltApp } from './setup/shared-browser.js';
import { hydrated } from './setup/sign-in.js';

const app = useBuiltApp();

/** Every JavaScript file the page fetched, with its body. */
function scripts(page: Page): Map<string, Promise<string>> {
  const seen = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    if (!response.url().endsWith('.js')) return;
    // A revalidated (304) script has no body here; it was read when first fetched.
    // A body still in flight when the test closes the page is of no interest: read it as ''.
    const body = response.status() === 200 ? response.text().catch(() => '') : Promise.resolve('');
    seen.set(new URL(response.url()).pathname, body);
  });
  return seen;
}

const hasChunk = (seen: Map<string, Promise<string>>, name: string) => [...seen.keys()].some((path) => path.includes(`/${name}-`));

describe('islands in the built demo', () => {
  it('never loads a server-only element’s code, which stays readable HTML', async () => {
    const { page, problems } = await openPage(app.browser());
    const seen = scripts(page);
    await page.goto(`${app.baseURL}/`);
    await hydrated(page, 'lf-counter');
    await page.locator('site-footer p').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    expect(await page.locator('site-footer p').textContent()).toContain('This footer is server-only');
    expect(await page.evaluate(() => customElements.get('site-footer'))).toBeUndefined();
    for (const body of await Promise.all(seen.values())) expect(body).not.toContain('This footer is server-only');
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });

  it('loads a visible island’s code only once it scrolls into view, and then it works', async () => {
    const { page, problems } = await openPage(app.browser(), { viewport: { width: 1280, height: 720 } });
    const seen = scripts(page);
    await page.goto(`${app.baseURL}/`);
    await hydrated(page, 'lf-counter');
    await page.waitForLoadState('networkidle');
    // What this test is about: the list starts below the fold.
    expect(await page.locator('review-list').evaluate((list) => list.getBoundingClientRect().top)).toBeGreaterThan(720);
    expect(hasChunk(seen, 'review-list')).toBe(false);
    expect(await page.locator('review-list').getAttribute('defer-hydration')).toBe('');
    // Readable before it hydrates: the server rendered it, and says its code is still to come.
    expect(await page.locator('review-list li').count()).toBe(3);
    expect(await page.locator('review-list .state').innerText()).toBe('Server-rendered HTML: its code loads when you scroll here…');

    await page.locator('review-list').scrollIntoViewIfNeeded();
    await hydrated(page, 'review-list');
    expect(hasChunk(seen, 'review-list')).toBe(true);
    expect(await page.locator('review-list').getAttribute('defer-hydration')).toBeNull();
    await expect.poll(() => page.locator('review-list .state').innerText()).toBe('Hydrated: its code loaded as it came into view.');
    const first = page.locator('review-list li button').first();
    const before = Number((await first.textContent())!.replace(/\D/g, ''));
    await first.click();
    await expect.poll(async () => Number((await first.textContent())!.replace(/\D/g, ''))).toBe(before + 1);
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });

  it('reads without a hole before the island loads: no stretch of the home page is left empty', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page } = await openPage(app.browser(), { viewport: { width: 1280, height: 720 }, javaScriptEnabled });
      await page.goto(`${app.baseURL}/`);
      if (javaScriptEnabled) await hydrated(page, 'lf-counter');
      // The page's blocks in document order, and the empty space above each.
      const gaps = await page.evaluate(() => {
        const blocks = [...document.querySelector('app-layout')!.children].filter((child) => child.slot === '');
        return blocks.slice(1).map((block, i) => ({
          above: block.localName + (block.className ? `.${block.className}` : ''),
          gap: Math.round(block.getBoundingClientRect().top - blocks[i]!.getBoundingClientRect().bottom),
        }));
      });
      expect(gaps.length).toBeGreaterThanOrEqual(6);
      expect(gaps.filter(({ gap }) => gap > 80)).toEqual([]);
      await page.context().close();
    }
  });

  it('loads only the islands a page contains, so each page fetches its own code', async () => {
    const { page, problems } = await openPage(app.browser());
    const seen = scripts(page);
    await page.goto(`${app.baseURL}/`);
    await hydrated(page, 'lf-counter');
    await page.waitForLoadState('networkidle');
    for (const other of ['todo-list', 'chat-room', 'weather-card', 'kv-counter']) expect(hasChunk(seen, other)).toBe(false);

    await page.goto(`${app.baseURL}/streaming`);
    await hydrated(page, 'weather-card');
    expect(hasChunk(seen, 'weather-card')).toBe(true);
    expect(hasChunk(seen, 'chat-room')).toBe(false);
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });

  it('loads islands with the page when asked to (?islands=eager)', async () => {
    const { page } = await openPage(app.browser(), { viewport: { width: 1280, height: 720 } });
    const seen = scripts(page);
    await page.goto(`${app.baseURL}/?islands=eager`);
    await hydrated(page, 'review-list');
    expect(hasChunk(seen, 'review-list')).toBe(true);
    await page.context().close();
  });
});
