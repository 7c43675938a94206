import { parseFragment, type DefaultTreeAdapterTypes as Tree } from 'parse5';
import { digestForTemplateResult } from '@lit-labs/ssr-client';
import type { TemplateResult } from 'lit';
import {
  activeLitSeam,
  boundAttributeSuffix,
  getTemplateHtml,
  htmlResult,
  marker,
  markerMatch,
  nodeMarker,
  reflectedAttributeName,
  templatePartOpen,
} from './lit-seam.js';
import {
  ATTRIBUTE,
  CHILD,
  ELEMENT_ATTRIBUTES,
  ELEMENT_CLOSE,
  ELEMENT_OPEN,
  ELEMENT_PART,
  ELEMENT_SHADOW,
  NODE_MARKER,
  SLOT_CLOSE,
  SLOT_OPEN,
  SLOTTED_CLOSE,
  SLOTTED_OPEN,
  TEXT,
  type AttributeOp,
  type BindingKind,
  type Op,
} from './ops.js';

/** A template literal, compiled once for every render of it. */
export interface CompiledTemplate {
  /** The `<!--lit-part digest-->` marker that opens each render (hydration checks the digest). */
  readonly open: string;
  readonly ops: readonly Op[];
}

const prefixes: Record<string, BindingKind> = { '.': 'property', '?': 'boolean', '@': 'event' };
// Compiled with the active seam's markers; a test that changes the seam starts afresh.
let cache = { seam: activeLitSeam(), compiled: new WeakMap<TemplateStringsArray, CompiledTemplate>() };

/**
 * The compiled form of a template result's literal: parsed once (with
 * parse5, like `@lit-labs/ssr`), then cached for as long as the literal lives.
 *
 * @example
 * ```ts
 * const { open, ops } = compileTemplate(html`<p>${name}</p>`);
 * ```
 */
export function compileTemplate(result: TemplateResult): CompiledTemplate {
  if (cache.seam !== activeLitSeam()) cache = { seam: activeLitSeam(), compiled: new WeakMap() };
  let template = cache.compiled.get(result.strings);
  if (template === undefined) {
    template = { open: templatePartOpen(digestForTemplateResult(result)), ops: compileOps(result) };
    cache.compiled.set(result.strings, template);
  }
  return template;
}

function compileOps(result: TemplateResult): Op[] {
  const [trusted, attributeNames] = getTemplateHtml(result.strings, htmlResult);
  const source = String(trusted);
  const ops = new OpList(source);
  const hosts = new Set<Tree.Element>();
  let nodeIndex = 0;
  let attributeIndex = 0;
  let values = 0;

  const visitElement = (node: Tree.Element, parent: Tree.ParentNode): void => {
    const slotted = hosts.has(parent as Tree.Element);
    if (slotted) ops.push({ kind: SLOTTED_OPEN, name: attributeValue(node, 'slot') });
    const ctor = node.tagName.includes('-') ? customElements.get(node.tagName) : undefined;
    const bindings = node.attrs.filter((attribute) => isBinding(attribute.name)).length;
    if (ctor !== undefined) {
      hosts.add(node);
      const staticAttributes = node.attrs
        .filter((attribute) => !isBinding(attribute.name))
        .map((attribute) => [attribute.name, attribute.value] as const);
      ops.push({ kind: ELEMENT_OPEN, tagName: node.tagName, ctor, staticAttributes });
    } else if (node.tagName === 'slot') {
      ops.push({ kind: SLOT_OPEN, name: attributeValue(node, 'name') });
    }
    if (bindings > 0 || ctor !== undefined) {
      const location = startTagOf(node, result);
      // Hydration finds the element by this marker (written only when needed).
      ops.textTo(location.startTag.startOffset);
      ops.push({ kind: NODE_MARKER, marker: nodeMarker(nodeIndex), bound: bindings > 0 });
      for (const attribute of node.attrs) {
        const range = location.attrs[attribute.name]!;
        if (attribute.name.endsWith(boundAttributeSuffix)) {
          ops.textTo(range.startOffset);
          const op = attributeOp(attributeNames[attributeIndex++]!, attribute.value, node.tagName, ctor !== undefined);
          values += op.strings.length - 1;
          ops.push(op);
          ops.skipTo(range.endOffset);
        } else if (attribute.name.startsWith(marker)) {
          ops.textTo(range.startOffset);
          values++;
          ops.push({ kind: ELEMENT_PART });
          ops.skipTo(range.endOffset);
        } else if (ctor !== undefined) {
          // The instance renders its attributes (static ones included) itself.
          ops.textTo(range.startOffset);
          ops.skipTo(range.endOffset);
        }
      }
      if (ctor !== undefined) {
        ops.textTo(location.startTag.endOffset - 1);
        ops.push({ kind: ELEMENT_ATTRIBUTES });
        ops.text('>');
        ops.skipTo(location.startTag.endOffset);
        ops.push({ kind: ELEMENT_SHADOW });
      }
    }
    nodeIndex++;
    for (const child of node.childNodes) visit(child, node);
    if (ctor !== undefined) ops.push({ kind: ELEMENT_CLOSE });
    else if (node.tagName === 'slot') ops.push({ kind: SLOT_CLOSE });
    if (slotted) ops.push({ kind: SLOTTED_CLOSE });
  };

  const visit = (node: Tree.ChildNode, parent: Tree.ParentNode): void => {
    if (node.nodeName === '#comment') {
      const comment = node as Tree.CommentNode;
      if (comment.data === markerMatch) {
        const range = comment.sourceCodeLocation!;
        ops.textTo(range.startOffset);
        ops.skipTo(range.endOffset);
        values++;
        ops.push({ kind: CHILD });
      }
      nodeIndex++;
    } else if ('tagName' in node) {
      visitElement(node, parent);
    }
  };

  const fragment = parseFragment(source, { sourceCodeLocationInfo: true });
  for (const child of fragment.childNodes) visit(child, fragment);
  ops.textTo(source.length);
  if (values !== result.values.length) throw bindingCountError(values, result);
  return ops.finished;
}

