import { escapeHtml, unescapeHtml } from '../../shared/escape-html.js';

/** Marks where the page body is rendered in the document shell. */
export const OUTLET = '<!--ssr-outlet-->';
/** Marks where per-page head tags go; defaults to just before `</head>`. */
export const HEAD_OUTLET = '<!--ssr-head-->';

/** A document shell split around its outlets, parsed once per shell. */
export interface Shell {
  /** Everything up to where head tags are inserted. */
  readonly start: string;
  /** The shell's own `<title>` text, used when a page sets none. */
  readonly title: string | undefined;
  /** From the head insertion point up to the body outlet. */
  readonly middle: string;
  /** Everything after the body outlet. */
  readonly end: string;
}

const cache = new Map<string, Shell>();

/**
 * Splits an `index.html` shell at its outlets. The shell's `<title>` is lifted
 * out so a page can replace it.
 *
 * @example
 * ```ts
 * const shell = parseShell('<!doctype html><html><head><title>App</title></head><body><!--ssr-outlet--></body></html>');
 * shell.title; // 'App'
 * ```
 */
export function parseShell(html: string): Shell {
  const cached = cache.get(html);
  if (cached !== undefined) return cached;
  const outlet = html.indexOf(OUTLET);
  if (outlet === -1) {
    throw new Error(`litflare: the document shell (index.html) has no ${OUTLET} where the page should go.`);
  }
  let before = html.slice(0, outlet);
  const end = html.slice(outlet + OUTLET.length);
  let title: string | undefined;
  const titleMatch = /<title>([\s\S]*?)<\/title>/i.exec(before);
  if (titleMatch !== null) {
    title = unescapeHtml(titleMatch[1] ?? '');
    before = before.slice(0, titleMatch.index) + before.slice(titleMatch.index + titleMatch[0].length);
  }
  let split = before.indexOf(HEAD_OUTLET);
  let skip = HEAD_OUTLET.length;
  if (split === -1) {
    split = before.search(/<\/head>/i);
    skip = 0;
  }
  if (split === -1) {
    throw new Error('litflare: the document shell (index.html) has no </head>.');
  }
  const shell: Shell = {
    start: before.slice(0, split),
    title,
    middle: before.slice(split + skip),
    end,
  };
  cache.set(html, shell);
  return shell;
}

/** Renders the `<title>` tag for a page. */
export function titleTag(title: string | undefined): string {
  return title === undefined ? '' : `<title>${escapeHtml(title)}</title>`;
}

