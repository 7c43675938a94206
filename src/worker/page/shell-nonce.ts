import type { Shell } from './shell.js';

/** A script, style or link start tag, up to its closing `>` (quoted values may hold one). */
const TAG = /<(?:script|style|link)(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*/gi;

/** Each shell part cut where nonces go, computed once per shell. */
const cuts = new WeakMap<Shell, { start: string[]; middle: string[]; end: string[] }>();

/**
 * The shell with `nonce="…"` added to its `<script>`, `<style>` and `<link>` tags
 * (the app's module script and Vite's `modulepreload` links among them), so
 * a Content-Security-Policy that allows scripts by nonce lets them run. The
 * nonce is made for each response; the shell is cut once.
 *
 * @example
 * ```ts
 * withNonce(parseShell('<head><script type="module" src="/main.js"></script></head><!--ssr-outlet-->'), 'abc').start;
 * // '<head><script type="module" src="/main.js" nonce="abc"></script>'
 * ```
 */
export function withNonce(shell: Shell, nonce: string | undefined): Shell {
  if (nonce === undefined) return shell;
  let cut = cuts.get(shell);
  if (cut === undefined) {
    cut = { start: cutAtTags(shell.start), middle: cutAtTags(shell.middle), end: cutAtTags(shell.end) };
    cuts.set(shell, cut);
  }
  const attribute = ` nonce="${nonce}"`;
  return { ...shell, start: cut.start.join(attribute), middle: cut.middle.join(attribute), end: cut.end.join(attribute) };
}

function cutAtTags(html: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const match of html.matchAll(TAG)) {
    // After the last attribute, before a self-closing slash.
    const at = match.index + match[0].replace(/[\s/]+$/, '').length;
    parts.push(html.slice(from, at));
    from = at;
  }
  parts.push(html.slice(from));
  return parts;
}
