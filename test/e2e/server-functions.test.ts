import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'devalue';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './setup/browser.js';
import { useBuiltApp } from './setup/shared-browser.js';
import { hydrated, signIn } from './setup/sign-in.js';
import { analyzeServerModule } from '../../src/vite/server-fns/analyze.js';
import { serverFnId } from '../../src/vite/server-fns/ids.js';

const app = useBuiltApp();
const baseURL = app.baseURL;


/** The RPC requests a page made: method and server function id. */
function rpcLog(page: Page): { method: string; id: string; status?: number }[] {
  const log: { method: string; id: string; status?: number }[] = [];
  page.on('response', (response) => {
    const match = /\/_lf\/rpc\/([\w-]+)/.exec(response.url());
    if (match) log.push({ method: response.request().method(), id: match[1]!, status: response.status() });
  });
  return log;
}

describe('server functions in the built demo', () => {
  it('adds, validates, ticks and keeps todos through server functions, from the hydrated list', async () => {
    const { page, problems } = await openPage(app.browser());
    await page.goto(`${baseURL}/todos`);
    await signIn(page, `Ada ${Date.now() % 100000}`);
    const calls = rpcLog(page);
    await page.reload();
    await hydrated(page, 'todo-list');
    expect(calls).toEqual([]); // the list came with the page

    const title = `Buy milk ${Date.now()}`;
    await page.locator('todo-list input[type=text]').fill(title);
    await page.locator('todo-list button[type=submit]').click();
    await page.locator('todo-list li span', { hasText: title }).waitFor();
    expect(calls.at(-1)).toMatchObject({ method: 'POST', status: 200 });

    // Invalid input: the schema's message, a 400, nothing saved.
    const count = await page.locator('todo-list li').count();
    await page.locator('todo-list input[type=text]').fill('   ');
    await page.locator('todo-list button[type=submit]').click();
    await expect(page.locator('todo-list .error').textContent()).resolves.toBe('Write something first.');
    expect(calls.at(-1)).toMatchObject({ method: 'POST', status: 400 });
    expect(await page.locator('todo-list li').count()).toBe(count);

    await page.getByRole('button', { name: `Done: ${title}` }).click();
    await page.locator('todo-list li.done', { hasText: title }).waitFor();

    // Refresh reads with GET; a reload shows the saved state rendered by the server.
    await page.locator('todo-list .summary button').click();
    await expect.poll(() => calls.at(-1)?.method).toBe('GET');
    await page.reload();
    await hydrated(page, 'todo-list');
    expect(await page.locator('todo-list li.done span', { hasText: title }).count()).toBe(1);

    await page.locator('todo-list li', { hasText: title }).locator('button.quiet').click();
    await page.locator('todo-list li', { hasText: title }).waitFor({ state: 'detached' });

    // The 400 above is reported by Chromium itself; nothing else may fail.
    expect(problems.console.filter((text) => !text.includes('status of 400'))).toEqual([]);
    expect(problems.failedRequests.filter((failure) => !failure.endsWith(' 400'))).toEqual([]);
    await page.context().close();
  });

  it('follows a server function’s redirect(): signing out takes the browser home, signed out', async () => {
    const { page, problems } = await openPage(app.browser());
    await page.goto(`${baseURL}/todos`);
    await signIn(page, `Leaving ${Date.now() % 100000}`);
    const calls = rpcLog(page);
    // signOut() destroys the session and calls redirect('/'): the proxy navigates there.
    await Promise.all([
      page.waitForURL(`${baseURL}/`, { timeout: 10_000 }),
      page.locator('user-session button', { hasText: 'Sign out' }).click(),
    ]);
    expect(calls).toEqual([expect.objectContaining({ method: 'POST', status: 204 })]);
    await hydrated(page, 'user-session');
    expect(await page.locator('user-session input[name=name]').count()).toBe(1);
    expect(problems.console).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await page.context().close();
  });

  it('keeps each user’s todos to themselves', async () => {
    const [alice, bob] = [await openPage(app.browser()), await openPage(app.browser())];
    const title = `Alice's secret ${Date.now()}`;
    await alice.page.goto(`${baseURL}/todos`);
    await signIn(alice.page, 'Alice');
    await hydrated(alice.page, 'todo-list');
    await alice.page.locator('todo-list input[type=text]').fill(title);
    await alice.page.locator('todo-list button[type=submit]').click();
    await alice.page.locator('todo-list li span', { hasText: title }).waitFor();
    await bob.page.goto(`${baseURL}/todos`);
    await signIn(bob.page, 'Bob');
    await hydrated(bob.page, 'todo-list');
    expect(await bob.page.content()).not.toContain(title);
    expect(await bob.page.locator('todo-list li span', { hasText: title }).count()).toBe(0);
    await Promise.all([alice.page.context().close(), bob.page.context().close()]);
  });

  it('asks a signed-out visitor to sign in instead of showing a list', async () => {
    const { page } = await openPage(app.browser());
    await page.goto(`${baseURL}/todos`);
    await expect(page.locator('.signed-out').textContent()).resolves.toContain('Sign in');
    expect(await page.locator('todo-list').count()).toBe(0);
    await page.context().close();
  });

  it('streams the live feed as the server produces it, and cancels the request on stop', async () => {
    const { page, problems } = await openPage(app.browser());
    await page.goto(`${baseURL}/todos`);
    await hydrated(page, 'live-feed');
    const stream = page.waitForRequest((request) => request.url().includes('/_lf/rpc/'));
    await page.locator('live-feed button').click();
    const request = await stream;
    await page.locator('live-feed li').nth(2).waitFor();
    // Still streaming: more arrive while the request is open.
    const seen = await page.locator('live-feed li').count();
    await page.locator('live-feed li').nth(seen).waitFor();
    const ended = page.waitForEvent('requestfailed', (failed) => failed === request);
    await page.locator('live-feed button').click();
    expect((await ended).failure()?.errorText).toMatch(/ERR_ABORTED/);
    expect(await page.locator('live-feed button').textContent()).toBe('Start feed');
    expect(problems.console).toEqual([]);
    await page.context().close();
  });

  it('ships no server code: the client assets lack the server module’s marker and SQL', () => {
    const read = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.js'))
        .map((name) => readFileSync(join(dir, name), 'utf8'))
        .join('\n');
    const client = read('dist/client');
    const worker = read('dist/litflare_demo');
    for (const serverOnly of ['litflare-demo: todos are stored in D1 by the Worker', 'DELETE FROM todos WHERE id = ? AND owner = ?']) {
      expect(worker).toContain(serverOnly);
      expect(client).not.toContain(serverOnly);
    }
    expect(client).not.toContain('todos.server');
    expect(client).toContain('/_lf/rpc/');
  });

  it('registers the demo’s own server functions and no others: the scaffold template’s are not callable', async () => {
    const root = process.cwd();
    const own = readdirSync(join(root, 'worker')).filter((name) => name.endsWith('.server.ts'));
    const expected = own.flatMap((name) =>
      analyzeServerModule(readFileSync(join(root, 'worker', name), 'utf8'), `worker/${name}`).map(
        (fn) => `${fn.name} ${serverFnId(root, join(root, 'worker', name), fn.name)}`,
      ),
    );
    expect(expected.length).toBeGreaterThan(10);
    // The Worker's registry, as built: one entry per id.
    const worker = readdirSync('dist/litflare_demo', { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join('dist/litflare_demo', name), 'utf8'))
      .join('\n');
    const registered = [...worker.matchAll(/"([\w-]{16})": \{\s*id: "\1",\s*name: "(\w+)"/g)].map(([, id, name]) => `${name} ${id}`);
    expect(registered.sort()).toEqual(expected.sort());

    const call = (id: string, args: unknown[]) =>
      fetch(`${baseURL}/_lf/rpc/${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-litflare+json', origin: baseURL },
        body: stringify(args),
      });
    // The scaffold's template (`npm create`'s app) has a server module of its own in this repository.
    const template = join(root, 'src/cli/template/worker/guestbook.server.ts');
    expect(existsSync(template)).toBe(true);
    expect((await call(serverFnId(root, template, 'sign'), [{ name: 'Mallory', message: 'hi' }])).status).toBe(404);
    expect((await call(serverFnId(root, join(root, 'worker/auth.server.ts'), 'currentUser'), [])).status).toBe(200);
  });
});
