import { html } from 'lit';
import { createApp } from 'litflare/worker';
// Every element a page renders is defined in the Worker too.
import '../components/guest-book.js';
import { listEntries } from './guestbook.server.js';

const app = createApp();

// On the server a server function is a plain call.
app.page('/', async () => ({
  title: 'Guestbook',
  body: html`<main>
    <h1>Guestbook</h1>
    <guest-book .entries=${await listEntries()}></guest-book>
  </main>`,
}));

export default app;
