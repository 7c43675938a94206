const replacements: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use in HTML content or a quoted attribute value.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"hi"</b>'); // '&lt;b&gt;&quot;hi&quot;&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: a test is much cheaper than a replace.
  return special.test(text) ? text.replace(specials, replace) : text;
}

const special = /[&<>"']/;
const specials = /[&<>"']/g;
const replace = (char: string): string => replacements[char] ?? char;

/**
 * Undoes {@link escapeHtml} (and the same five entities written by others).
 *
 * @example
 * ```ts
 * unescapeHtml('&lt;b&gt;'); // '<b>'
 * ```
 */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
