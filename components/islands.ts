import { defineIslands } from 'litflare';

/**
 * Elements whose code does not load with the page: the review list hydrates
 * when it scrolls into view; the site footer is server-only HTML and never
 * loads any JavaScript. Shared by the Worker (`createApp({ islands })`) and the
 * client entry (`hydrateIslands`).
 */
export const islands = defineIslands({
  'review-list': 'visible',
  'site-footer': 'none',
});
