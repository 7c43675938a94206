import { createHash } from 'node:crypto';

/**
 * A prerendered page as Cloudflare serves it without the Worker: no nonce
 * (none is made per response), so the Worker's CSP becomes a hash-based one.
 * The page loses its `nonce="…"` attributes; in the policy, each directive's
 * `'nonce-…'` gives way to the SHA-256 of every inline `<script>` (for
 * `script-src`) or `<style>` (for `style-src`), and `'strict-dynamic'` to
 * `'self'`: the app's module script is a file of its own origin, which no
 * hash of an inline script could allow.
 *
 * @example
 * ```ts
 * const { html, csp } = staticCsp(rendered, response.headers.get('content-security-policy'));
 * ```
 */
export function staticCsp(html: string, policy: string | null): { html: string; csp: string | undefined } {
  const nonce = policy === null ? undefined : /'nonce-([^']+)'/.exec(policy)?.[1];
  const page = nonce === undefined ? html : html.replaceAll(` nonce="${nonce}"`, '');
  if (policy === null) return { html: page, csp: undefined };
  const hashes = { script: inlineHashes(page, 'script'), style: inlineHashes(page, 'style') };
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean)
    .map((directive) => {
      const [name = '', ...sources] = directive.split(/\s+/);
      if (nonce === undefined || !sources.includes(`'nonce-${nonce}'`)) return directive;
      const kind = name.startsWith('script-src') ? 'script' : name.startsWith('style-src') ? 'style' : undefined;
      const kept = sources.filter((source) => source !== `'nonce-${nonce}'`).map((source) => (source === "'strict-dynamic'" ? "'self'" : source));
      const all = [...new Set([...kept, ...(kind === undefined ? [] : hashes[kind])])];
      return [name, ...(all.length === 0 ? ["'none'"] : all)].join(' ');
    });
  return { html: page, csp: directives.join('; ') };
}

/** `'sha256-…'` of each inline element's text (a script with `src` has none), once each. */
function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const pattern = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi');
  const hashes = new Set<string>();
  for (const [, attributes = '', text = ''] of html.matchAll(pattern)) {
    if (tag === 'script' && /\ssrc\s*=/i.test(attributes)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}
