import { HTMLSlotElement } from '@lit-labs/ssr-dom-shim';
import { eventShim, type ShimTarget as Target } from './lit-seam.js';

/**
 * The tree Lit's DOM shim needs to compute `composedPath()` while rendering:
 * events an element dispatches on the server (e.g. `@lit/context` requests)
 * travel through the elements, shadow roots and slots that contain it, as in
 * the browser. Kept as stacks while the renderer walks the page.
 *
 * @example
 * ```ts
 * const path = new EventPath(eventShim.root());
 * path.enter(element, hostElement, slotName);
 * ```
 */
export class EventPath {
  readonly #targets: Target[];
  readonly #slotNames: (string | undefined)[] = [];

  constructor(root: EventTarget | undefined) {
    this.#targets = root === undefined ? [] : [root];
  }

  /** An element starts: link it to its parent target, inside `host`'s shadow root if given. */
  enter(element: Target, host: EventTarget | undefined): void {
    const parent = this.#targets.at(-1) as Target | undefined;
    eventShim.setHost(element, host);
    const slot = eventShim.slot(parent, this.#slotNames.at(-1));
    if (slot !== undefined) eventShim.setParent(element, slot);
    // Directly inside `host`'s shadow root. Lit's shim leads from there to the
    // document when the host has no shadow root object (elements get one on
    // the server only if connected); the browser leads to the host.
    else if (host === parent && parent !== undefined) eventShim.setParent(element, eventShim.shadowRoot(parent) ?? parent);
    else eventShim.setParent(element, parent);
    this.#targets.push(element);
  }

  /** The element that {@link enter} linked last ends. */
  leave(): void {
    this.#targets.pop();
  }

  /** A `<slot>` in `host`'s shadow root starts. */
  enterSlot(host: Target, name: string | undefined): void {
    const slot = new HTMLSlotElement() as HTMLSlotElement & Target;
    slot.name = name ?? '';
    const slots = eventShim.slots(host);
    this.enter(slot, host);
    if (!slots.has(name)) slots.set(name, slot);
  }

  /** A child of a custom element starts; it belongs to the slot named `name`. */
  enterSlotted(name: string | undefined): void {
    this.#slotNames.push(name);
  }

  leaveSlotted(): void {
    this.#slotNames.pop();
  }
}
