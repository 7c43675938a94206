import type { Context } from 'hono';
import type { RenderPage } from '../cache/page-cache.js';
import { scopeOf } from '../context/scope.js';
import type { AppEnv } from '../env.js';

/**
 * A page as `vite build` prerenders it: rendered in full within the request,
 * then refused (a 500 saying why, which fails the build) when it read the
 * visitor, set a cookie, or did not render to the end, since the file it
 * becomes is served to everyone.
 *
 * @example
 * ```ts
 * if (isPrerendering(c)) return prerenderedPage(c, render);
 * ```
 */
export async function prerenderedPage(c: Context<AppEnv>, render: RenderPage): Promise<Response> {
  const page = await render('whole');
  const html = await page.response.text();
  const because = scopeOf(c)?.personalBecause;
  if (because !== undefined) {
    return c.text(
      `litflare: ${c.req.path} cannot be prerendered: it ${because === 'setCookie()' ? 'sets a cookie' : `read ${because}`}, ` +
        'so it is not the same for every visitor. Leave the visitor to a component that asks in the browser, or drop prerender.',
      500,
    );
  }
  if (!page.complete()) return c.text(`litflare: ${c.req.path} cannot be prerendered: it did not render completely.\n\n${html.slice(-2000)}`, 500);
  const headers = new Headers(page.response.headers);
  if (headers.get('content-encoding') === 'identity') headers.delete('content-encoding');
  return new Response(html, { status: page.response.status, headers });
}
