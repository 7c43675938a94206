import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from './setup/browser.js';
import { useBuiltApp } from './setup/shared-browser.js';
import { hydrated, signIn } from './setup/sign-in.js';
import { startVite, type ViteServer } from './setup/vite-server.js';

const app = useBuiltApp();
const root = new URL('../..', import.meta.url).pathname;
const persist = mkdtempSync(join(tmpdir(), 'litflare-persist-'));
const env = { NODE_ENV: 'production', LITFLARE_PERSIST_TO: persist };
const config = 'test/e2e/setup/persisted.vite.config.ts';
let server: ViteServer;

// The built demo in its own workerd, on storage of its own, so it can be stopped and started again.
beforeAll(async () => {
  server = await startVite('preview', root, env, { config });
});
afterAll(async () => {
  await server?.stop();
  rmSync(persist, { recursive: true, force: true });
});

/** Stops workerd (every Durable Object goes with it) and starts it again on the same port and storage. */
async function restart(): Promise<void> {
  const port = Number(new URL(server.baseURL).port);
  await server.stop();
  server = await startVite('preview', root, env, { config, port });
}

const status = (page: Page) => page.locator('chat-room .status').textContent();
const texts = (page: Page) => page.locator('chat-room li .text').allTextContents();

async function enter(room: string, name: string) {
  const { page } = await openPage(app.browser());
  await page.goto(`${server.baseURL}/chat/${room}`);
  await expect.poll(() => status(page)).toBe('live');
  await page.locator('chat-room input[name=name]').fill(name);
  return page;
}

async function say(page: Page, text: string): Promise<void> {
  await page.locator('chat-room input[name=text]').fill(text);
  await page.locator('chat-room button').click();
}

describe('workerd restarted on persisted local storage', () => {
  it('resets the chat’s Durable Object mid-chat: both pages reconnect by themselves and keep the stored history', { timeout: 90_000 }, async () => {
    const room = `restart-${Date.now().toString(36)}`;
    const ada = await enter(room, 'ada');
    const bob = await enter(room, 'bob');
    await say(ada, 'before the reset');
    await expect.poll(() => texts(bob)).toEqual(['before the reset']);

    await restart();
    // Each page saw its socket drop, and came back on its own.
    await expect.poll(() => status(ada), { timeout: 30_000 }).toBe('live');
    await expect.poll(() => status(bob), { timeout: 30_000 }).toBe('live');
    expect(await texts(ada)).toEqual(['before the reset']);
    expect(await texts(bob)).toEqual(['before the reset']);

    await say(bob, 'after the reset');
    await expect.poll(() => texts(ada)).toEqual(['before the reset', 'after the reset']);
    // A new visitor gets the whole history from the new object, rendered by the server.
    const carol = await enter(room, 'carol');
    expect(await texts(carol)).toEqual(['before the reset', 'after the reset']);
    for (const page of [ada, bob, carol]) await page.context().close();
  });

  it('keeps sessions and data: still signed in, with the same todos and counter', { timeout: 90_000 }, async () => {
    const { page } = await openPage(app.browser());
    await page.goto(`${server.baseURL}/todos`);
    const name = `persisted ${Date.now().toString(36)}`;
    await signIn(page, name);
    await hydrated(page, 'todo-list');
    await page.locator('todo-list input[name=title]').fill('survives a restart');
    await page.locator('todo-list button[type=submit]').click();
    await page.locator('todo-list li', { hasText: 'survives a restart' }).waitFor();
    await page.goto(`${server.baseURL}/platform`);
    await hydrated(page, 'kv-counter');
    await page.locator('kv-counter button').click();
    const counter = page.locator('kv-counter output');
    await expect.poll(() => counter.textContent()).not.toBe('0');
    const count = await counter.textContent();

    await restart();
    await page.goto(`${server.baseURL}/todos`);
    expect(await page.locator('user-session').getAttribute('user')).toBe(name);
    expect(await page.locator('todo-list li span').allTextContents()).toEqual(['survives a restart']);
    await page.goto(`${server.baseURL}/platform`);
    expect(await counter.textContent()).toBe(count);
    await page.context().close();
  });
});
