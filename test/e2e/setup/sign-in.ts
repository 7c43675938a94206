import type { Page } from 'playwright-core';

/** Waits until the element `tag` has hydrated. */
export const hydrated = (page: Page, tag: string) =>
  page.waitForFunction((name) => (document.querySelector(name) as { hasUpdated?: boolean } | null)?.hasUpdated === true, tag);

/** Signs in on the current page with the demo's name form; the page reloads as that user. */
export async function signIn(page: Page, name: string): Promise<void> {
  await hydrated(page, 'user-session');
  await page.locator('user-session input').fill(name);
  await Promise.all([page.waitForNavigation(), page.locator('user-session button').click()]);
  await hydrated(page, 'user-session');
}
