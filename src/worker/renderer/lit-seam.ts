// Every use litflare's renderer makes of Lit's private API, in this one
// module. Lit marks `_$LH` "END USERS SHOULD NOT RELY ON THIS OBJECT";
// @lit-labs/ssr relies on it, and litflare relies on the same members to
// write the same markup at lower cost. Each access is named and explained
// here; `createLitSeam` checks that each one exists, `lit-seam-check.ts` that
// they behave, and pages fall back to @lit-labs/ssr's public renderer when they
// do not. Namespace imports, so that a member Lit drops is `undefined` here
// rather than a module that fails to load.
import * as litHtmlPrivate from 'lit-html/private-ssr-support.js';
import * as litElementPrivate from 'lit-element/private-ssr-support.js';
import * as reflectedAttributes from '@lit-labs/ssr/lib/reflected-attributes.js';
import type { EventTargetShimMeta } from '@lit-labs/ssr-dom-shim';
import { ReactiveElement, type LitElement, type PropertyValues } from 'lit';
import { getDirectiveClass, isDirectiveResult as litIsDirectiveResult } from 'lit/directive-helpers.js';
import type { Directive, DirectiveClass, DirectiveResult } from 'lit/directive.js';
import type { Part } from 'lit-html';

type LitHtmlPrivate = typeof litHtmlPrivate._$LH;
type LitElementPrivate = typeof litElementPrivate._$LE;

/** Where a seam reads Lit's private API from: Lit's own modules, or stand-ins in tests. */
export interface LitPrivateSources {
  /** lit-html's `_$LH` (`lit-html/private-ssr-support.js`). */
  readonly litHtml: unknown;
  /** lit-element's `_$LE` (`lit-element/private-ssr-support.js`). */
  readonly litElement: unknown;
  /** `reflectedAttributeName` of `@lit-labs/ssr/lib/reflected-attributes.js`. */
  readonly reflectedAttributeName: unknown;
}

/** Which of Lit's two directive-resolve APIs a seam uses (see {@link LitSeam.patchDirective}). */
export type DirectiveResolveApi = 'patchDirectiveResolve' | 'overrideDirectiveResolve';

/** Lit's private API as the renderer uses it, each member checked to exist. */
export interface LitSeam {
  /** The members that are missing or of another type than expected: the renderer cannot be used unless empty. */
  readonly missing: readonly string[];
  /** The directive-resolve API in use, if Lit has one of them. */
  readonly directiveResolve: DirectiveResolveApi | undefined;
  /** `_$LH.marker`: the attribute-name prefix lit-html writes for a binding on an element (`<div ${ref()}>`). */
  readonly marker: string;
  /** `_$LH.markerMatch`: the comment text lit-html writes where a child binding is (`${value}` in content). */
  readonly markerMatch: string;
  /** `_$LH.boundAttributeSuffix`: the suffix lit-html adds to the name of an attribute with bindings. */
  readonly boundAttributeSuffix: string;
  /** `_$LH.HTML_RESULT`: the result type `html` templates have (what `getTemplateHtml` is asked for). */
  readonly htmlResult: Parameters<LitHtmlPrivate['getTemplateHtml']>[1];
  /** `_$LH.getTemplateHtml`: a template's HTML with the markers in, and its bound attribute names: what the compiler parses. */
  readonly getTemplateHtml: LitHtmlPrivate['getTemplateHtml'];
  /** `_$LH.resolveDirective`: runs a directive result on a part, as lit-html does, down to the value to write. */
  readonly resolveDirective: LitHtmlPrivate['resolveDirective'];
  /** `_$LH.connectedDisconnectable`: a parent for stand-in parts that counts as connected, so directives run. */
  readonly connectedDisconnectable: LitHtmlPrivate['connectedDisconnectable'];
  /** `_$LH.getAttributePartCommittedValue`: the value an attribute part would commit, for bindings that hold directives. */
  readonly getAttributePartCommittedValue: LitHtmlPrivate['getAttributePartCommittedValue'];
  /** `_$LH.AttributePart`, `PropertyPart`, `BooleanAttributePart`: lit-html's parts, for directives in attributes. */
  readonly AttributePart: LitHtmlPrivate['AttributePart'];
  readonly PropertyPart: LitHtmlPrivate['PropertyPart'];
  readonly BooleanAttributePart: LitHtmlPrivate['BooleanAttributePart'];
  /** `_$LE.attributeToProperty`: sets the property an attribute maps to, as `attributeChangedCallback` would. */
  readonly attributeToProperty: LitElementPrivate['attributeToProperty'];
  /** `_$LE.changedProperties`: the properties set before the first update, for `willUpdate` and reflection. */
  readonly changedProperties: (element: LitElement) => PropertyValues;
  /** @lit-labs/ssr's table of properties the platform reflects to an attribute (`.id` → `id`), per tag. */
  readonly reflectedAttributeName: (tagName: string, name: string) => string | undefined;
  /**
   * Makes a directive result resolve by calling `render()` (never `update()`,
   * which needs a DOM), as Lit does on the server, and returns `value`.
   */
  patchDirective<T>(value: T): T;
}

