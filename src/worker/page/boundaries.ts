import { BOUNDARY_HOLDER } from '../../shared/boundary.js';
import type { Settled } from '../../shared/server-data/settled.js';
import type { PageRenderer } from '../renderer/page-renderer.js';
import type { RenderedElement } from '../renderer/element-hooks.js';
import { redirectLocation } from '../errors/redirect.js';
import { toWireError } from '../errors/wire-error.js';
import type { Renderable } from './chunk-writer.js';
import type { HydrationData } from './hydration-data.js';
import { swapScript } from './swap-script.js';

/** An element whose server data is still loading: streamed again once all of it settles. */
interface Boundary {
  readonly id: number;
  readonly host: RenderedElement;
  readonly calls: Promise<Settled>[];
}

/** Options of {@link Boundaries}. */
export interface BoundaryOptions {
  /** Milliseconds a call may take before its element renders the error state. */
  timeout: number;
  /** Error details for failed calls (development). */
  dev: boolean;
  /** The response's CSP nonce, for the swap scripts. */
  nonce?: string;
  /**
   * Render each element with its data in place (the page waits there for it),
   * with no swap script: for clients that run no script (crawlers, forms posted
   * without JavaScript).
   */
  inOrder?: boolean;
}

/**
 * The server data of one page render. Elements with a `ServerData` controller
 * are known from their constructor; a call they start is deduplicated by key,
 * its element becomes a boundary, and {@link stream} yields each boundary's
 * markup as soon as all its calls settle: in resolution order, nested
 * boundaries included, each with its hydration data and the swap script.
 * A call that ends in `redirect()` ends the page with that redirect: the
 * stream (or an element rendering after it) throws it, and the page's
 * late-error marker turns it into a meta refresh.
 *
 * @example
 * ```ts
 * const boundaries = new Boundaries(data, { timeout: 10_000, dev: false });
 * const renderer = pageRenderer(elementMarks(data, boundaries));
 * parts.push(renderer.render(page), boundaries.stream(renderer), shell.end);
 * ```
 */
export class Boundaries {
  readonly #data: HydrationData;
  #renderer: PageRenderer | undefined;
  readonly #options: BoundaryOptions;
  // Plain maps: they live as long as one page render, and (unlike WeakMaps)
  // cost the garbage collector nothing extra per element.
  readonly #hosts = new Map<object, number>();
  readonly #instances = new Map<object, RenderedElement>();
  readonly #boundaries = new Map<object, Boundary>();
  readonly #settled = new Map<string, Settled>();
  readonly #inflight = new Map<string, Promise<Settled>>();
  readonly #ready: Boundary[] = [];
  #waiting = 0;
  #wake: (() => void) | undefined;
  #nextId = 0;
  #swapDefined = false;
  /** In-order pages: elements waiting for their data where they stand. */
  #holding = 0;
  /** The first `redirect()` a call of this page threw: the page goes there. */
  #redirect: unknown = undefined;

  constructor(data: HydrationData, options: BoundaryOptions) {
    this.#data = data;
    this.#options = options;
  }


  /** Whether server data is still loading (the page will stream more after what rendered so far). */
  get loading(): boolean {
    return this.#waiting > 0 || this.#ready.length > 0 || this.#redirect !== undefined || this.#holding > 0;
  }

