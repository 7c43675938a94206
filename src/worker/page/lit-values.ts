import { noChange, nothing } from 'lit';
import { getDirectiveClass, isDirectiveResult, isTemplateResult } from 'lit/directive-helpers.js';

/**
 * Thrown while serializing hydration data that holds a Lit value. Some are
 * plain objects that devalue would write without complaint (a template is
 * `{ _$litType$, strings, values }`), but the browser's Lit refuses the copy
 * it gets back, and hydration breaks half-way.
 */
export class LitValueError extends Error {
  constructor(readonly kind: string) {
    super(`it holds ${kind}, which Lit in the browser cannot take from hydration data`);
  }
}

/**
 * devalue reducers that refuse Lit values anywhere in the value (devalue calls
 * them once for each value it visits, so the check adds no walk of its own).
 *
 * @example
 * ```ts
 * stringify(payload, refuseLitValues); // throws a LitValueError for html`…` inside
 * ```
 */
export const refuseLitValues = {
  LitValue(value: unknown): false {
    // Most values are strings and numbers: one test, and on.
    const type = typeof value;
    if (type !== 'object' && type !== 'symbol') return false;
    const kind = litValueKind(value);
    if (kind !== undefined) throw new LitValueError(kind);
    return false;
  },
};

function litValueKind(value: unknown): string | undefined {
  if (value === nothing) return 'Lit’s `nothing`';
  if (value === noChange) return 'Lit’s `noChange`';
  if (typeof value !== 'object' || value === null) return undefined;
  if (isTemplateResult(value)) return 'a Lit template (html`…`)';
  if (isDirectiveResult(value)) {
    const name = getDirectiveClass(value)?.name;
    return `a Lit directive${name ? ` (${name})` : ''}`;
  }
  if ((value as { _$cssResult$?: unknown })._$cssResult$ === true) return 'Lit styles (css`…`)';
  return undefined;
}