type Kind = 'string' | 'number' | 'function';

/** Reads members of one private object, noting each one that is missing. */
class Members {
  constructor(
    readonly source: unknown,
    readonly name: string,
    readonly missing: string[],
  ) {}

  has(key: string, kind: Kind): boolean {
    return typeof (this.source as Record<string, unknown> | null | undefined)?.[key] === kind;
  }

  /** The member, or (noted as missing) a stand-in that throws if it is ever called. */
  read<T>(key: string, kind: Kind): T {
    if (this.has(key, kind)) return (this.source as Record<string, unknown>)[key] as T;
    const name = `${this.name}.${key}`;
    this.missing.push(name);
    function missing(): never {
      throw new Error(`litflare: Lit's private ${name} is missing, so litflare's renderer cannot run.`);
    }
    return (kind === 'function' ? missing : kind === 'string' ? `(${name} is missing)` : Number.NaN) as T;
  }
}

/**
 * Builds the seam from Lit's private objects, checking that each member the
 * renderer needs is there. A seam with anything {@link LitSeam.missing} must
 * not render: pages then go through @lit-labs/ssr.
 *
 * @example
 * ```ts
 * const seam = createLitSeam({ litHtml: _$LH, litElement: _$LE, reflectedAttributeName });
 * if (seam.missing.length > 0) console.warn(`missing: ${seam.missing.join(', ')}`);
 * ```
 */
export function createLitSeam(sources: LitPrivateSources): LitSeam {
  const missing: string[] = [];
  const lh = new Members(sources.litHtml, '_$LH', missing);
  const le = new Members(sources.litElement, '_$LE', missing);
  const resolve = directiveResolver(lh);
  if (resolve === undefined) missing.push('_$LH.patchDirectiveResolve (or overrideDirectiveResolve and setDirectiveClass)');
  const reflected = sources.reflectedAttributeName;
  if (typeof reflected !== 'function') missing.push('@lit-labs/ssr reflectedAttributeName');
  return {
    missing,
    directiveResolve: resolve?.api,
    marker: lh.read('marker', 'string'),
    markerMatch: lh.read('markerMatch', 'string'),
    boundAttributeSuffix: lh.read('boundAttributeSuffix', 'string'),
    htmlResult: lh.read('HTML_RESULT', 'number'),
    getTemplateHtml: lh.read('getTemplateHtml', 'function'),
    resolveDirective: lh.read('resolveDirective', 'function'),
    connectedDisconnectable: lh.read('connectedDisconnectable', 'function'),
    getAttributePartCommittedValue: lh.read('getAttributePartCommittedValue', 'function'),
    AttributePart: lh.read('AttributePart', 'function'),
    PropertyPart: lh.read('PropertyPart', 'function'),
    BooleanAttributePart: lh.read('BooleanAttributePart', 'function'),
    attributeToProperty: le.read('attributeToProperty', 'function'),
    changedProperties: le.read('changedProperties', 'function'),
    reflectedAttributeName: typeof reflected === 'function' ? (reflected as LitSeam['reflectedAttributeName']) : () => undefined,
    patchDirective: resolve?.patch ?? ((value) => value),
  };
}

type Renderable = Directive & { render(...values: unknown[]): unknown };

/**
 * How to make a directive class resolve with `render()` on the server, with
 * whichever API this Lit has. `patchDirectiveResolve` (what @lit-labs/ssr uses
 * since 2024) replaces `_$resolve` on the class itself, once.
 * `overrideDirectiveResolve` + `setDirectiveClass` (its predecessor, still in
 * Lit) make a subclass and point the result at it: one subclass per class
 * (a WeakMap), and never a subclass of a subclass (a result rendered twice
 * already points at one), so memory stays bounded.
 */