  /** An element with a `ServerData` controller was constructed. */
  attach(host: object): void {
    if (!this.#hosts.has(host)) this.#hosts.set(host, this.#nextId++);
  }

  /** Keeps an element that loads server data (to render it again once its data is in). */
  register(host: RenderedElement): void {
    const element = host.element;
    if (element !== undefined && this.#hosts.has(element)) this.#instances.set(element, host);
  }

  /** The boundary id of an element that loads server data. */
  boundaryOf(host: RenderedElement): number | undefined {
    // In order, nothing is swapped later: no element is marked.
    return host.element === undefined || this.#options.inOrder === true ? undefined : this.#hosts.get(host.element);
  }

  /**
   * In-order pages: what to wait for before rendering `host`'s shadow root
   * again, with its data (its render just started its calls), or `undefined`.
   */
  hold(host: RenderedElement): Promise<void> | undefined {
    if (this.#options.inOrder !== true || host.element === undefined) return undefined;
    const boundary = this.#boundaries.get(host.element);
    if (boundary === undefined) return undefined;
    this.#boundaries.delete(host.element);
    this.#holding++;
    return Promise.all(boundary.calls).then(() => {
      this.#holding--;
    });
  }

  /** See `ServerDataBackend.settled`. */
  settled(host: object, key: string, call: () => Promise<unknown>, timeout: number | undefined): Settled | undefined {
    if (this.#redirect !== undefined) throw this.#redirect;
    const known = this.#settled.get(key);
    if (known !== undefined) return known;
    const instance = this.#instances.get(host);
    const id = this.#hosts.get(host);
    if (instance === undefined || id === undefined) return undefined;
    let pending = this.#inflight.get(key);
    if (pending === undefined) {
      pending = this.#start(key, call, timeout ?? this.#options.timeout);
      this.#inflight.set(key, pending);
    }
    let boundary = this.#boundaries.get(host);
    if (boundary === undefined) {
      boundary = { id, host: instance, calls: [] };
      this.#boundaries.set(host, boundary);
      boundary.calls.push(pending);
      // In order, the renderer holds the element where it stands (see hold()).
      if (this.#options.inOrder === true) return undefined;
      this.#waiting++;
      // The element's other calls start during this same render, before the queue moves on.
      queueMicrotask(() => this.#whenSettled(boundary!));
      return undefined;
    }
    boundary.calls.push(pending);
    return undefined;
  }

  /**
   * The boundaries' markup, each as soon as it is ready: rendered with its
   * settled data (by the page's `renderer`), its hydration data, and the
   * script that moves it into place.
   */
  stream(renderer: PageRenderer): Iterable<Renderable> {
    this.#renderer = renderer;
    return {
      [Symbol.iterator]: () => ({
        next: (): IteratorResult<Renderable> => {
          if (!this.loading) return { done: true, value: undefined };
          return { done: false, value: this.#next() };
        },
      }),
    };
  }

  async #next(): Promise<Renderable[]> {
    while (this.#ready.length === 0 && this.#redirect === undefined) await new Promise<void>((resolve) => (this.#wake = resolve));
    if (this.#redirect !== undefined) throw this.#redirect;
    const boundary = this.#ready.shift()!;
    const { host } = boundary;
    const swap = (): string => {
      const defined = this.#swapDefined;
      this.#swapDefined = true;
      return this.#data.script() + swapScript(boundary.id, !defined, this.#options.nonce);
    };
    return [
      `<${BOUNDARY_HOLDER} id="${BOUNDARY_HOLDER}-${boundary.id}" hidden>${host.shadowRootTag()}${host.styles()}`,
      this.#renderer!.renderShadow(host),
      `</template></${BOUNDARY_HOLDER}>`,
      { [Symbol.iterator]: () => [swap()][Symbol.iterator]() },
    ];
  }

  #whenSettled(boundary: Boundary): void {
    void Promise.all(boundary.calls).then(() => {
      this.#waiting--;
      this.#ready.push(boundary);
      this.#wakeUp();
    });
  }

  #wakeUp(): void {
    this.#wake?.();
    this.#wake = undefined;
  }

  #start(key: string, call: () => Promise<unknown>, timeout: number): Promise<Settled> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<Settled>((resolve) => {
      timer = setTimeout(
        () => resolve({ error: { status: 504, message: `The data did not arrive within ${timeout} ms.` } }),
        timeout,
      );
    });
    const settled = Promise.resolve()
      .then(call)
      .then(
        (value): Settled => ({ value }),
        (error: unknown): Settled => {
          if (redirectLocation(error) === undefined) return { error: toWireError(error, this.#options.dev) };
          this.#redirect ??= error;
          this.#wakeUp();
          // Never rendered nor sent: the page ends with the redirect.
          return { error: { status: 500, message: 'redirected' } };
        },
      );
    return Promise.race([settled, timedOut]).then((result) => {
      clearTimeout(timer);
      this.#settled.set(key, result);
      if (this.#redirect === undefined) this.#data.addData(key, result);
      return result;
    });
  }
}
