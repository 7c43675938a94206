import { html } from 'lit';
import type { PageHandler } from 'litflare/worker';

/**
 * Streaming with server data: the shell goes out at once with each card's
 * pending state; the fast and the slow (300 ms) card stream in as their data
 * arrives, and hydrate without asking the server again.
 */
export const streamingPage: PageHandler = (c) => ({
  title: 'Streaming — litflare',
  body: html`
    <h1>Streaming server data</h1>
    <p>
      Both cards load through <code>ServerData</code>. The page did not wait for them: its shell arrived first,
      then each card's content, in the order the data came back.
    </p>
    <edge-info></edge-info>
    <weather-card city=${c.req.query('city') ?? 'Lisbon'}></weather-card>
  `,
});