function directiveResolver(lh: Members): { api: DirectiveResolveApi; patch<T>(value: T): T } | undefined {
  if (lh.has('patchDirectiveResolve', 'function')) {
    const patchResolve = lh.read<LitHtmlPrivate['patchDirectiveResolve']>('patchDirectiveResolve', 'function');
    // Lit skips a class whose resolve has this name already: @lit-labs/ssr's does the same under the same name.
    function ssrResolve(this: Directive, _part: Part, values: unknown[]): unknown {
      return patch((this as Renderable).render(...values));
    }
    const patch = <T>(value: T): T => {
      const directiveClass = getDirectiveClass(value);
      if (directiveClass !== undefined) patchResolve(directiveClass as unknown as typeof Directive, ssrResolve);
      return value;
    };
    return { api: 'patchDirectiveResolve', patch };
  }
  if (lh.has('overrideDirectiveResolve', 'function') && lh.has('setDirectiveClass', 'function')) {
    const override = lh.read<LitHtmlPrivate['overrideDirectiveResolve']>('overrideDirectiveResolve', 'function');
    const setDirectiveClass = lh.read<LitHtmlPrivate['setDirectiveClass']>('setDirectiveClass', 'function');
    const subclasses = new WeakMap<DirectiveClass, DirectiveClass>();
    const overridden = new WeakSet<DirectiveClass>();
    const resolveWithRender = (directive: Directive, values: unknown[]): unknown => patch((directive as Renderable).render(...values));
    const patch = <T>(value: T): T => {
      const directiveClass = getDirectiveClass(value);
      if (directiveClass === undefined || overridden.has(directiveClass)) return value;
      let subclass = subclasses.get(directiveClass);
      if (subclass === undefined) {
        subclass = override(directiveClass as unknown as Parameters<typeof override>[0], resolveWithRender) as unknown as DirectiveClass;
        subclasses.set(directiveClass, subclass);
        overridden.add(subclass);
      }
      setDirectiveClass(value as DirectiveResult, subclass);
      return value;
    };
    return { api: 'overrideDirectiveResolve', patch };
  }
  return undefined;
}

/** The seam over the Lit this Worker was built with. */
export const installedLitSeam: LitSeam = createLitSeam({
  litHtml: litHtmlPrivate._$LH,
  litElement: litElementPrivate._$LE,
  reflectedAttributeName: reflectedAttributes.reflectedAttributeName,
});

// The renderer's modules import these names: the members of the active seam
// (the installed one, unless a test chose another with `useLitSeam`). They
// are live bindings, so reading one costs what reading a constant costs.
export let { marker, markerMatch, boundAttributeSuffix, htmlResult, getTemplateHtml, resolveDirective, connectedDisconnectable } = installedLitSeam;
export let { getAttributePartCommittedValue, AttributePart, PropertyPart, BooleanAttributePart } = installedLitSeam;
export let { attributeToProperty, changedProperties, reflectedAttributeName, patchDirective } = installedLitSeam;

let active = installedLitSeam;

function install(seam: LitSeam): void {
  active = seam;
  ({ marker, markerMatch, boundAttributeSuffix, htmlResult, getTemplateHtml, resolveDirective, connectedDisconnectable } = seam);
  ({ getAttributePartCommittedValue, AttributePart, PropertyPart, BooleanAttributePart } = seam);
  ({ attributeToProperty, changedProperties, reflectedAttributeName, patchDirective } = seam);
}

/**
 * `isDirectiveResult` of `lit/directive-helpers.js`, typed with the
 * directive's arguments (`values`), which Lit's public `DirectiveResult`
 * type hides: with an empty type, a value that is not one would narrow to
 * `null | undefined`.
 */
export const isDirectiveResult = litIsDirectiveResult as (value: unknown) => value is DirectiveResult & { readonly values: unknown[] };

/** The seam pages render with: the installed one, unless a test chose another. */
export function activeLitSeam(): LitSeam {
  return active;
}

/**
 * Test hook: renders with `seam` until the returned function is called (one
 * isolate per test file, so it never reaches another file's tests). The part
 * classes an attribute binding uses stay the installed ones (attribute-part.ts
 * reads them once).
 *
 * @example
 * ```ts
 * const restore = useLitSeam(createLitSeam({ ...sources, litHtml: { ..._$LH, getTemplateHtml: undefined } }));
 * ```
 */
export function useLitSeam(seam: LitSeam): () => void {
  const previous = active;
  install(seam);
  return () => install(previous);
}

/** `ctor._$litElement$`: how Lit (and @lit-labs/ssr) tells a LitElement class, across copies of Lit. */
export function isLitElementClass(ctor: unknown): ctor is typeof LitElement {
  return typeof ctor === 'function' && (ctor as { _$litElement$?: unknown })._$litElement$ === true;
}

