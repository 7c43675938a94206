import { noChange, nothing } from 'lit';
import { escapeHtml } from '../../shared/escape-html.js';
import type { ElementHost } from './element-host.js';
import {
  AttributePart,
  BooleanAttributePart,
  connectedDisconnectable,
  getAttributePartCommittedValue,
  isDirectiveResult,
  patchDirective,
  PropertyPart,
} from './lit-seam.js';
import type { AttributeOp } from './ops.js';

/**
 * Writes one attribute binding, reading its values from `values` at `index`:
 * returns its markup for an ordinary element, or sets it on the custom
 * element `host` (which writes its attributes itself). The value is the one
 * lit-html would commit on first render: `nothing` removes the attribute,
 * `?name` toggles it, `.name` sets a property (written only if the platform
 * reflects it, e.g. `.id`), and directives (`classMap`, `ifDefined`, …) are
 * resolved through Lit's own parts.
 *
 * @example
 * ```ts
 * html += writeAttribute(op, result.values, 0, undefined); // 'class="card"'
 * ```
 */
export function writeAttribute(op: AttributeOp, values: readonly unknown[], index: number, host: ElementHost | undefined): string {
  if (op.binding === 'event') return '';
  const value = committedValue(op, values, index);
  if (value === noChange) return '';
  if (op.binding === 'property') {
    const property = value === nothing ? undefined : value;
    host?.setProperty(op.name, property);
    if (op.reflectedName === undefined) return '';
    return `${op.reflectedName}="${escapeHtml(typeof property === 'string' ? property : String(property))}"`;
  }
  if (op.binding === 'boolean') {
    if (!value || value === nothing) return '';
    if (host === undefined) return op.name;
    host.setAttribute(op.lowerName, '');
    return '';
  }
  if (value === nothing) return '';
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  if (host === undefined) return `${op.name}="${escapeHtml(text)}"`;
  host.setAttribute(op.lowerName, text);
  return '';
}

/** The value the binding commits (`noChange` when it commits nothing). */
function committedValue(op: AttributeOp, values: readonly unknown[], index: number): unknown {
  const strings = op.strings;
  if (op.single) {
    const value = values[index];
    if (isDirectiveResult(value)) return throughLit(op, values, index);
    // A single `nothing` leaves the attribute unset: nothing to commit.
    return value === nothing ? noChange : value;
  }
  let text: string | typeof nothing = strings[0]!;
  for (let i = 0; i < strings.length - 1; i++) {
    const value = values[index + i];
    if (isDirectiveResult(value)) return throughLit(op, values, index);
    if (value === nothing) text = nothing;
    else if (text !== nothing) text += ((value === noChange ? '' : value) ?? '') + strings[i + 1]!;
  }
  return text;
}

const partClasses = { attribute: AttributePart, property: PropertyPart, boolean: BooleanAttributePart } as const;

/** Resolves a binding that holds directives with a real lit-html part, as `@lit-labs/ssr` does. */
function throughLit(op: AttributeOp, values: readonly unknown[], index: number): unknown {
  const Part = partClasses[op.binding as keyof typeof partClasses];
  const element = { tagName: op.tagName } as HTMLElement;
  const part = new Part(element, op.name, op.strings, connectedDisconnectable(), {});
  for (let i = 0; i < op.strings.length - 1; i++) patchDirective(values[index + i]);
  return getAttributePartCommittedValue(part, op.single ? values[index] : values, index);
}
