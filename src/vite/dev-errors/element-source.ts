/**
 * The line and column (counted from 1) of a custom element's source that an error about
 * the element should point at: its `render()` method, else the line that
 * names the tag (the `@customElement('…')` decorator or the
 * `customElements.define('…')` call); `undefined` when the source never names
 * the tag. A stack cannot say this: a decorator runs after its class body,
 * and a hydration mismatch is found after `render()` has returned.
 *
 * @example
 * ```ts
 * elementLine(source, 'user-card'); // { line: 14, column: 3 }: `override render() {`
 * ```
 */
export function elementLine(source: string, tag: string): { line: number; column: number } | undefined {
  const lines = source.split(/\r?\n/);
  const named = lines.findIndex((line) => [`'${tag}'`, `"${tag}"`, `\`${tag}\``].some((quoted) => line.includes(quoted)));
  if (named === -1) return undefined;
  const render = lines.findIndex((line, index) => index > named && /^\s*(?:(?:public|protected|override)\s+)*render\s*\(/.test(line));
  const index = render === -1 ? named : render;
  return { line: index + 1, column: Math.max(0, (lines[index] ?? '').search(/\S/)) + 1 };
}
