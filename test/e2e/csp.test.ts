import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './setup/browser.js';
import { useBuiltApp } from './setup/shared-browser.js';
import { hydrated, signIn } from './setup/sign-in.js';

const app = useBuiltApp();
const baseURL = app.baseURL;

/** Records every CSP violation the page reports, from before its first byte. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`),
    );
  });
  return () => page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations);
}

describe('the strict Content-Security-Policy in the built demo', () => {
  it('lets every demo page run, stream and hydrate, with zero violations', async () => {
    const { page, problems } = await openPage(app.browser());
    const violations = await watchViolations(page);
    const policies: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document') policies.push(response.headers()['content-security-policy'] ?? 'none');
    });

    await page.goto(`${baseURL}/`);
    await hydrated(page, 'lf-counter');
    await page.locator('lf-counter button').click();
    await expect.poll(() => page.locator('lf-counter output').textContent()).toBe('4');

    await page.goto(`${baseURL}/todos`);
    await signIn(page, `csp ${Date.now().toString(36)}`);
    await hydrated(page, 'todo-list');
    await page.locator('todo-list input[name=title]').fill('allowed by nonce');
    await page.locator('todo-list button[type=submit]').click();
    await page.locator('todo-list li', { hasText: 'allowed by nonce' }).waitFor();

    // Streamed boundaries: their swap scripts are inline, and run only with the nonce.
    await page.goto(`${baseURL}/streaming?city=Oslo`);
    await page.locator('weather-card .temp').waitFor();
    expect(await page.locator('lf-b').count()).toBe(0);
    await hydrated(page, 'weather-card');

    await page.goto(`${baseURL}/platform`);
    await hydrated(page, 'kv-counter');
    await page.goto(`${baseURL}/chat/csp-${Date.now().toString(36)}`);
    await expect.poll(() => page.locator('chat-room .status').textContent()).toBe('live');

    expect(await violations()).toEqual([]);
    expect(problems).toEqual({ console: [], failedRequests: [] });
    expect(policies.length).toBeGreaterThanOrEqual(5);
    // The home page is prerendered: Cloudflare serves it with the hash-based policy of _headers (prerender.test.ts).
    const [home, ...rendered] = policies;
    expect(home).toMatch(/^script-src 'self'( 'sha256-[\w+/=]{44}')+; object-src 'none'; base-uri 'none'$/);
    for (const policy of rendered) {
      expect(policy).toMatch(/^script-src 'nonce-[\w+/=]{24}' 'strict-dynamic'; object-src 'none'; base-uri 'none'$/);
    }
    expect(new Set(rendered).size).toBe(rendered.length);
    await page.context().close();
  });

  it('is enforced: an injected inline script without the nonce never runs, and is reported', async () => {
    const { page } = await openPage(app.browser());
    const violations = await watchViolations(page);
    // What a stored XSS would look like: markup the server did not mean to send.
    await page.route(`${baseURL}/`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('</body>', '<script>window.injected = true</script><img src=x onerror="window.injectedAttr = true"></body>');
      await route.fulfill({ response, body });
    });
    await page.goto(`${baseURL}/`);
    await hydrated(page, 'lf-counter');
    expect(await page.evaluate(() => (globalThis as unknown as { injected?: boolean }).injected)).toBeUndefined();
    expect(await page.evaluate(() => (globalThis as unknown as { injectedAttr?: boolean }).injectedAttr)).toBeUndefined();
    await expect.poll(violations).toEqual([
      'script-src-elem blocked inline',
      'script-src-attr blocked inline',
    ]);
    await page.context().close();
  });
});

describe('secure headers on the files Cloudflare serves without running the Worker', () => {
  it('come from the _headers file the build writes: every client asset has them, and the file itself is not served', async () => {
    const { page, problems } = await openPage(app.browser());
    const assets: { url: string; headers: Record<string, string> }[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/assets/')) assets.push({ url: response.url(), headers: response.headers() });
    });
    await page.goto(`${baseURL}/`);
    await hydrated(page, 'lf-counter');
    expect(assets.length).toBeGreaterThan(0);
    for (const { url, headers } of assets) {
      expect({ url, nosniff: headers['x-content-type-options'], frame: headers['x-frame-options'], corp: headers['cross-origin-resource-policy'], referrer: headers['referrer-policy'] }).toEqual({
        url,
        nosniff: 'nosniff',
        frame: 'SAMEORIGIN',
        corp: 'same-origin',
        referrer: 'no-referrer',
      });
    }
    const file = await page.request.get(`${baseURL}/_headers`);
    expect(file.status()).toBe(404);
    expect(await file.text()).not.toContain('X-Content-Type-Options');
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });
});
