import { defineIslands } from 'litflare';

/**
 * Elements whose code does not come with the client entry. Each loads only on
 * pages that contain it: at `load`, when the browser is `idle`, when it
 * scrolls into view (`visible`), or never (`none`: server-only HTML). Shared
 * by the Worker (`createApp({ islands })`) and the client entry (`hydrateIslands`).
 */
export const islands = defineIslands({
  'todo-list': 'load',
  'live-feed': 'visible',
  'weather-card': 'load',
  'edge-info': 'idle',
  'kv-counter': 'load',
  'file-shelf': 'load',
  'job-queue': 'load',
  'chat-room': 'load',
  'review-list': 'visible',
  'site-footer': 'none',
  'site-tour': 'none',
  // Interactive only in development (its "Run now" button); a production build
  // sends no code for it, only its HTML.
  'cron-runs': import.meta.env.DEV ? 'load' : 'none',
});
