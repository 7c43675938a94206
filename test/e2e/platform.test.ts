import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage } from './setup/browser.js';
import { useBuiltApp } from './setup/shared-browser.js';
import { hydrated, signIn } from './setup/sign-in.js';

const app = useBuiltApp();
const baseURL = app.baseURL;

describe('sessions in the built demo', () => {
  it('sign in with a new, HttpOnly, SameSite=Lax session cookie, and sign out', async () => {
    const { page } = await openPage(app.browser());
    await page.goto(`${baseURL}/`);
    await signIn(page, 'Grace');
    expect(await page.locator('user-session strong').textContent()).toBe('Grace');
    const [session] = (await page.context().cookies()).filter((c) => c.name.endsWith('lf_session'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session!.value.length).toBeGreaterThanOrEqual(22);
    // Signing out clears the cookie; the page renders for nobody again.
    await Promise.all([page.waitForNavigation(), page.locator('user-session button').click()]);
    await hydrated(page, 'user-session');
    expect(await page.locator('user-session input').count()).toBe(1);
    expect((await page.context().cookies()).filter((c) => c.name.endsWith('lf_session'))).toEqual([]);
    await page.context().close();
  });
});

describe('the platform page in the built demo', () => {
  it('bumps a KV counter, uploads to and downloads from R2, and runs a queue job with a retry', async () => {
    const { page, problems } = await openPage(app.browser());
    await page.goto(`${baseURL}/platform`);
    await hydrated(page, 'kv-counter');
    const before = Number(await page.locator('kv-counter output').textContent());
    await page.locator('kv-counter button').click();
    await expect.poll(async () => Number(await page.locator('kv-counter output').textContent())).toBe(before + 1);
    await page.reload();
    await hydrated(page, 'kv-counter');
    expect(Number(await page.locator('kv-counter output').textContent())).toBe(before + 1);

    const dir = mkdtempSync(join(tmpdir(), 'litflare-upload-'));
    const name = `note-${Date.now()}.txt`;
    writeFileSync(join(dir, name), 'bytes through devalue into R2 ✓');
    await hydrated(page, 'file-shelf');
    await page.locator('file-shelf input[type=file]').setInputFiles(join(dir, name));
    const link = page.locator('file-shelf li a', { hasText: name });
    await link.waitFor();
    const download = await fetch(`${baseURL}${await link.getAttribute('href')}`);
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent(name));
    expect(await download.text()).toBe('bytes through devalue into R2 ✓');

    const text = `flaky ${Date.now()}`;
    await page.locator('job-queue input').fill(text);
    await page.locator('job-queue button').click();
    const reversed = [...text].reverse().join('');
    await page.locator('job-queue li', { hasText: `→ ${reversed} (attempt 2)` }).waitFor({ timeout: 20_000 });
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });

  it('shows the row the cron trigger wrote', async () => {
    // Miniflare's trigger endpoint; the header routes it to the app's Worker, as the Cloudflare plugin does in dev.
    const trigger = await fetch(`${baseURL}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('*/10 * * * *')}`, {
      headers: { 'MF-Route-Override': 'litflare-demo' },
    });
    expect(trigger.status).toBe(200);
    const { page } = await openPage(app.browser());
    await page.goto(`${baseURL}/platform`);
    await expect(page.locator('.cron-runs li').first().textContent()).resolves.toMatch(/^\*\/10 \* \* \* \* at \d{4}-/);
    await page.context().close();
  });

  it('uploads a 22-byte file through a labelled, focusable button and shows its size as "22 B"', async () => {
    const { page, problems } = await openPage(app.browser());
    await page.goto(`${baseURL}/platform`);
    await hydrated(page, 'file-shelf');
    // The native input is out of sight; its label is the button, with a focus ring for the keyboard.
    const label = page.locator('file-shelf .picker label');
    expect(await label.innerText()).toBe('Choose a file');
    const input = await page.locator('file-shelf input[type=file]').boundingBox();
    expect(input!.width * input!.height).toBeLessThanOrEqual(1);
    await page.locator('kv-counter button').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('file-shelf')!.shadowRoot!.activeElement?.getAttribute('type'))).toBe('file');
    expect(await label.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');

    const dir = mkdtempSync(join(tmpdir(), 'litflare-upload-'));
    const name = `tiny-${Date.now()}.txt`;
    writeFileSync(join(dir, name), 'twenty-two bytes here!');
    await page.getByLabel('Choose a file').setInputFiles(join(dir, name));
    await expect.poll(() => page.locator('file-shelf .chosen').textContent()).toBe(`Uploaded ${name} (22 B).`);
    const row = page.locator('file-shelf li', { hasText: name });
    expect(await row.locator('.size').textContent()).toBe('22 B');
    // The server renders the same size.
    await page.reload();
    expect(await page.locator('file-shelf li', { hasText: name }).locator('.size').textContent()).toBe('22 B');
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });

  it('has no "Run now" for the cron in a production build: the card is server-only HTML, and no built file names the dev trigger', async () => {
    const { page, problems } = await openPage(app.browser());
    await page.goto(`${baseURL}/platform`);
    await hydrated(page, 'kv-counter');
    expect(await page.locator('cron-runs h3').textContent()).toBe('Cron');
    expect(await page.locator('cron-runs button').count()).toBe(0);
    expect(await page.evaluate(() => customElements.get('cron-runs'))).toBeUndefined();
    const built = ['dist/client', 'dist/litflare_demo'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.js'))
        .map((name) => readFileSync(join(dir, name), 'utf8')),
    );
    expect(built.join('\n')).toContain('No runs yet.');
    for (const code of built) {
      expect(code).not.toContain('/cdn-cgi/handler/scheduled');
      expect(code).not.toContain('Run now');
    }
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });

  it('refuses a bad file key and a missing file', async () => {
    expect((await fetch(`${baseURL}/files/..%2Fsecret`)).status).toBe(400);
    expect((await fetch(`${baseURL}/files/no-such-file`)).status).toBe(404);
  });
});
