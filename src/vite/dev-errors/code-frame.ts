/**
 * A few lines of source around a position, numbered, with a caret under the
 * column: the code frame Vite's error overlay shows.
 *
 * @example
 * ```ts
 * codeFrame(source, 12, 11);
 * // '10 |    override render() {\n11 |      if (this.explode) {\n12 |        throw new Error(…);\n   |            ^\n13 |      }'
 * ```
 */
export function codeFrame(source: string, line: number, column: number, around = 2): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, line - around);
  const last = Math.min(lines.length, line + around);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    const gutter = String(number).padStart(width);
    out.push(`${gutter} |  ${lines[number - 1] ?? ''}`.trimEnd());
    if (number === line) out.push(`${' '.repeat(width)} |  ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}
