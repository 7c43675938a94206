import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.js';

/**
 * One Chromium for the test file, and the built app's address: call at the
 * top of an e2e test file.
 */
export function useBuiltApp(): { baseURL: string; browser: () => Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    baseURL: inject('baseURL'),
    browser: () => {
      if (browser === undefined) throw new Error('Chromium is not running yet');
      return browser;
    },
  };
}