/** `element.__internals`: the ElementInternals Lit's DOM shim keeps from `attachInternals()`, whose ARIA values go into attributes. */
export function elementInternalsOf(element: HTMLElement): Record<string, unknown> | undefined {
  return (element as HTMLElement & { __internals?: Record<string, unknown> | null }).__internals ?? undefined;
}

/** Overrides `enableUpdating` (ReactiveElement's, protected) with a no-op, so a `connectedCallback` run on the server schedules no update, as @lit-labs/ssr does. */
export function keepFromUpdating(element: LitElement): void {
  (element as unknown as { enableUpdating(): void }).enableUpdating = () => {};
}

/** `ReactiveElement.prototype.update` (protected): reflects properties to attributes without rendering, as @lit-labs/ssr does. */
export function reflectProperties(element: LitElement, changed: PropertyValues): void {
  (ReactiveElement.prototype as unknown as { update(this: LitElement, changed: PropertyValues): void }).update.call(element, changed);
}

/**
 * What @lit-labs/ssr 4.1.0 writes for the probe (with lit 3.3.3), kept here
 * so that the start-up check (`lit-seam-check.ts`) need not render it with @lit-labs/ssr; a test
 * (`test/worker/lit-seam.test.ts`) keeps it equal to what the installed
 * @lit-labs/ssr writes, and any other markup is checked against a real render.
 */
export const LIT_SSR_PROBE =
  "<!--lit-part 1pCSTFBkp9A=--><!--lit-node 0--><p class=\" on \" title=\"a b c\" ><!--lit-part-->x<!--/lit-part--><!--lit-part--><!--lit-part-->i<!--/lit-part--><!--lit-part-->1<!--/lit-part--><!--/lit-part--><!--lit-part 0qRVfP1bhws=--><i><!--lit-part--><!--/lit-part--></i><!--/lit-part--></p\n    ><!--lit-node 4--><input value=\"v\" /><!--lit-node 5--><litflare-seam-probe   role=\"note\" hydrate-internals-role=\"note\" label=\"l\" count=\"2\"><template shadowroot=\"open\" shadowrootmode=\"open\"><style>\n    b {\n      color: teal;\n    }\n  </style><!--lit-part p44nIvQKGKU=--><!--lit-node 0--><b title=\"l\"><!--lit-part-->l<!--/lit-part--> (<!--lit-part-->label count<!--/lit-part-->)</b><!--/lit-part--></template></litflare-seam-probe><!--/lit-part-->";

// The comments @lit-labs/ssr-client's hydration reads: a child part opens with
// `<!--lit-part-->` (with the template's digest when it holds a template) and
// closes with `<!--/lit-part-->`; an element with bindings follows `<!--lit-node n-->`.
export const PART_OPEN = '<!--lit-part-->';
export const PART_CLOSE = '<!--/lit-part-->';
export const templatePartOpen = (digest: string): string => `<!--lit-part ${digest}-->`;
export const nodeMarker = (index: number): string => `<!--lit-node ${index}-->`;

/** An event target of Lit's DOM shim, with the fields its `composedPath()` reads. */
export type ShimTarget = EventTarget & EventTargetShimMeta & { __shadowRoot?: EventTarget | null };

declare global {
  // Defined by Lit's DOM shim: the document stand-in every server-side event path ends at.
  var litServerRoot: EventTarget | undefined;
}

/**
 * The fields of Lit's DOM shim that make server-side events travel as in the
 * browser (`__eventTargetParent`: where an event goes next; `__host`: the
 * shadow host; `__slots`: a host's slots by name; `__shadowRoot`), and its
 * root (`globalThis.litServerRoot`).
 */
export const eventShim = {
  root: (): EventTarget | undefined => globalThis.litServerRoot,
  setParent(target: ShimTarget, parent: EventTarget | undefined): void {
    target.__eventTargetParent = parent;
  },
  setHost(target: ShimTarget, host: EventTarget | undefined): void {
    target.__host = host;
  },
  slots(host: ShimTarget): NonNullable<EventTargetShimMeta['__slots']> {
    return (host.__slots ??= new Map());
  },
  slot(host: ShimTarget | undefined, name: string | undefined): EventTarget | undefined {
    return host?.__slots?.get(name);
  },
  shadowRoot: (host: ShimTarget): EventTarget | undefined => host.__shadowRoot ?? undefined,
};
