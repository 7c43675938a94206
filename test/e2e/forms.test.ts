import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './setup/browser.js';
import { useBuiltApp } from './setup/shared-browser.js';
import { hydrated } from './setup/sign-in.js';

const app = useBuiltApp();
const baseURL = app.baseURL;
// Screenshots of each step without JavaScript: test-results/ is not committed.
const shots = join(process.cwd(), 'test-results', 'forms-without-javascript');
mkdirSync(shots, { recursive: true });

/** The documents a page loaded (navigations): method, path and status. */
function documents(page: Page): string[] {
  const log: string[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      log.push(`${request.method()} ${new URL(response.url()).pathname}${new URL(response.url()).search} ${response.status()}`);
    }
  });
  return log;
}

/** Submits by clicking `button` and waits for the page it leads to. */
async function submit(page: Page, button: ReturnType<Page['locator']>): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

describe('the demo without JavaScript', () => {
  it('signs in and out, adds, ticks and deletes todos, shows each form’s errors, and never posts again on reload', async () => {
    const { page } = await openPage(app.browser(), { javaScriptEnabled: false });
    const loaded = documents(page);
    await page.goto(`${baseURL}/todos`);
    // No script ran: no element is defined, the page is the server's HTML.
    expect(await page.evaluate(() => customElements.get('todo-list'))).toBeUndefined();

    // Invalid: the page again, 400, the value kept and the issue beside the field.
    await page.locator('user-session input').fill('!');
    await submit(page, page.locator('user-session button'));
    expect(loaded.at(-1)).toMatch(/^POST \/todos\?lf-action=[\w-]+ 400$/);
    expect(await page.locator('user-session [role=alert]').textContent()).toContain('Use 2–24 letters');
    expect(await page.locator('user-session input').getAttribute('value')).toBe('!');
    await page.screenshot({ path: join(shots, '1-sign-in-invalid.png') });

    const name = `NoScript ${Date.now() % 100000}`;
    await page.locator('user-session input').fill(name);
    await submit(page, page.locator('user-session button'));
    expect(loaded.slice(-2)).toEqual([expect.stringMatching(/^POST \/todos\?lf-action=[\w-]+ 303$/), 'GET /todos 200']);
    expect(await page.locator('user-session strong').textContent()).toBe(name);
    const [session] = (await page.context().cookies()).filter((c) => c.name.endsWith('lf_session'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    // Add: the 303 leads to a GET, so a reload never posts again.
    const title = `Milk ${Date.now()}`;
    await page.locator('todo-list input[name=title]').fill(title);
    await submit(page, page.locator('todo-list button[type=submit]'));
    await page.locator('todo-list li span', { hasText: title }).waitFor();
    await page.screenshot({ path: join(shots, '2-todo-added.png') });
    const posts = loaded.filter((line) => line.startsWith('POST')).length;
    await page.reload();
    expect(loaded.at(-1)).toBe('GET /todos 200');
    expect(loaded.filter((line) => line.startsWith('POST')).length).toBe(posts);
    expect(await page.locator('todo-list li span', { hasText: title }).count()).toBe(1);

    await page.locator('todo-list input[name=title]').fill('   ');
    await submit(page, page.locator('todo-list button[type=submit]'));
    expect(loaded.at(-1)).toMatch(/ 400$/);
    expect(await page.locator('todo-list .issue').textContent()).toBe('Write something first.');
    await page.screenshot({ path: join(shots, '3-todo-invalid.png') });

    await submit(page, page.getByRole('button', { name: `Done: ${title}` }));
    await page.locator('todo-list li.done', { hasText: title }).waitFor();
    await page.screenshot({ path: join(shots, '4-todo-done.png') });
    await submit(page, page.getByRole('button', { name: `Delete ${title}` }));
    expect(await page.locator('todo-list li', { hasText: title }).count()).toBe(0);

    await submit(page, page.locator('user-session button', { hasText: 'Sign out' }));
    expect(loaded.slice(-2)).toEqual([expect.stringMatching(/^POST \/todos\?lf-action=[\w-]+ 303$/), 'GET / 200']);
    expect(await page.locator('user-session input').count()).toBe(1);
    expect((await page.context().cookies()).filter((c) => c.name.endsWith('lf_session'))).toEqual([]);
    await page.screenshot({ path: join(shots, '5-signed-out.png') });
    await page.context().close();
  });

  it('bumps the KV counter, uploads a file (multipart) and queues a job', async () => {
    const { page } = await openPage(app.browser(), { javaScriptEnabled: false });
    const loaded = documents(page);
    await page.goto(`${baseURL}/platform`);
    const before = Number(await page.locator('kv-counter output').textContent());
    await submit(page, page.locator('kv-counter button'));
    expect(loaded.slice(-2)).toEqual([expect.stringMatching(/^POST \/platform\?lf-action=[\w-]+ 303$/), 'GET /platform 200']);
    expect(Number(await page.locator('kv-counter output').textContent())).toBe(before + 1);

    const dir = mkdtempSync(join(tmpdir(), 'litflare-upload-'));
    const name = `no-script-${Date.now()}.txt`;
    writeFileSync(join(dir, name), 'posted as multipart/form-data');
    await page.locator('file-shelf input[type=file]').setInputFiles(join(dir, name));
    await submit(page, page.locator('file-shelf button', { hasText: 'Upload' }));
    const link = page.locator('file-shelf li a', { hasText: name });
    await link.waitFor();
    expect(await (await fetch(`${baseURL}${await link.getAttribute('href')}`)).text()).toBe('posted as multipart/form-data');
    // No file chosen: the schema's message, beside the picker.
    await submit(page, page.locator('file-shelf button', { hasText: 'Upload' }));
    expect(loaded.at(-1)).toMatch(/ 400$/);
    expect(await page.locator('file-shelf [role=alert]').textContent()).toBe('Choose a file.');
    await page.screenshot({ path: join(shots, '6-platform.png') });

    const text = `job ${Date.now()}`;
    await page.locator('job-queue input').fill(text);
    await submit(page, page.locator('job-queue button'));
    await page.locator('job-queue li', { hasText: text }).waitFor();
    await page.context().close();
  });
});

describe('the same forms with JavaScript', () => {
  it('submit without a navigation, show their pending state and their errors', async () => {
    const { page, problems } = await openPage(app.browser());
    const loaded = documents(page);
    await page.goto(`${baseURL}/todos`);
    await hydrated(page, 'user-session');
    await page.locator('user-session input').fill('!');
    await page.locator('user-session button').click();
    await expect.poll(() => page.locator('user-session [role=alert]').textContent()).toContain('Use 2–24 letters');
    expect(loaded).toEqual(['GET /todos 200']);
    // Signing in reloads the page to render it for the user (the app's choice).
    await Promise.all([page.waitForNavigation(), (async () => {
      await page.locator('user-session input').fill(`Scripted ${Date.now() % 100000}`);
      await page.locator('user-session button').click();
    })()]);
    await hydrated(page, 'todo-list');
    const navigations = loaded.length;

    // Hold the call to see the pending state.
    let let_go!: () => void;
    const held = new Promise<void>((resolve) => (let_go = resolve));
    await page.route('**/_lf/rpc/**', async (route) => {
      await held;
      await route.continue();
    });
    const title = `Held ${Date.now()}`;
    await page.locator('todo-list input[name=title]').fill(title);
    await page.locator('todo-list button[type=submit]').click();
    await expect.poll(() => page.locator('todo-list button[type=submit]').textContent()).toBe('Adding…');
    expect(await page.locator('todo-list button[type=submit]').isDisabled()).toBe(true);
    let_go();
    await page.locator('todo-list li span', { hasText: title }).waitFor();
    await page.unroute('**/_lf/rpc/**');
    expect(await page.locator('todo-list input[name=title]').inputValue()).toBe('');

    await page.locator('todo-list input[name=title]').fill('   ');
    await page.locator('todo-list button[type=submit]').click();
    await expect.poll(() => page.locator('todo-list .issue').textContent()).toBe('Write something first.');
    await page.getByRole('button', { name: `Done: ${title}` }).click();
    await page.locator('todo-list li.done', { hasText: title }).waitFor();
    await page.getByRole('button', { name: `Delete ${title}` }).click();
    await page.locator('todo-list li', { hasText: title }).waitFor({ state: 'detached' });

    // A form posted before its element hydrated (a native submit): the page again (400), which hydrates as rendered.
    await page.locator('todo-list form').first().evaluate((form: HTMLFormElement) => {
      (form.elements.namedItem('title') as HTMLInputElement).value = '<b>"x'.repeat(30);
      form.submit();
    });
    await page.waitForURL(/lf-action=/);
    await hydrated(page, 'todo-list');
    expect(loaded.at(-1)).toMatch(/^POST \/todos\?lf-action=[\w-]+ 400$/);
    expect(await page.locator('todo-list .issue').textContent()).toBe('Keep it under 120 characters.');
    expect(await page.locator('todo-list input[name=title]').inputValue()).toBe('<b>"x'.repeat(30));
    expect(problems.console.filter((text) => !text.includes('status of 400'))).toEqual([]);
    // Once hydrated, the same form is enhanced: no navigation.
    const before400 = loaded.length;
    await page.locator('todo-list input[name=title]').fill(`After ${Date.now()}`);
    await page.locator('todo-list button[type=submit]').click();
    await expect.poll(() => page.locator('todo-list .issue').count()).toBe(0);
    expect(loaded.length).toBe(before400);

    await page.goto(`${baseURL}/platform`);
    await hydrated(page, 'kv-counter');
    const afterGoto = loaded.length;
    const before = Number(await page.locator('kv-counter output').textContent());
    await page.locator('kv-counter button').click();
    await expect.poll(async () => Number(await page.locator('kv-counter output').textContent())).toBe(before + 1);
    expect(await page.locator('file-shelf button', { hasText: 'Upload' }).isHidden()).toBe(true);
    expect(loaded.length).toBe(afterGoto);
    expect(navigations).toBe(before400 - 1);
    expect(problems.console.filter((text) => !text.includes('status of 400'))).toEqual([]);
    await page.context().close();
  });
});
