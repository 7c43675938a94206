import { html } from 'lit';
import type { Page } from '../ssr/page.js';

/**
 * The page shown for an unknown path, unless the app sets its own `notFound`.
 *
 * @example
 * ```ts
 * createApp({ notFound: (c) => ({ ...defaultNotFoundPage(c.req.path), title: 'Lost?' }) });
 * ```
 */
export function defaultNotFoundPage(path: string): Page {
  return {
    status: 404,
    title: 'Page not found',
    body: html`<main style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
      <h1>Page not found</h1>
      <p>Nothing lives at <code>${path}</code>.</p>
      <p><a href="/">Go to the home page</a></p>
    </main>`,
  };
}

/**
 * The page shown when a page throws before its first byte, unless the app sets
 * its own `errorPage`. In development it shows the message and stack; in
 * production a generic message only.
 *
 * @example
 * ```ts
 * createApp({ errorPage: (error, dev) => ({ ...defaultErrorPage(error, dev), title: 'Oops' }) });
 * ```
 */
export function defaultErrorPage(error: unknown, dev: boolean): Page {
  const detail = dev && error instanceof Error ? error.stack ?? `${error.name}: ${error.message}` : undefined;
  return {
    status: 500,
    title: 'Something went wrong',
    body: html`<main style="font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:4rem auto;padding:0 1rem">
      <h1>Something went wrong</h1>
      <p>The page could not be rendered. Please try again later.</p>
      ${detail === undefined
        ? ''
        : html`<pre style="white-space:pre-wrap;background:#fff0f0;color:#6d0014;padding:1rem;border-radius:8px">${detail}</pre>`}
    </main>`,
  };
}
