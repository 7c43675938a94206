import { ReactiveElement, type CSSResultOrNative, type LitElement, type PropertyValues } from 'lit';
import { LitElementRenderer } from '@lit-labs/ssr';
import { ariaMixinAttributes, HYDRATE_INTERNALS_ATTR_PREFIX } from '@lit-labs/ssr-dom-shim';
import { escapeHtml } from '../../shared/escape-html.js';
import { attributeToProperty, changedProperties } from './lit-internals.js';
import { parsedAttribute } from './parsed-attribute.js';

/** What the renderer calls on a LitElement that TypeScript keeps protected. */
interface ServerElement extends HTMLElement {
  render(): unknown;
  renderLight?(): unknown;
  willUpdate(changed: PropertyValues): void;
  __internals?: Record<string, unknown> | null;
}

interface LitElementClass {
  readonly _$litElement$?: boolean;
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
export class ElementHost {
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
    const ctor = customElements.get(tagName) as (CustomElementConstructor & LitElementClass) | undefined;
    if (ctor?._$litElement$ === true) {
      this.element = new ctor();
      reflectInternals(this.element as ServerElement);
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
        (element as unknown as { enableUpdating(): void }).enableUpdating = () => {};
        element.connectedCallback();
      }
      break;
    }
    const changed = changedProperties(element) as PropertyValues;
    element.willUpdate(changed);
    (ReactiveElement.prototype as unknown as { update(this: ReactiveElement, changed: PropertyValues): void }).update.call(
      element,
      changed,
    );
  }

  /** The start tag's attributes, each with its leading space. */
  attributes(): string {
    let markup = '';
    if (this.element === undefined) {
      for (const [name, value] of this.#plainAttributes!) markup += attribute(name, value);
    } else {
      for (const { name, value } of this.element.attributes) markup += attribute(name, value);
    }
    return markup;
  }

  /** Whether the element renders a shadow root. */
  get rendersShadow(): boolean {
    return this.element !== undefined && !this.#disabled;
  }

  /** The `<template shadowrootmode>` tag that opens its declarative shadow root. */
  shadowRootTag(): string {
    const ctor = this.element?.constructor as LitElementClass | undefined;
    const { mode = 'open', delegatesFocus = false } = ctor?.shadowRootOptions ?? { mode: 'open' };
    return `<template shadowroot="${mode}" shadowrootmode="${mode}"${delegatesFocus ? ' shadowrootdelegatesfocus' : ''}>`;
  }

  /** The element's styles as one `<style>` tag (computed once per class). */
  styles(): string {
    const ctor = this.element!.constructor as unknown as LitElementClass;
    let tag = styleTags.get(ctor);
    if (tag === undefined) {
      const styles = ctor.elementStyles;
      tag = styles !== undefined && styles.length > 0 ? `<style>${styles.map((style) => (style as { cssText: string }).cssText).join('')}</style>` : '';
      styleTags.set(ctor, tag);
    }
    return tag;
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

function attribute(name: string, value: string): string {
  return value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
}

// Search engines read ARIA from attributes: write what ElementInternals set,
// as Lit does, so the server HTML carries the element's semantics.
function reflectInternals(element: ServerElement): void {
  const internals = element.__internals;
  if (internals === undefined || internals === null) return;
  for (const [property, attribute] of Object.entries(ariaMixinAttributes)) {
    const value = internals[property];
    if (typeof value === 'string' && value !== '' && !element.hasAttribute(attribute)) {
      element.setAttribute(attribute, value);
      element.setAttribute(`${HYDRATE_INTERNALS_ATTR_PREFIX}${attribute}`, value);
    }
  }
}
