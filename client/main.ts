// litflare/client first: it installs Lit's hydrate support before any element is defined.
import 'litflare/client';
import { hydrateIslands } from 'litflare/client';
import '../components/index.js';
import { islands } from '../components/islands.js';

// Islands load later (site-footer, server-only, has no loader: it never loads).
// `?islands=eager` loads them with the page instead, to compare.
hydrateIslands(
  islands,
  { 'review-list': () => import('../components/review-list.js') },
  { eager: new URLSearchParams(location.search).get('islands') === 'eager' },
);
