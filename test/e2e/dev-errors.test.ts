import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'devalue';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFnId } from '../../src/vite/server-fns/ids.js';
import { openPage } from './setup/browser.js';
import { startBuiltCopy } from './setup/built-copy.js';
import { startDevServer, type DevServer } from './setup/dev-server.js';
import { useBuiltApp } from './setup/shared-browser.js';
import { hydrated } from './setup/sign-in.js';

// A small app with a deliberately broken component, server function and
// hydration (test/e2e/fixtures/dev-errors), served by `vite dev` and, built,
// by `vite preview`.
const FIXTURE = 'test/e2e/fixtures/dev-errors';
const demo = useBuiltApp();
const rpc = (name: string) => `/_lf/rpc/${serverFnId('/app', `/app/worker/todos.server.ts`, name)}`;

const open = () => openPage(demo.browser());

/** The text of each part of Vite's error overlay, once it shows. */
async function overlay(page: Page): Promise<Record<'message' | 'file' | 'frame' | 'stack', string>> {
  await page.locator('vite-error-overlay').waitFor({ state: 'attached', timeout: 15_000 });
  return page.evaluate(() => {
    const root = document.querySelector('vite-error-overlay')!.shadowRoot!;
    const text = (selector: string) => root.querySelector(selector)?.textContent ?? '';
    return { message: text('.message-body'), file: text('.file'), frame: text('.frame'), stack: text('.stack') };
  });
}

/** The status of the page's own response as it navigates to `url`. */
async function visit(page: Page, url: string): Promise<number | undefined> {
  return (await page.goto(url))?.status();
}

describe('errors in npm run dev', () => {
  let dev: DevServer;
  beforeAll(async () => {
    dev = await startDevServer(process.cwd(), { app: FIXTURE });
  });
  afterAll(async () => {
    await dev?.close();
  });

  it('show an SSR error in the error page and in Vite’s overlay, at the component’s source line', async () => {
    const { page } = await open();
    expect(await visit(page, `${dev.baseURL}/ssr-error`)).toBe(500);
    expect(await page.locator('main pre').textContent()).toMatch(/at BrokenCard\.render \(\S*\/components\/broken-card\.ts:12:13\)/);
    const shown = await overlay(page);
    expect(shown.message).toBe('Error: broken-card could not render its title');
    expect(shown.file).toMatch(/\/components\/broken-card\.ts:12:13$/);
    expect(shown.frame).toContain("12 |        throw new Error('broken-card could not render its title');");
    expect(shown.stack).toMatch(/components\/broken-card\.ts:12:13/);
    // The user's frames only: none of litflare's renderer, nor Lit's.
    expect(shown.stack).not.toMatch(/\/src\/worker\/|node_modules/);
    await page.context().close();
  });

  it('show an error after the page started streaming in its marker and in the overlay', async () => {
    const { page } = await open();
    expect(await visit(page, `${dev.baseURL}/late-error`)).toBe(200);
    expect(await page.locator('[data-litflare-error] pre').textContent()).toMatch(/components\/broken-card\.ts:12:13/);
    expect((await overlay(page)).file).toMatch(/\/components\/broken-card\.ts:12:13$/);
    await page.context().close();
  });

  it('show a server function’s unexpected error in the overlay at the server module’s line, and still reject the call', async () => {
    const { page } = await open();
    await page.goto(`${dev.baseURL}/rpc-error`);
    await hydrated(page, 'todo-rename');
    await page.locator('todo-rename button').click();
    const shown = await overlay(page);
    expect(shown.message).toBe('renameTodo: Error: The todo store refused "Ship it"');
    expect(shown.file).toMatch(/\/worker\/todos\.server\.ts:30:11$/);
    expect(shown.frame).toContain('30 |      throw new Error(`The todo store refused "${renamed.title}"`);');
    await page.locator('todo-rename output', { hasText: 'failed' }).waitFor();
    expect(await page.locator('todo-rename output').textContent()).toBe('failed: Error: The todo store refused "Ship it"');
    await page.context().close();
  });

  it('show a server-data call that failed while the page rendered in the overlay, at the server module’s line', async () => {
    const { page } = await open();
    await page.goto(`${dev.baseURL}/data-error`);
    expect(await page.locator('todo-count p[role=alert]').textContent()).toBe('Error: The todo counter is out of order (1 todos)');
    const shown = await overlay(page);
    expect(shown.message).toBe('Error: The todo counter is out of order (1 todos)');
    expect(shown.file).toMatch(/\/worker\/todos\.server\.ts:38:9$/);
    await page.context().close();
  });

  it('show a hydration mismatch in the overlay, naming the element and its render() line', async () => {
    const { page } = await open();
    await page.goto(`${dev.baseURL}/mismatch`);
    const shown = await overlay(page);
    expect(shown.message).toBe('<mismatch-card> could not hydrate: Hydration value mismatch: Unexpected TemplateResult rendered to part');
    expect(shown.file).toMatch(/\/components\/mismatch-card\.ts:8:3$/);
    expect(shown.frame).toContain('8 |    override render() {');
    // The browser's stack, mapped from the served module to the source; the user's frames only.
    expect(shown.stack).toMatch(/\/components\/mismatch-card\.ts:\d+:\d+/);
    expect(shown.stack).not.toMatch(/\/src\/client\/|node_modules|hydration-errors|lit-seam/);
    await page.context().close();
  });

  it('show an update that throws after the element hydrated, naming the element, at the line that threw', async () => {
    const { page } = await open();
    await page.goto(`${dev.baseURL}/late-update`);
    await hydrated(page, 'late-card');
    await page.locator('late-card button').click();
    const shown = await overlay(page);
    expect(shown.message).toBe('<late-card> failed to update: late-card lost its title');
    expect(shown.file).toMatch(/\/components\/late-card\.ts:11:13$/);
    expect(shown.frame).toContain("11 |        throw new Error('late-card lost its title');");
    expect(shown.stack).not.toMatch(/\/src\/client\/|node_modules/);
    await page.context().close();
  });
});

