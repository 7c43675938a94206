import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from './setup/browser.js';
import { startDevServer, type DevServer } from './setup/dev-server.js';
import { hydrated } from './setup/sign-in.js';

let browser: Browser;
let dev: DevServer;

beforeAll(async () => {
  [browser, dev] = await Promise.all([launchChromium(), startDevServer(process.cwd())]);
});
afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

const counterHydrated = (page: Page) =>
  page.waitForFunction(() => (document.querySelector('lf-counter') as { hasUpdated?: boolean } | null)?.hasUpdated === true);

function edit(file: string, from: string, to: string): void {
  const path = join(dev.root, file);
  const source = readFileSync(path, 'utf8');
  if (!source.includes(from)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(path, source.replace(from, to));
}

describe('npm run dev', () => {
  it('serves server-rendered pages from workerd that hydrate, and reloads them when sources change', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${dev.baseURL}/?start=2`);
    await counterHydrated(page);
    await page.locator('lf-counter button').click();
    expect(await page.locator('lf-counter output').textContent()).toBe('3');

    // A component edit reaches the Worker's SSR and the browser without a manual reload.
    edit('components/app-layout.ts', "@property() brand = 'litflare';", "@property() brand = 'litflare, edited';");
    await page.waitForFunction(
      () => document.querySelector('app-layout')?.shadowRoot?.querySelector('.brand')?.textContent === 'litflare, edited',
      undefined,
      { timeout: 20_000 },
    );
    const served = await (await fetch(`${dev.baseURL}/`)).text();
    expect(served).toContain('litflare, edited');

    // So does a change to the document shell.
    edit('client/index.html', '<body>', '<body data-edited="yes">');
    await page.waitForFunction(() => document.body.dataset.edited === 'yes', undefined, { timeout: 20_000 });
    await counterHydrated(page);

    // Lit announces its development build; nothing else may warn or fail.
    expect(problems.console.filter((text) => !text.startsWith('Lit is in dev mode'))).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await page.context().close();
  });
});

describe('server functions in npm run dev', () => {
  it('are called from the browser, and a server module edit takes effect without a restart', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${dev.baseURL}/streaming?city=Lisbon`);
    await page.locator('weather-card .summary', { hasText: 'Sunny with a light breeze' }).waitFor();
    await hydrated(page, 'weather-card');
    edit('worker/forecast.server.ts', "'Sunny with a light breeze'", "'Sunny, edited on the fly'");
    // A call from the browser reaches the edited module …
    await expect
      .poll(async () => {
        await page.locator('weather-card select').selectOption('Oslo');
        await page.locator('weather-card select').selectOption('Lisbon');
        return page.locator('weather-card .summary').textContent();
      }, { timeout: 20_000 })
      .toBe('Sunny, edited on the fly');
    // … and so does server rendering (the page is edge-cached: a hard reload renders it again in development).
    const reloaded = await fetch(`${dev.baseURL}/streaming?city=Lisbon`, { headers: { 'cache-control': 'no-cache' } });
    expect(await reloaded.text()).toContain('Sunny, edited on the fly');
    expect(problems.console.filter((text) => !text.startsWith('Lit is in dev mode'))).toEqual([]);
    await page.context().close();
  });
});

describe('npm run dev with D1', () => {
  it('runs the cron handler from the platform page’s "Run now" button (development only)', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${dev.baseURL}/platform`);
    await hydrated(page, 'cron-runs');
    const runs = page.locator('cron-runs li');
    expect(await runs.allTextContents()).toEqual(['No runs yet.']);
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect.poll(() => runs.first().textContent()).toMatch(/^\*\/10 \* \* \* \* at \d{4}-/);
    expect(await runs.count()).toBe(1);
    // The row is in D1: the server renders it too.
    await page.reload();
    expect(await runs.first().textContent()).toMatch(/^\*\/10 \* \* \* \* at \d{4}-/);
    expect(problems.console.filter((text) => !text.startsWith('Lit is in dev mode'))).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await page.context().close();
  });

  it('has applied the D1 migrations (the session table) to the local database', () => {
    const wrangler = join(process.cwd(), 'node_modules/wrangler/bin/wrangler.js');
    const query = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
    const output = execFileSync(process.execPath, [wrangler, 'd1', 'execute', 'DB', '--local', '--json', '--command', query], {
      cwd: dev.root,
      env: { ...process.env, WRANGLER_HIDE_BANNER: 'true', WRANGLER_SEND_METRICS: 'false' },
      encoding: 'utf8',
    });
    const [{ results }] = JSON.parse(output) as [{ results: { name: string }[] }];
    expect(results.map((row) => row.name)).toEqual(expect.arrayContaining(['d1_migrations', 'litflare_sessions']));
  });
});
