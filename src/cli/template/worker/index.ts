import { html } from 'lit';
import { createApp, d1SessionStore, session } from 'litflare/worker';
// Every element a page renders is defined in the Worker too.
import '../components/guest-book.js';
import { listEntries } from './guestbook.server.js';

// Sessions live in D1 (migrations/0002_sessions.sql), behind an HttpOnly cookie.
const app = createApp({ session: { store: d1SessionStore('DB') } });

// On the server a server function is a plain call.
app.page('/', async () => {
  // Who signed from this browser, if anyone (sign() remembers it).
  const name = (await session<{ name: string }>()).get('name');
  return {
    title: 'Guestbook',
    body: html`<main>
      <h1>${name === undefined ? 'Guestbook' : `Welcome back, ${name}`}</h1>
      <guest-book .entries=${await listEntries()}></guest-book>
    </main>`,
  };
});

export default app;
