// Lit's DOM shim keeps each element's attributes in a module-level WeakMap,
// and its `attributes` getter copies them into a new array of new objects on
// every read. A page reads every custom element's attributes once, to write
// its start tag: the WeakMap entry (made even for an element without
// attributes) and the copies were 8–9 % of a page's CPU in workerd. Here the
// shim's five attribute methods keep them in a Map on the element itself
// instead, which the renderer reads directly (`ownAttributes`). The methods
// behave as the shim's do (`toggleAttribute` and everything else go through
// them); `lit-seam-check.ts` checks at start-up that they are the ones in use.
import { Element as ShimElement } from '@lit-labs/ssr-dom-shim';

const ATTRIBUTES = Symbol('litflare.attributes');

interface WithAttributes {
  [ATTRIBUTES]?: Map<string, string>;
}

const none: ReadonlyMap<string, string> = new Map();

/**
 * The attributes of an element of Lit's DOM shim, by name, in the order they
 * were set: the shim's own record, read without a copy (or, if the shim
 * changed so that its methods could not be replaced, a copy of its
 * `attributes`). Do not change it.
 *
 * @example
 * ```ts
 * for (const [name, value] of ownAttributes(element)) markup += ` ${name}="${escapeHtml(value)}"`;
 * ```
 */
export function ownAttributes(element: HTMLElement): ReadonlyMap<string, string> {
  if (!installed) return new Map(Array.from(element.attributes, ({ name, value }) => [name, value]));
  return (element as unknown as WithAttributes)[ATTRIBUTES] ?? none;
}

const methods = {
  setAttribute(this: WithAttributes, name: string, value: unknown): void {
    // As the shim: every value is cast to a string (`42` → "42").
    (this[ATTRIBUTES] ??= new Map()).set(name, String(value));
  },
  removeAttribute(this: WithAttributes, name: string): void {
    this[ATTRIBUTES]?.delete(name);
  },
  hasAttribute(this: WithAttributes, name: string): boolean {
    return this[ATTRIBUTES]?.has(name) ?? false;
  },
  getAttribute(this: WithAttributes, name: string): string | null {
    return this[ATTRIBUTES]?.get(name) ?? null;
  },
};

function attributesGetter(this: WithAttributes): { name: string; value: string }[] {
  return Array.from(this[ATTRIBUTES] ?? none, ([name, value]) => ({ name, value }));
}

/** Replaces the shim's attribute methods; false (nothing replaced) if the shim is not as expected. */
function installOwnAttributes(): boolean {
  const prototype = (ShimElement as unknown as { prototype: object } | undefined)?.prototype;
  if (prototype === undefined) return false;
  if (Object.getOwnPropertyDescriptor(prototype, 'setAttribute')?.value === methods.setAttribute) return true;
  for (const name of ['setAttribute', 'removeAttribute', 'hasAttribute', 'getAttribute', 'attributes'] as const) {
    if (Object.getOwnPropertyDescriptor(prototype, name) === undefined) return false;
  }
  for (const [name, method] of Object.entries(methods)) {
    Object.defineProperty(prototype, name, { value: method, writable: true, configurable: true, enumerable: false });
  }
  Object.defineProperty(prototype, 'attributes', { get: attributesGetter, configurable: true, enumerable: false });
  return true;
}

const installed = installOwnAttributes();
