import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './setup/browser.js';
import { useBuiltApp } from './setup/shared-browser.js';
import { hydrated } from './setup/sign-in.js';

const app = useBuiltApp();
const baseURL = app.baseURL;
const client = join(process.cwd(), 'dist/client');

/** Requests the Worker has answered (the demo counts them; this request is one of them). */
const invocations = async () => (await (await fetch(`${baseURL}/demo/invocations`)).json()) as number;

const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attributes]) => !/\ssrc=/.test(attributes!)).map(([, attributes, text]) => ({
    type: /type="([^"]+)"/.exec(attributes!)?.[1] ?? 'classic',
    hash: `'sha256-${createHash('sha256').update(text!, 'utf8').digest('base64')}'`,
  }));

async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  return () => page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations);
}

describe('prerendered pages (app.page(path, handler, { prerender }))', () => {
  it('are written into the client output by vite build, without a nonce', () => {
    expect(existsSync(join(client, 'index.html'))).toBe(true);
    const html = readFileSync(join(client, 'index.html'), 'utf8');
    expect(html).toContain('Lit components, streamed from the edge');
    expect(html).toContain('<script type="speculationrules">');
    expect(html).not.toContain('nonce=');
    // Only what is prerendered: the other pages stay the Worker's.
    expect(existsSync(join(client, 'todos.html'))).toBe(false);
  });

  it('are served without running the Worker; other paths still reach it', async () => {
    const before = await invocations();
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${baseURL}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Lit components, streamed from the edge');
    }
    expect(await invocations()).toBe(before + 1);
    const todos = await fetch(`${baseURL}/todos`);
    expect(todos.status).toBe(200);
    await todos.text();
    expect(await invocations()).toBe(before + 3);
  });

  it('carry a hash-based CSP (from _headers) that allows exactly their inline scripts', async () => {
    const response = await fetch(`${baseURL}/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    const html = await response.text();
    expect(policy).not.toContain('nonce');
    const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '))!.split(' ').slice(1);
    const executable = inlineScripts(html).filter(({ type }) => type !== 'application/litflare+devalue');
    expect(executable.map(({ type }) => type)).toContain('speculationrules');
    for (const { hash } of executable) expect(scriptSrc).toContain(hash);
    expect(scriptSrc).toContain("'self'");
    expect(policy).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('run, hydrate and call server functions in Chromium with zero CSP violations', async () => {
    const { page, problems } = await openPage(app.browser());
    const violations = await watchViolations(page);
    const calls: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/_lf/rpc/')) calls.push(`${response.request().method()} ${response.status()}`);
    });
    await page.goto(`${baseURL}/`);
    await hydrated(page, 'lf-counter');
    await page.locator('lf-counter button').click();
    await expect.poll(() => page.locator('lf-counter output').textContent()).toBe('4');
    // The frame asks who is signed in: a server function called from the static page.
    await hydrated(page, 'user-session');
    await expect.poll(() => calls).toEqual(['POST 200']);
    expect(await violations()).toEqual([]);
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });
});
