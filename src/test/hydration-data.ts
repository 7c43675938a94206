import { parse as parseHtml, type DefaultTreeAdapterTypes as Tree } from 'parse5';
import { DATA_SCRIPT_TYPE, decodeHydrationPayload, PROPS_ATTRIBUTE } from '../shared/hydration.js';
import { serverDataKey } from '../shared/server-data/key.js';
import type { Settled } from '../shared/server-data/settled.js';
import { ServerError } from '../shared/server-error.js';
import type { ServerFunction } from './rpc-call.js';

/**
 * The properties a page template set on one page-level element, which the
 * page carries for the browser (the element hydrates with them).
 *
 * @example
 * ```ts
 * const [book]: PageElementProps[] = (await page('/')).hydrationData.elements;
 * expect(book).toMatchObject({ tag: 'guest-book', props: { entries: [] } });
 * ```
 */
export interface PageElementProps {
  /** The element's tag name. */
  tag: string;
  /** The properties, as the browser will read them (devalue: Dates stay Dates). */
  props: Record<string, unknown>;
}

/**
 * How a `ServerData` call the page made while it rendered settled, as the
 * page carries it: the browser hydrates with it instead of calling again.
 *
 * @example
 * ```ts
 * const settled: ServerDataResult<Entry[]> | undefined = (await page('/')).hydrationData.serverData(listEntries);
 * ```
 */
export type ServerDataResult<T> = { value: T } | { error: ServerError };

/**
 * A page's hydration data, decoded: what the browser hydrates with.
 *
 * @example
 * ```ts
 * const { hydrationData } = await page('/guestbook');
 * expect(hydrationData.elements.map((e) => e.tag)).toEqual(['guest-book']);
 * expect(hydrationData.serverData(listEntries)).toEqual({ value: [] });
 * ```
 */
export interface HydrationData {
  /** Page-level elements the page template set properties on, in the order they render. */
  readonly elements: readonly PageElementProps[];
  /** The result the page carries for `ServerData` over `fn` with `args`, or `undefined` if the page did not make that call. */
  serverData<Fn extends ServerFunction>(fn: Fn, ...args: Parameters<Fn>): ServerDataResult<Awaited<ReturnType<Fn>>> | undefined;
}

/**
 * Decodes the hydration data scripts of a page's HTML (every one: a page
 * that streams data carries one per flush).
 *
 * @example
 * ```ts
 * const data = readHydrationData(await response.text());
 * ```
 */
export function readHydrationData(html: string): HydrationData {
  const props: Record<string, unknown>[] = [];
  const data = new Map<string, Settled>();
  const tags: string[] = [];
  walk(parseHtml(html), (element, inShadow) => {
    // As the browser finds them: marked elements of the document, not of shadow roots.
    if (!inShadow && attribute(element, PROPS_ATTRIBUTE) !== undefined) tags.push(element.tagName);
    if (element.tagName === 'script' && attribute(element, 'type') === DATA_SCRIPT_TYPE) {
      const text = element.childNodes.map((node) => ('value' in node && node.nodeName === '#text' ? node.value : '')).join('');
      const payload = decodeHydrationPayload(text);
      props.push(...(payload.props ?? []));
      for (const [key, settled] of Object.entries(payload.data ?? {})) data.set(key, settled);
    }
  }, false);
  const elements = props.map((value, i) => ({ tag: tags[i] ?? '', props: value }));
  return {
    elements,
    serverData<Fn extends ServerFunction>(fn: Fn, ...args: Parameters<Fn>) {
      const settled = data.get(serverDataKey(fn, args));
      if (settled === undefined) return undefined;
      if ('value' in settled) return { value: settled.value as Awaited<ReturnType<Fn>> };
      return { error: new ServerError(settled.error.status, settled.error.message, settled.error.data) };
    },
  };
}

function attribute(element: Tree.Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

/** Every element of the tree, declarative shadow roots (template contents) included, in document order. */
function walk(node: Tree.ParentNode, visit: (element: Tree.Element, inShadow: boolean) => void, inShadow: boolean): void {
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    visit(child, inShadow);
    if (child.tagName === 'template') walk((child as Tree.Template).content, visit, true);
    else walk(child, visit, inShadow);
  }
}
