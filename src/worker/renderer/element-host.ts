import type { CSSResultOrNative, LitElement, PropertyValues } from 'lit';
import { LitElementRenderer } from '@lit-labs/ssr';
import { ariaMixinAttributes, HYDRATE_INTERNALS_ATTR_PREFIX } from '@lit-labs/ssr-dom-shim';
import { escapeHtml } from '../../shared/escape-html.js';
import {
  attributeToProperty,
  changedProperties,
  elementInternalsOf,
  isLitElementClass,
  keepFromUpdating,
  reflectProperties,
} from './lit-seam.js';
import type { RenderedElement } from './element-hooks.js';
import { parsedAttribute } from './parsed-attribute.js';
import { ownAttributes } from './shim-attributes.js';

/** What the renderer calls on a LitElement that TypeScript keeps protected. */
export interface ServerElement extends HTMLElement {
  render(): unknown;
  renderLight?(): unknown;
  willUpdate(changed: PropertyValues): void;
}

interface LitElementClass {
  readonly elementStyles?: CSSResultOrNative[];
  readonly shadowRootOptions?: ShadowRootInit;
}

const styleTags = new WeakMap<object, string>();

/**
 * One custom element while the page renders: the instance (for a LitElement),
 * its attributes and properties, and the markup of its start tag and shadow
 * root. Elements that are not LitElements are written with their attributes
 * only, as `@lit-labs/ssr` does.
 *
 * @example
 * ```ts
 * const host = new ElementHost('my-card', false);
 * host.setAttribute('heading', 'Hi');
 * host.connect();
 * html += `<my-card${host.attributes()}>`;
 * ```
 */
export class ElementHost implements RenderedElement {
  readonly tagName: string;
  /** The instance, or `undefined` for a custom element that is not a LitElement. */
  readonly element: HTMLElement | undefined;
  /** Whether no other element's shadow root contains this one (the page template wrote it). */
  readonly pageLevel: boolean;
  /** Properties the template set, when {@link recordProperties} is on. */
  properties: Record<string, unknown> | undefined;
  /** Keep the properties the template sets (see {@link properties}). */
  recordProperties = false;
  #plainAttributes: Map<string, string> | undefined;
  #disabled = false;

  constructor(tagName: string, pageLevel: boolean) {
    this.tagName = tagName;
    this.pageLevel = pageLevel;
    const ctor = customElements.get(tagName);
    if (isLitElementClass(ctor)) {
      this.element = new ctor();
      reflectInternals(this.element);
    } else {
      this.element = undefined;
      this.#plainAttributes = new Map();
    }
  }

  /**
   * Sets an attribute (name in lower case), as the parser would: with the
   * value the browser will read back (see {@link parsedAttribute}), which a
   * LitElement turns into its property.
   */
  setAttribute(name: string, written: string): void {
    const value = parsedAttribute(written);
    const element = this.element;
    if (element === undefined) {
      this.#plainAttributes!.set(name, value);
      return;
    }
    element.setAttribute(name, value);
    attributeToProperty(element as LitElement, name, value);
  }

  /** Sets a property, as a `.name=${value}` binding does. */
  setProperty(name: string, value: unknown): void {
    if (this.element === undefined) return;
    (this.element as unknown as Record<string, unknown>)[name] = value;
    if (this.recordProperties) (this.properties ??= {})[name] = value;
  }

  /**
   * Everything is set: run what LitElement runs before its first render on the
   * server (`willUpdate`, reflecting properties to attributes), unless the
   * element opted out through `LitElementRenderer.renderOptions`.
   */
  connect(): void {
    const element = this.element as (ServerElement & LitElement) | undefined;
    if (element === undefined) return;
    for (const options of LitElementRenderer.renderOptions) {
      const chosen = options(element);
      if (chosen === undefined) continue;
      if (chosen.disableSsr === true) {
        this.#disabled = true;
        return;
      }
      if (chosen.connectedCallback === true) {
        keepFromUpdating(element);
        element.connectedCallback();
      }
      break;
    }
    const changed = changedProperties(element);
    element.willUpdate(changed);
    reflectProperties(element, changed);
  }

  /** The start tag's attributes, each with its leading space. */
  attributes(): string {
    let markup = '';
    if (this.element === undefined) {
      for (const [name, value] of this.#plainAttributes!) markup += attribute(name, value);
    } else {
      for (const [name, value] of ownAttributes(this.element)) markup += attribute(name, value);
    }
    return markup;
  }

  /** Whether the element renders a shadow root. */
  get rendersShadow(): boolean {
    return this.element !== undefined && !this.#disabled;
  }

  /** The `<template shadowrootmode>` tag that opens its declarative shadow root. */
  shadowRootTag(): string {
    return shadowRootTag(this.element);
  }

  /** The element's styles as one `<style>` tag (computed once per class). */
  styles(): string {
    return styleTag(this.element!);
  }

  /** What the element's `render()` returns: the content of its shadow root. */
  render(): unknown {
    return (this.element as ServerElement).render();
  }

  /** What the element's `renderLight()` returns, for the `renderLight()` directive. */
  renderLight(): unknown {
    return (this.element as ServerElement | undefined)?.renderLight?.();
  }
}

/**
 * The `<template shadowrootmode>` tag that opens `element`'s declarative
 * shadow root, with its class's shadow-root options.
 *
 * @example
 * ```ts
 * shadowRootTag(card); // '<template shadowroot="open" shadowrootmode="open">'
 * ```
 */
export function shadowRootTag(element: HTMLElement | undefined): string {
  const ctor = element?.constructor as LitElementClass | undefined;
  const { mode = 'open', delegatesFocus = false } = ctor?.shadowRootOptions ?? { mode: 'open' };
  return `<template shadowroot="${mode}" shadowrootmode="${mode}"${delegatesFocus ? ' shadowrootdelegatesfocus' : ''}>`;
}

/**
 * A LitElement's styles as one `<style>` tag, as Lit writes them into its
 * shadow root (computed once per class).
 *
 * @example
 * ```ts
 * styleTag(card); // '<style>h3 { margin: 0; }</style>'
 * ```
 */
export function styleTag(element: HTMLElement): string {
  const ctor = element.constructor as LitElementClass;
  let tag = styleTags.get(ctor);
  if (tag === undefined) {
    const styles = ctor.elementStyles;
    tag = styles !== undefined && styles.length > 0 ? `<style>${styles.map((style) => (style as { cssText: string }).cssText).join('')}</style>` : '';
    styleTags.set(ctor, tag);
  }
  return tag;
}

function attribute(name: string, value: string): string {
  return value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
}

// Search engines read ARIA from attributes: write what ElementInternals set,
// as Lit does, so the server HTML carries the element's semantics.
function reflectInternals(element: HTMLElement): void {
  const internals = elementInternalsOf(element);
  if (internals === undefined) return;
  for (const [property, attribute] of Object.entries(ariaMixinAttributes)) {
    const value = internals[property];
    if (typeof value === 'string' && value !== '' && !element.hasAttribute(attribute)) {
      element.setAttribute(attribute, value);
      element.setAttribute(`${HYDRATE_INTERNALS_ATTR_PREFIX}${attribute}`, value);
    }
  }
}
