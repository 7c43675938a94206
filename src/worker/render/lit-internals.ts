// The parts of Lit's private SSR support the renderer uses, in one place: the
// marker strings lit-html puts in template HTML, its directive machinery, and
// LitElement's attribute/property plumbing. `@lit-labs/ssr` uses the same API.
import { _$LH } from 'lit-html/private-ssr-support.js';
import { _$LE } from 'lit-element/private-ssr-support.js';
import type { Directive } from 'lit/directive.js';
import type { Part } from 'lit-html';

export const {
  marker,
  markerMatch,
  boundAttributeSuffix,
  getTemplateHtml,
  patchDirectiveResolve,
  getAttributePartCommittedValue,
  connectedDisconnectable,
  resolveDirective,
  AttributePart,
  PropertyPart,
  BooleanAttributePart,
  EventPart,
} = _$LH;

export const { attributeToProperty, changedProperties } = _$LE;

/** A directive result (`classMap({...})`, `repeat(...)`): an object naming its directive class. */
export interface DirectiveResultLike {
  readonly _$litDirective$: typeof Directive;
  readonly values: unknown[];
}

/** Whether `value` is a directive result. */
export function isDirectiveResult(value: unknown): value is DirectiveResultLike {
  return (value as Partial<DirectiveResultLike> | null | undefined)?._$litDirective$ !== undefined;
}

// The name is how Lit recognises an already-patched directive: `@lit-labs/ssr`
// patches with a function of the same name and the same behaviour.
function ssrResolve(this: Directive, _part: Part, values: unknown[]): unknown {
  return patchDirective((this as Directive & { render(...args: unknown[]): unknown }).render(...values));
}

/**
 * Makes a directive result's class resolve by calling `render()` (never
 * `update()`, which needs a DOM), as Lit does on the server. Returns `value`.
 */
export function patchDirective<T>(value: T): T {
  if (isDirectiveResult(value)) patchDirectiveResolve(value._$litDirective$, ssrResolve);
  return value;
}
