/**
 * Instant navigations without a client router, for `createApp({ navigation })`:
 * a Speculation Rules script that prefetches same-origin links when the
 * visitor is about to follow them, and cross-document View Transitions.
 * Both are markup in each page's `<head>` (with the response's CSP nonce):
 * no JavaScript is added, and browsers without them navigate as usual.
 *
 * @example
 * ```ts
 * createApp({ navigation: { prefetch: 'moderate', viewTransitions: true, exclude: ['/cart/*'] } });
 * ```
 */
export interface NavigationOptions {
  /**
   * When a same-origin link is prefetched: `'eager'` as soon as it is seen
   * (in Chromium: on the slightest hover), `'moderate'` on hovering it for
   * 200 ms or pressing it, `'conservative'` on pressing it; `false`: never.
   * Never prefetched: the sign-out paths (`/sign-out`, `/logout`), form
   * actions (`?lf-action=`), server function URLs, links marked
   * `rel=nofollow` or `data-no-prefetch`, downloads, and `exclude`.
   * @default 'moderate'
   */
  prefetch?: 'eager' | 'moderate' | 'conservative' | false;
  /** Animate navigations between pages with a cross-document View Transition (`@view-transition { navigation: auto }`). @default true */
  viewTransitions?: boolean;
  /** More paths never to prefetch, as URL patterns (`/cart/*`, `/admin/*`): for links that change state or are costly to render. */
  exclude?: readonly string[];
}

/** Paths that end a session or change state on a GET, in the habits of many apps: never prefetched. */
const STATE_CHANGING = ['/sign-out', '/sign-out/*', '/signout', '/logout', '/logout/*', '/log-out', '/_lf/*'];

/** Links never prefetched, whatever their path. */
const UNSAFE_LINKS = '[rel~=nofollow], [data-no-prefetch], [download], [href*="lf-action"]';

/**
 * The `<head>` markup for `options`, with `nonce` on its inline script and
 * style; empty when both are off.
 *
 * @example
 * ```ts
 * navigationHead({ prefetch: 'conservative' }, 'r4nd0m'); // '<script type="speculationrules" nonce="r4nd0m">…'
 * ```
 */
export function navigationHead(options: NavigationOptions | undefined, nonce: string | undefined): string {
  if (options === undefined) return '';
  const attribute = nonce === undefined ? '' : ` nonce="${nonce}"`;
  let head = '';
  const rules = speculationRules(options);
  if (rules !== undefined) head += `<script type="speculationrules"${attribute}>${rules}</script>`;
  if (options.viewTransitions !== false) head += `<style${attribute}>@view-transition{navigation:auto}</style>`;
  return head;
}

/**
 * The Speculation Rules JSON for `options`, escaped for a `<script>`, or
 * `undefined` when prefetching is off.
 *
 * @example
 * ```ts
 * JSON.parse(speculationRules({ prefetch: 'eager' })!).prefetch[0].eagerness; // 'eager'
 * ```
 */
export function speculationRules(options: NavigationOptions): string | undefined {
  const eagerness = options.prefetch ?? 'moderate';
  if (eagerness === false) return undefined;
  const excluded = [...STATE_CHANGING, ...(options.exclude ?? [])];
  const rules = {
    prefetch: [
      {
        where: {
          and: [
            { href_matches: '/*' },
            ...excluded.map((pattern) => ({ not: { href_matches: pattern } })),
            { not: { selector_matches: UNSAFE_LINKS } },
          ],
        },
        eagerness,
      },
    ],
  };
  // `<` never appears raw inside the script: no `</script>` or `<!--` from an exclusion.
  return JSON.stringify(rules).replace(/</g, '\\u003c');
}
