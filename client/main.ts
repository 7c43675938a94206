// litflare/client first: it installs Lit's hydrate support before any element is defined.
import 'litflare/client';
import { hydrateIslands } from 'litflare/client';
import '../components/index.js';
import { islands } from '../components/islands.js';
import './global.css';

// Page-specific elements load when a page has them, and when their moment comes.
// site-footer is server-only: it has no loader, its code never reaches the browser.
// `?islands=eager` loads them all with the page instead, to compare.
hydrateIslands(
  islands,
  {
    'todo-list': () => import('../components/todo-list.js'),
    'live-feed': () => import('../components/live-feed.js'),
    'weather-card': () => import('../components/weather-card.js'),
    'edge-info': () => import('../components/edge-info.js'),
    'kv-counter': () => import('../components/kv-counter.js'),
    'file-shelf': () => import('../components/file-shelf.js'),
    'job-queue': () => import('../components/job-queue.js'),
    'chat-room': () => import('../components/chat-room.js'),
    'review-list': () => import('../components/review-list.js'),
    'cron-runs': () => import('../components/cron-runs.js'),
  },
  { eager: new URLSearchParams(location.search).get('islands') === 'eager' },
);