function isBinding(name: string): boolean {
  return name.endsWith(boundAttributeSuffix) || name.startsWith(marker);
}

function attributeOp(written: string, value: string, tag: string, onElement: boolean): AttributeOp {
  const binding = prefixes[written[0]!] ?? 'attribute';
  const name = binding === 'attribute' ? written : written.slice(1);
  const strings = value.split(marker);
  const tagName = tag.toUpperCase();
  return {
    kind: ATTRIBUTE,
    binding,
    name,
    lowerName: name.toLowerCase(),
    strings,
    single: strings.length === 2 && strings[0] === '' && strings[1] === '',
    tagName,
    reflectedName: binding === 'property' ? reflectedAttributeName(tagName, name) : undefined,
    onElement,
  };
}

function attributeValue(node: Tree.Element, name: string): string | undefined {
  return node.attrs.find((attribute) => attribute.name === name)?.value;
}

interface StartTagLocation {
  startTag: { startOffset: number; endOffset: number };
  attrs: Record<string, { startOffset: number; endOffset: number } | undefined>;
}

function startTagOf(node: Tree.Element, result: TemplateResult): StartTagLocation {
  const location = node.sourceCodeLocation;
  if (location?.startTag === undefined) {
    throw new Error(
      `litflare: <${node.tagName}> is not written in this template (the HTML parser added it), so it cannot ` +
        `be rendered with hydration markers. Write it out explicitly:\n  ${result.strings.join('${…}')}`,
    );
  }
  return { startTag: location.startTag, attrs: location.attrs ?? {} };
}

function bindingCountError(found: number, result: TemplateResult): Error {
  return new Error(
    `litflare: this template has ${result.values.length} expressions, but only ${found} are in places ` +
      `Lit can bind (element content or attribute values; not inside <textarea>, <title>, <style> or ` +
      `<script>, nor in tag names). See https://lit.dev/docs/templates/expressions/#invalid-locations\n  ` +
      result.strings.join('${…}'),
  );
}

/** Ops under construction: copies the template's HTML between dynamic steps, merging adjacent text. */
class OpList {
  readonly #list: Op[] = [];
  readonly #source: string;
  #offset = 0;
  #text = '';

  constructor(source: string) {
    this.#source = source;
  }

  /** Copies the source up to `offset` as static markup. */
  textTo(offset: number): void {
    this.#text += this.#source.slice(this.#offset, offset);
    this.#offset = offset;
  }

  /** Leaves out the source up to `offset` (a marker, or markup an op writes itself). */
  skipTo(offset: number): void {
    this.#offset = offset;
  }

  text(markup: string): void {
    this.#text += markup;
  }

  push(op: Op): void {
    this.#flush();
    this.#list.push(op);
  }

  #flush(): void {
    if (this.#text === '') return;
    this.#list.push({ kind: TEXT, text: this.#text });
    this.#text = '';
  }

  get finished(): Op[] {
    this.#flush();
    return this.#list;
  }
}