describe('the same errors in production', () => {
  let built: DevServer;
  beforeAll(async () => {
    built = await startBuiltCopy(process.cwd(), { app: FIXTURE });
  });
  afterAll(async () => {
    await built?.close();
  });

  /** Anything that would tell a visitor about the code: messages, stack frames, paths. */
  const internals = /broken-card could not render|todo store refused|\bat \S+ \(|\.ts:\d+|\/tmp\/|node_modules|litflare\+error/;

  it('answer a failing page with a generic error page', async () => {
    const { page } = await open();
    expect(await visit(page, `${built.baseURL}/ssr-error`)).toBe(500);
    const html = await page.content();
    expect(html).toContain('The page could not be rendered. Please try again later.');
    expect(html).not.toMatch(internals);
    await page.waitForTimeout(300);
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
    await page.context().close();
  });

  it('render a failed server-data call’s error state with a generic message', async () => {
    const html = await (await fetch(`${built.baseURL}/data-error`)).text();
    expect(html).toContain('Internal Server Error');
    expect(html).not.toMatch(internals);
    expect(html).not.toContain('out of order');
  });

  it('end a page that fails after streaming started with a marker without details', async () => {
    const response = await fetch(`${built.baseURL}/late-error`);
    const html = await response.text();
    expect(html).toContain('This page could not be rendered completely.');
    expect(html).not.toMatch(internals);
  });

  it('answer an unexpected server function error with a generic 500, and keep a ServerError’s message', async () => {
    const { page } = await open();
    await page.goto(`${built.baseURL}/rpc-error`);
    await hydrated(page, 'todo-rename');
    const answer = page.waitForResponse((response) => response.url().includes('/_lf/rpc/'));
    await page.locator('todo-rename button').click();
    const body = await (await answer).text();
    expect(parse(body)).toEqual({ message: 'Internal Server Error' });
    expect(body).not.toMatch(internals);
    await page.locator('todo-rename output', { hasText: 'failed' }).waitFor();
    expect(await page.locator('todo-rename output').textContent()).toBe('failed: Internal Server Error');
    expect(await page.locator('vite-error-overlay').count()).toBe(0);

    const removed = await fetch(`${built.baseURL}${rpc('removeTodo')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-litflare+json', origin: built.baseURL },
      body: stringify([7]),
    });
    expect(removed.status).toBe(404);
    expect(parse(await removed.text())).toEqual({ message: 'No such todo', data: { id: 7 } });
    await page.context().close();
  });

  it('keep the server’s DOM of an element that fails to hydrate, with no overlay', async () => {
    const { page, problems } = await open();
    await page.goto(`${built.baseURL}/mismatch`);
    await page.waitForFunction(() => customElements.get('mismatch-card') !== undefined);
    await page.waitForTimeout(300);
    expect(await page.locator('mismatch-card p').textContent()).toBe('Rendered on the server');
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
    expect(problems.console.join('\n')).not.toMatch(/\.ts:\d+|\/tmp\//);
    await page.context().close();
  });

  it('ship none of the development error code to the browser', () => {
    const assets = join(built.root, 'dist/client/assets');
    const client = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(assets, name), 'utf8'))
      .join('\n');
    expect(client).toContain('/_lf/rpc/');
    for (const devOnly of ['__litflare/error', 'litflare+error', 'vite-error-overlay', 'could not hydrate', 'failed to update']) {
      expect(client).not.toContain(devOnly);
    }
  });
});

describe('the demo app in production', () => {
  it('answers a server function’s invalid input with a 400 naming the problem, and no stack or path', async () => {
    const root = new URL('../..', import.meta.url).pathname;
    const id = serverFnId(root, `${root}worker/platform.server.ts`, 'deleteFile');
    // R2 would refuse a key longer than 1,024 bytes; the demo's schema refuses it first.
    const response = await fetch(`${demo.baseURL}/_lf/rpc/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-litflare+json', origin: demo.baseURL },
      body: stringify([{ key: 'k'.repeat(2048) }]),
    });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(parse(body)).toEqual({ message: 'Invalid input', data: { issues: [{ message: 'That is not the key of a file.', path: ['key'] }] } });
    expect(body).not.toMatch(/\bat |\.ts|node_modules/);
  });
});
