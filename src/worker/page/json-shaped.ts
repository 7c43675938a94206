import { isTemplateResult } from 'lit/directive-helpers.js';

/**
 * Whether `JSON.parse(JSON.stringify(value))` gives back what devalue's
 * `parse(stringify(value))` would: plain objects (with `Object.prototype`,
 * no `__proto__` key), dense arrays, strings, booleans, null,
 * and finite numbers other than -0, each object met once (no shared
 * references, no cycles). No Lit value passes (a template result is a plain
 * object, but Lit tells it). Most hydration data is this shape,
 * and the browser reads it with `JSON.parse`, which is smaller and cheaper
 * than devalue's format; anything else goes through devalue. (Symbol keys
 * are not looked for: JSON leaves them out, and devalue cannot carry them
 * either; looking for them was 40 % of the check.)
 *
 * @example
 * ```ts
 * jsonShaped({ rows: [1, 'two', null] }); // true
 * jsonShaped({ when: new Date(0) }); // false: devalue keeps the Date
 * ```
 */
export function jsonShaped(value: unknown): boolean {
  return shaped(value, new Set());
}

function shaped(value: unknown, seen: Set<object>): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && (value !== 0 || 1 / value > 0);
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      // A hole reads as undefined, which JSON cannot carry either.
      if (!shaped(value[i], seen)) return false;
    }
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype || isTemplateResult(value)) return false;
  const object = value as Record<string, unknown>;
  for (const key in object) {
    if (key === '__proto__' || !shaped(object[key], seen)) return false;
  }
  return true;
}
