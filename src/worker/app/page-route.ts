import type { Context } from 'hono';
import { isTemplateResult } from 'lit/directive-helpers.js';
import type { AppEnv } from '../env.js';
import type { Page } from '../page/render-page.js';

/**
 * What a page handler may return: a body template, a full {@link Page}, or a `Response`.
 *
 * @example
 * ```ts
 * const about = (): PageOutput => ({ title: 'About', body: html`<h1>About</h1>` });
 * app.page('/about', about);
 * ```
 */
export type PageOutput = Page | Response | unknown;

/**
 * A page route handler: gets Hono's context (params, query, bindings) and
 * returns what to render. `app.page()` types the params from its path, as
 * Hono's routes do.
 *
 * @example
 * ```ts
 * const userPage: PageHandler<'/users/:id'> = (c) => html`<user-card user-id=${c.req.param('id')}></user-card>`;
 * ```
 */
export type PageHandler<Path extends string = string> = (c: Context<AppEnv, Path>) => PageOutput | Promise<PageOutput>;

/** Treats a plain object with a `body` as a {@link Page}, anything else as the page body. */
export function toPage(output: unknown): Page {
  if (typeof output === 'object' && output !== null && 'body' in output && !isTemplateResult(output)) {
    return output as Page;
  }
  return { body: output };
}

/**
 * Wraps a page's body in shared markup (navigation, header, footer). Set one
 * for every page with `createApp({ layout })`, or per page with
 * `app.page(path, handler, { layout })` (`false` for none).
 *
 * @example
 * ```ts
 * const layout: Layout = async (body, c) => html`<app-layout user=${await userName(c)}>${body}</app-layout>`;
 * ```
 */
export type Layout = (body: unknown, c: Context<AppEnv>) => unknown;
