import { noChange, nothing, type MaybeCompiledTemplateResult } from 'lit';
import { isCompiledTemplateResult, isTemplateResult } from 'lit/directive-helpers.js';
import { PartType } from 'lit/directive.js';
import { isHydratable, render as renderWithLit } from '@lit-labs/ssr';
import { isRenderLightDirective } from '@lit-labs/ssr-client/directives/render-light.js';
import { escapeHtml } from '../../shared/escape-html.js';
import { writeAttribute } from './attribute-part.js';
import { compileTemplate } from './compile.js';
import { ElementHost } from './element-host.js';
import { EventPath } from './event-path.js';
import { connectedDisconnectable, eventShim, isDirectiveResult, PART_CLOSE, PART_OPEN, patchDirective, resolveDirective } from './lit-seam.js';
import * as op from './ops.js';
import type { ElementHooks, ShadowRender } from './element-hooks.js';
import {
  HOLD,
  ITEMS,
  LIT,
  SHADOW_END,
  SHADOW_END_FRAME,
  TEMPLATE,
  VALUE,
  type Frame,
  type LitFrame,
  type TemplateFrame,
} from './work-stack.js';

/** How a {@link TemplateRenderer.produce} call ended. */
export type Produced =
  | { readonly text: string; readonly done: boolean; readonly wait?: undefined }
  | { readonly text: string; readonly done: false; readonly wait: Promise<void> };

const OPEN = PART_OPEN;
const CLOSE = PART_CLOSE;
const EMPTY = OPEN + CLOSE;
const END_SHADOW = '</template>';

/**
 * Renders a Lit value (usually an `html` template) to HTML with declarative
 * shadow DOM and the hydration markers Lit's client expects: the same markup
 * as `@lit-labs/ssr`, produced without a closure per step. Each template
 * literal is compiled once; a render walks its ops with an explicit stack, so
 * it can stop whenever enough markup is buffered and resume on the next call.
 *
 * @example
 * ```ts
 * const renderer = new TemplateRenderer(html`<my-app></my-app>`);
 * let html = '';
 * for (let step = renderer.produce(65_536); ; step = renderer.produce(65_536)) {
 *   html += step.text;
 *   if (step.done) break;
 * }
 * ```
 */
export class TemplateRenderer {
  /** Custom elements open at this point, outermost first. */
  readonly elements: ElementHost[] = [];
  /** Elements whose shadow root is open at this point, outermost first. */
  readonly hosts: ElementHost[];
  readonly #hooks: ElementHooks;
  readonly #frames: Frame[] = [];
  readonly #path: EventPath;
  #out = '';

  constructor(value: unknown, hooks: ElementHooks = {}, within?: ShadowRender) {
    this.#hooks = hooks;
    if (within === undefined) {
      this.hosts = [];
      this.#path = new EventPath(eventShim.root());
    } else {
      this.hosts = [within.host];
      this.elements.push(within.host);
      this.#path = new EventPath(within.host.element);
    }
    if (within === undefined && isTemplateResult(value) && !isHydratable(value)) {
      // A server-only template (from `@lit-labs/ssr`'s `html`): Lit renders it.
      this.#frames.push({ kind: LIT, results: renderWithLit(value)[Symbol.iterator]() });
    } else {
      this.#frames.push({ kind: VALUE, value });
    }
  }

  /**
   * Renders until about `limit` characters are ready (or the end) and returns
   * them. `wait` is set when rendering must wait for a promise first.
   */
  produce(limit: number): Produced {
    const frames = this.#frames;
    while (frames.length > 0 && this.#out.length < limit) {
      const frame = frames[frames.length - 1]!;
      switch (frame.kind) {
        case TEMPLATE:
          this.#template(frame);
          break;
        case ITEMS: {
          const step = frame.items.next();
          if (step.done === true) {
            frames.pop();
            this.#out += CLOSE;
          } else {
            this.#child(step.value);
          }
          break;
        }
        case SHADOW_END:
          frames.pop();
          this.#out += END_SHADOW;
          this.hosts.pop();
          break;
        case VALUE:
          frames.pop();
          this.#child(frame.value);
          break;
        case LIT: {
          const wait = this.#lit(frame, limit);
          if (wait !== undefined) return { text: this.take(), done: false, wait };
          break;
        }
        case HOLD:
          if (!frame.waited) {
            frame.waited = true;
            return { text: this.take(), done: false, wait: frame.until };
          }
          frames.pop();
          this.#shadowContent(frame.host);
          break;
      }
    }
    return { text: this.take(), done: frames.length === 0 };
  }

  /** Takes the markup rendered but not yet returned (after {@link produce} threw, what came before the error). */
  take(): string {
    const text = this.#out;
    this.#out = '';
    return text;
  }

