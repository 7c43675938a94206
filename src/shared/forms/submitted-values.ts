/**
 * The text a form sent, shaped as its input is (names with dots nest, a
 * repeated name or one ending in `[]` gives an array), to show again in its
 * fields. Files are left out: a page never echoes a file. The same on both
 * sides: the Worker (a form posted without JavaScript) and the browser (an
 * enhanced submission).
 *
 * @example
 * ```ts
 * submittedValues(new FormData(form)); // { title: 'Milk', tags: ['a', 'b'], address: { city: 'Porto' } }
 * ```
 */
export function submittedValues(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [rawName, value] of entries) {
    if (typeof value !== 'string') continue;
    const list = rawName.endsWith('[]');
    const keys = (list ? rawName.slice(0, -2) : rawName).split('.');
    if (keys.some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype')) continue;
    let target = values;
    for (const key of keys.slice(0, -1)) {
      const next = Object.hasOwn(target, key) ? target[key] : undefined;
      if (typeof next === 'object' && next !== null && !Array.isArray(next)) target = next as Record<string, unknown>;
      else target = target[key] = {};
    }
    const last = keys.at(-1)!;
    const known = Object.hasOwn(target, last) ? target[last] : undefined;
    if (Array.isArray(known)) known.push(value);
    else if (typeof known === 'string') target[last] = [known, value];
    else target[last] = list ? [value] : value;
  }
  return values;
}
