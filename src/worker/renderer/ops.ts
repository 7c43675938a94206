/**
 * The steps of a compiled template: static markup in as few pieces as
 * possible, with the dynamic work in between. One list per template literal,
 * shared by every render of it. The steps are those `@lit-labs/ssr` takes, so
 * the markup (and the hydration markers in it) is the same.
 */
export type Op =
  | TextOp
  | ChildOp
  | AttributeOp
  | ElementPartOp
  | NodeMarkerOp
  | ElementOpenOp
  | ElementAttributesOp
  | ElementShadowOp
  | ElementCloseOp
  | SlotOpenOp
  | SlotCloseOp
  | SlottedOpenOp
  | SlottedCloseOp;

/** Op kinds: small integers, so the renderer's switch stays a jump table. */
export const TEXT = 0;
export const CHILD = 1;
export const ATTRIBUTE = 2;
export const ELEMENT_PART = 3;
export const NODE_MARKER = 4;
export const ELEMENT_OPEN = 5;
export const ELEMENT_ATTRIBUTES = 6;
export const ELEMENT_SHADOW = 7;
export const ELEMENT_CLOSE = 8;
export const SLOT_OPEN = 9;
export const SLOT_CLOSE = 10;
export const SLOTTED_OPEN = 11;
export const SLOTTED_CLOSE = 12;

/** How an attribute binding is written: `name=`, `.name=`, `?name=` or `@name=`. */
export type BindingKind = 'attribute' | 'property' | 'boolean' | 'event';

/** Static markup. */
export interface TextOp {
  readonly kind: typeof TEXT;
  readonly text: string;
}

/** A `${value}` in element content. */
export interface ChildOp {
  readonly kind: typeof CHILD;
}

/** A binding in an attribute position; consumes `strings.length - 1` values. */
export interface AttributeOp {
  readonly kind: typeof ATTRIBUTE;
  readonly binding: BindingKind;
  /** The name as written (case kept), without its prefix. */
  readonly name: string;
  /** The name a custom element receives it under (lower case). */
  readonly lowerName: string;
  /** The static pieces around the values: `['', '']` for a single value. */
  readonly strings: readonly string[];
  /** Whether the whole attribute is one value (`name=${v}`). */
  readonly single: boolean;
  /** Upper-case tag name, as Lit's parts report it. */
  readonly tagName: string;
  /** The attribute a property binding is reflected to on this tag, if any. */
  readonly reflectedName: string | undefined;
  /** Whether the element is a custom element the renderer instantiates. */
  readonly onElement: boolean;
}

/** A `<div ${directive()}>` binding: renders nothing on the server. */
export interface ElementPartOp {
  readonly kind: typeof ELEMENT_PART;
}

/** The `<!--lit-node n-->` marker hydration needs before an element with bindings (or a nested custom element). */
export interface NodeMarkerOp {
  readonly kind: typeof NODE_MARKER;
  readonly marker: string;
  /** The element has bindings: the marker is always written. */
  readonly bound: boolean;
}

/** A defined custom element starts: create its instance. */
export interface ElementOpenOp {
  readonly kind: typeof ELEMENT_OPEN;
  readonly tagName: string;
  readonly ctor: CustomElementConstructor;
  /** Attributes written literally in the template (lower case names, decoded values). */
  readonly staticAttributes: readonly (readonly [string, string])[];
}

/** The custom element's attributes are known: connect it and write them. */
export interface ElementAttributesOp {
  readonly kind: typeof ELEMENT_ATTRIBUTES;
}

/** Write the custom element's shadow root. */
export interface ElementShadowOp {
  readonly kind: typeof ELEMENT_SHADOW;
}

/** The custom element ends. */
export interface ElementCloseOp {
  readonly kind: typeof ELEMENT_CLOSE;
}

/** A `<slot>` in a shadow root starts (for server-side event paths). */
export interface SlotOpenOp {
  readonly kind: typeof SLOT_OPEN;
  readonly name: string | undefined;
}

/** A `<slot>` ends. */
export interface SlotCloseOp {
  readonly kind: typeof SLOT_CLOSE;
}

/** A child of a custom element starts: it goes to the slot named `name`. */
export interface SlottedOpenOp {
  readonly kind: typeof SLOTTED_OPEN;
  readonly name: string | undefined;
}

/** A child of a custom element ends. */
export interface SlottedCloseOp {
  readonly kind: typeof SLOTTED_CLOSE;
}