  /** Runs a template's ops until one opens a nested frame, or to the end. */
  #template(frame: TemplateFrame): void {
    const { ops, values } = frame;
    const depth = this.#frames.length;
    while (frame.next < ops.length) {
      const step = ops[frame.next++]!;
      switch (step.kind) {
        case op.TEXT:
          this.#out += step.text;
          break;
        case op.CHILD:
          this.#child(values[frame.value++]);
          if (this.#frames.length !== depth) return;
          break;
        case op.ATTRIBUTE:
          this.#out += writeAttribute(step, values, frame.value, step.onElement ? this.elements.at(-1) : undefined);
          frame.value += step.strings.length - 1;
          break;
        case op.ELEMENT_PART:
          frame.value++;
          break;
        case op.NODE_MARKER:
          if (step.bound || this.hosts.length > 0) this.#out += step.marker;
          break;
        case op.ELEMENT_OPEN:
          this.#openElement(step);
          break;
        case op.ELEMENT_ATTRIBUTES:
          this.#out += this.#startTagAttributes(this.elements.at(-1)!);
          break;
        case op.ELEMENT_SHADOW:
          this.#shadow(this.elements.at(-1)!);
          if (this.#frames.length !== depth) return;
          break;
        case op.ELEMENT_CLOSE:
          if (this.elements.pop()!.element !== undefined) this.#path.leave();
          break;
        case op.SLOT_OPEN: {
          const host = this.hosts.at(-1)?.element;
          if (host !== undefined) this.#path.enterSlot(host, step.name);
          break;
        }
        case op.SLOT_CLOSE:
          if (this.hosts.at(-1)?.element !== undefined) this.#path.leave();
          break;
        case op.SLOTTED_OPEN:
          this.#path.enterSlotted(step.name);
          break;
        case op.SLOTTED_CLOSE:
          this.#path.leaveSlotted();
          break;
      }
    }
    this.#frames.pop();
    this.#out += CLOSE;
  }

  #openElement(step: op.ElementOpenOp): void {
    const host = new ElementHost(step.tagName, this.hosts.length === 0);
    if (host.element !== undefined) this.#path.enter(host.element, this.hosts.at(-1)?.element);
    this.#hooks.created?.(host);
    for (const [name, value] of step.staticAttributes) host.setAttribute(name, value);
    this.elements.push(host);
  }

  #startTagAttributes(host: ElementHost): string {
    host.connect();
    let markup = host.attributes();
    if (this.#hooks.attributes !== undefined) markup += this.#hooks.attributes(host);
    // An element inside another's shadow root hydrates when its host does.
    if (this.hosts.length > 0) markup += ' defer-hydration';
    return markup;
  }

  #shadow(host: ElementHost): void {
    if (!host.rendersShadow) return;
    this.hosts.push(host);
    this.#out += host.shadowRootTag() + host.styles();
    this.#frames.push(SHADOW_END_FRAME);
    this.#shadowContent(host);
  }

  /** An in-order page waits for the element's server data (rendering it started it), then renders it again with the data. */
  #shadowContent(host: ElementHost): void {
    const content = host.render();
    const until = this.#hooks.hold?.(host);
    if (until === undefined) this.#child(content);
    else this.#frames.push({ kind: HOLD, until, host, waited: false });
  }

  /** Writes a value in element content, as lit-html's ChildPart would show it. */
  #child(value: unknown): void {
    if (typeof value === 'string') {
      this.#out += OPEN + escapeHtml(value) + CLOSE;
      return;
    }
    if (value === null || value === undefined || value === nothing || value === noChange) {
      this.#out += EMPTY;
      return;
    }
    if (typeof value !== 'object' && typeof value !== 'function') {
      this.#out += OPEN + escapeHtml(String(value)) + CLOSE;
      return;
    }
    if (isTemplateResult(value)) {
      this.#templateResult(value);
      return;
    }
    if (isDirectiveResult(value)) {
      this.#directive(value);
      return;
    }
    if (typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function') {
      this.#out += OPEN;
      this.#frames.push({ kind: ITEMS, items: (value as Iterable<unknown>)[Symbol.iterator]() });
      return;
    }
    this.#out += OPEN + escapeHtml(String(value)) + CLOSE;
  }

  #templateResult(result: MaybeCompiledTemplateResult): void {
    if (isCompiledTemplateResult(result)) {
      throw new Error('litflare: compiled templates (from @lit-labs/compiler) cannot be rendered on the server.');
    }
    if (!isHydratable(result)) {
      throw new Error(
        'litflare: a server-only template (`html` from @lit-labs/ssr) can only be rendered at the top of a page, ' +
          `not inside a template that hydrates. The inner template was:\n  ${result.strings.join('${…}')}`,
      );
    }
    const { open, ops } = compileTemplate(result);
    this.#out += open;
    this.#frames.push({ kind: TEMPLATE, ops, values: result.values, next: 0, value: 0 });
  }

  #directive(value: object): void {
    patchDirective(value);
    if (isRenderLightDirective(value)) {
      // renderLight(): the enclosing element's light DOM, from its renderLight().
      const host = this.elements.at(-1);
      if (host?.element === undefined) this.#out += EMPTY;
      else this.#childOrNothing(host.renderLight());
      return;
    }
    // A stand-in child part: directives only look at its type on the server.
    const part = connectedDisconnectable({ type: PartType.CHILD }) as Parameters<typeof resolveDirective>[0];
    this.#child(resolveDirective(part, value));
  }

  /** A value that writes nothing at all (not even markers) when it is falsy. */
  #childOrNothing(value: unknown): void {
    if (value) this.#child(value);
  }

  /** Steps through a result `@lit-labs/ssr` rendered, waiting out its promises. */
  #lit(frame: LitFrame, limit: number): Promise<void> | undefined {
    while (this.#out.length < limit) {
      const step = frame.results.next();
      if (step.done === true) {
        this.#frames.pop();
        return undefined;
      }
      const value = step.value;
      if (typeof value === 'string') {
        this.#out += value;
        continue;
      }
      return Promise.resolve(value).then((resolved) => {
        if (resolved !== frame.results) this.#frames.push({ kind: LIT, results: (resolved as Iterable<unknown>)[Symbol.iterator]() });
      });
    }
    return undefined;
  }
}
