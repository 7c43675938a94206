import { html } from 'lit';
import type { Page } from '../page/render-page.js';
import { deliberateError, errorStatus } from './error-status.js';

/**
 * The page shown for an unknown path, unless the app sets its own `notFoundPage`.
 *
 * @example
 * ```ts
 * createApp({ notFoundPage: (c) => ({ ...defaultNotFoundPage(c.req.path), title: 'Lost?' }) });
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
 * The page shown when a request fails before its response started, unless
 * the app sets its own `errorPage`. A `ServerError` (or `HTTPException`)
 * shows its message and has its status; any other error is a 500 that shows
 * its message and stack in development, and a generic message in production.
 *
 * @example
 * ```ts
 * createApp({ errorPage: (error, dev, status) => ({ ...defaultErrorPage(error, dev, status), title: 'Oops' }) });
 * ```
 */
export function defaultErrorPage(error: unknown, dev: boolean, status: number = errorStatus(error)): Page {
  const deliberate = deliberateError(error);
  const detail = dev && deliberate === undefined && error instanceof Error ? error.stack ?? `${error.name}: ${error.message}` : undefined;
  return {
    status,
    title: deliberate?.message ?? 'Something went wrong',
    body: html`<main style="font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:4rem auto;padding:0 1rem">
      ${deliberate === undefined
        ? html`<h1>Something went wrong</h1>
            <p>The page could not be rendered. Please try again later.</p>`
        : html`<h1>${deliberate.message}</h1>
            <p>Error ${status}.</p>`}
      ${detail === undefined
        ? ''
        : html`<pre style="white-space:pre-wrap;background:#fff0f0;color:#6d0014;padding:1rem;border-radius:8px">${detail}</pre>`}
    </main>`,
  };
}
