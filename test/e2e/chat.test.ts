import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openPage } from './setup/browser.js';
import { signIn } from './setup/sign-in.js';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A room no other test uses. */
const newRoom = () => `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

const status = (page: Page) => page.locator('chat-room .status');
const here = (page: Page) => page.locator('chat-room .here');
const texts = (page: Page) => page.locator('chat-room li .text').allTextContents();

/** Opens the room in a fresh browser context and waits until the socket is live. */
async function enter(room: string) {
  const { page, problems } = await openPage(browser);
  await page.goto(`${baseURL}/chat/${room}`);
  await expect.poll(() => status(page).textContent()).toBe('live');
  return { page, problems };
}

async function say(page: Page, name: string, text: string): Promise<void> {
  await page.locator('chat-room input[name=name]').fill(name);
  await page.locator('chat-room input[name=text]').fill(text);
  await page.locator('chat-room button').click();
}

describe('the chat demo in Chromium', () => {
  it('two pages in a room see each other’s messages and who is here', async () => {
    const room = newRoom();
    const ada = await enter(room);
    const bob = await enter(room);

    await say(ada.page, 'ada', 'hello from ada');
    await expect.poll(() => texts(bob.page)).toEqual(['hello from ada']);
    await say(bob.page, 'bob', 'hi ada, bob here');
    await expect.poll(() => texts(ada.page)).toEqual(['hello from ada', 'hi ada, bob here']);
    await expect.poll(() => here(ada.page).textContent()).toBe('here: ada, bob');
    expect(await bob.page.locator('chat-room li .author').allTextContents()).toEqual(['ada', 'bob']);
    // The input is cleared for the next message; the name stays.
    expect(await ada.page.locator('chat-room input[name=text]').inputValue()).toBe('');
    expect(await ada.page.locator('chat-room input[name=name]').inputValue()).toBe('ada');

    expect(ada.problems).toEqual({ console: [], failedRequests: [] });
    expect(bob.problems).toEqual({ console: [], failedRequests: [] });
    await ada.page.context().close();
    await bob.page.context().close();
  });

  it('a signed-in visitor chats under their name without being asked for one; a visitor who is not is asked', async () => {
    const room = newRoom();
    const grace = await openPage(browser);
    await grace.page.goto(`${baseURL}/chat/${room}`);
    await signIn(grace.page, 'Grace Hopper');
    await expect.poll(() => status(grace.page).textContent()).toBe('live');
    expect(await grace.page.locator('chat-room input[name=name]').count()).toBe(0);
    expect(await grace.page.locator('chat-room .as').textContent()).toBe('Writing as Grace Hopper');

    const bob = await enter(room);
    // Grace joined as herself when her socket opened: she is here before she writes.
    await expect.poll(() => here(bob.page).textContent()).toBe('here: Grace Hopper');
    expect(await bob.page.locator('chat-room input[name=name]').isVisible()).toBe(true);

    await grace.page.locator('chat-room input[name=text]').fill('hello, signed in');
    await grace.page.locator('chat-room button').click();
    await expect.poll(() => texts(bob.page)).toEqual(['hello, signed in']);
    expect(await bob.page.locator('chat-room li .author').allTextContents()).toEqual(['Grace Hopper']);
    // Her name came from her session, so it is not marked as a guest's; Bob's is.
    expect(await bob.page.locator('chat-room li .guest').count()).toBe(0);
    await say(bob.page, 'Grace Hopper', 'me too');
    await expect.poll(() => texts(grace.page)).toEqual(['hello, signed in', 'me too']);
    expect(await grace.page.locator('chat-room li:nth-child(2) .guest').textContent()).toBe('guest');

    expect(grace.problems).toEqual({ console: [], failedRequests: [] });
    expect(bob.problems).toEqual({ console: [], failedRequests: [] });
    await grace.page.context().close();
    await bob.page.context().close();
  });

  it('keeps the order of a burst of messages', async () => {
    const room = newRoom();
    const ada = await enter(room);
    const bob = await enter(room);
    const burst = Array.from({ length: 40 }, (_, i) => `burst ${i}`);
    await ada.page.evaluate((texts) => texts.forEach((text) => document.querySelector('chat-room')!.say('ada', text)), burst);
    await expect.poll(() => texts(bob.page)).toEqual(burst);
    await ada.page.context().close();
    await bob.page.context().close();
  });

  it('renders the history on the server: a reload shows it before any script runs, and hydration keeps those nodes', async () => {
    const room = newRoom();
    const { page, problems } = await enter(room);
    await say(page, 'ada', 'first');
    await say(page, 'ada', 'second');
    await expect.poll(() => texts(page)).toEqual(['first', 'second']);

    // Hold every script back, then reload: what shows now came from the server.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/*.js', async (route) => {
      await gate;
      await route.continue();
    });
    await page.reload({ waitUntil: 'commit' });
    await page.locator('chat-room li').nth(1).waitFor({ state: 'attached' });
    expect(await texts(page)).toEqual(['first', 'second']);
    expect(await page.locator('chat-room li .author').allTextContents()).toEqual(['ada', 'ada']);
    expect(await page.evaluate(() => customElements.get('chat-room'))).toBeUndefined();
    await page.evaluate(() => {
      (globalThis as unknown as { serverItems: Element[] }).serverItems = [...document.querySelector('chat-room')!.shadowRoot!.querySelectorAll('li')];
    });

    release();
    await expect.poll(() => status(page).textContent()).toBe('live');
    const same = await page.evaluate(() => {
      const { serverItems } = globalThis as unknown as { serverItems: Element[] };
      const now = [...document.querySelector('chat-room')!.shadowRoot!.querySelectorAll('li')];
      return now.length === serverItems.length && now.every((item, i) => item === serverItems[i]);
    });
    expect(same).toBe(true);
    expect(problems).toEqual({ console: [], failedRequests: [] });
    await page.context().close();
  });

  it('shows the history with JavaScript disabled', async () => {
    const room = newRoom();
    const writer = await enter(room);
    await say(writer.page, 'ada', 'readable without scripts');
    await expect.poll(() => texts(writer.page)).toEqual(['readable without scripts']);
    await writer.page.context().close();

    const { page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseURL}/chat/${room}`);
    expect(await texts(page)).toEqual(['readable without scripts']);
    // What the server rendered: the socket the page would open is still `connecting`.
    expect(await status(page).textContent()).toBe('connecting…');
    await page.context().close();
  });

  it('reconnects after the server drops the connection, and carries on as the same person', async () => {
    const room = newRoom();
    const ada = await enter(room);
    const bob = await enter(room);
    await say(ada.page, 'ada', 'before');
    await expect.poll(() => texts(bob.page)).toEqual(['before']);

    // Past the UI's limits, over the room's 4096-byte limit: the room closes the socket (1009).
    await ada.page.evaluate(() => document.querySelector('chat-room')!.say('ada', 'x'.repeat(5000)));
    await expect.poll(() => status(ada.page).textContent()).not.toBe('live');
    await expect.poll(() => status(ada.page).textContent(), { timeout: 10_000 }).toBe('live');
    await expect.poll(() => here(bob.page).textContent()).toBe('here: ada');

    await ada.page.locator('chat-room input[name=text]').fill('after');
    await ada.page.locator('chat-room button').click();
    await expect.poll(() => texts(bob.page)).toEqual(['before', 'after']);
    expect(await bob.page.locator('chat-room li .author').allTextContents()).toEqual(['ada', 'ada']);
    await ada.page.context().close();
    await bob.page.context().close();
  });

  it('closes the socket when the element leaves the page', async () => {
    const room = newRoom();
    const ada = await enter(room);
    const bob = await enter(room);
    await say(ada.page, 'ada', 'hi');
    await say(bob.page, 'bob', 'hi');
    await expect.poll(() => here(bob.page).textContent()).toBe('here: ada, bob');

    await ada.page.evaluate(() => document.querySelector('chat-room')!.remove());
    await expect.poll(() => here(bob.page).textContent()).toBe('here: bob');
    await ada.page.context().close();
    await bob.page.context().close();
  });

  it('answers a malformed room name with a 400 page', async () => {
    const { page } = await openPage(browser);
    const response = await page.goto(`${baseURL}/chat/Not_A_Room`);
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('heading', { name: '“Not_A_Room” is not a room name' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});
