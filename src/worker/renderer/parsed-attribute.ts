/**
 * The value the browser reads back from an attribute the server writes as
 * `name="${escapeHtml(value)}"` in a UTF-8 page. The HTML parser turns CR LF
 * and a lone CR into LF (it does so to all input) and U+0000 into U+FFFD (in
 * attribute values), and UTF-8 cannot carry a lone surrogate, which the
 * encoder writes as U+FFFD. Nothing else in a quoted value changes: other
 * control characters, noncharacters and `\f` pass as they are (`&` and `"`
 * are escaped). An element on the server must see this value, not the one the
 * template passed, or what it derives from it (the key of its server data, its
 * text) differs from what the same element derives in the browser.
 *
 * @example
 * ```ts
 * parsedAttribute('Os\0lo'); // 'Os\uFFFDlo'
 * parsedAttribute('a\r\nb'); // 'a\nb'
 * ```
 */
export function parsedAttribute(value: string): string {
  // Most values have none of them: a test is much cheaper than a replace.
  return changed.test(value) ? value.replace(changes, replace) : value;
}

const changed = /[\r\0\uD800-\uDFFF]/;
const changes = /\r\n?|\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const replace = (match: string): string => (match[0] === '\r' ? '\n' : '\uFFFD');
