/**
 * Something that renders itself in pieces: asked for about `limit`
 * characters, it returns what it rendered, whether it is done, and a promise
 * to wait for when it cannot go on yet. litflare's `TemplateRenderer` is one.
 */
export interface Producer {
  produce(limit: number): { readonly text: string; readonly done: boolean; readonly wait?: Promise<void> | undefined };
  /** After `produce` threw: the markup it rendered before the error. */
  take(): string;
}

/** A piece of page output: markup, a producer, any nested iterable of these, or one known later. */
export type Renderable = string | Producer | Iterable<Renderable> | Promise<Renderable>;

/** Why {@link ChunkWriter.fill} stopped. */
export type FillStop =
  | { readonly kind: 'full' }
  | { readonly kind: 'wait'; readonly until: Promise<unknown> }
  | { readonly kind: 'done' };

type Frame = Iterator<Renderable> | Producer;

/**
 * Walks renderables depth-first and buffers the strings they yield, so that a
 * stream can enqueue a few large chunks instead of one per string (each
 * enqueue costs real CPU in workerd). It stops when the buffer passes its
 * limit, when rendering has to wait for a promise, or when everything has
 * been written.
 */
export class ChunkWriter {
  readonly #stack: Frame[] = [];
  #buffer = '';

  constructor(parts: readonly Renderable[]) {
    this.#stack.push(toFrame(parts));
  }

  /** Renders until `limit` characters are buffered, a promise blocks, or the end. */
  fill(limit: number): FillStop {
    const stack = this.#stack;
    let frame = stack.at(-1);
    while (frame !== undefined) {
      if (isProducer(frame)) {
        let step: ReturnType<Producer['produce']>;
        try {
          step = frame.produce(limit - this.#buffer.length);
        } catch (error) {
          // Keep what rendered before the error: the page ends after it.
          this.#buffer += frame.take();
          throw error;
        }
        this.#buffer += step.text;
        if (step.wait !== undefined) return { kind: 'wait', until: step.wait };
        if (!step.done) return FULL;
        stack.pop();
        frame = stack.at(-1);
        continue;
      }
      const step = frame.next();
      if (step.done === true) {
        stack.pop();
        frame = stack.at(-1);
        continue;
      }
      const value = step.value;
      if (typeof value === 'string') {
        this.#buffer += value;
        if (this.#buffer.length >= limit) return FULL;
        continue;
      }
      if (isPromise(value)) {
        return { kind: 'wait', until: this.#settle(value) };
      }
      frame = toFrame(value);
      stack.push(frame);
    }
    return DONE;
  }

  /** Takes what has been buffered so far, leaving the buffer empty. */
  take(): string {
    const out = this.#buffer;
    this.#buffer = '';
    return out;
  }

  /** Whether anything is buffered. */
  get pending(): boolean {
    return this.#buffer.length > 0;
  }

  #settle(promise: PromiseLike<unknown>): Promise<void> {
    return Promise.resolve(promise).then((resolved) => {
      if (typeof resolved === 'string') {
        this.#buffer += resolved;
        return;
      }
      // Lit's RenderResultIterator resolves to itself once it has pushed the
      // awaited result onto its own stack; iterating it again continues there.
      if (resolved !== this.#stack.at(-1)) {
        this.#stack.push(toFrame(resolved as Iterable<Renderable> | Producer));
      }
    });
  }
}

const FULL: FillStop = { kind: 'full' };
const DONE: FillStop = { kind: 'done' };

function toFrame(value: Iterable<Renderable> | Producer): Frame {
  return isProducer(value) ? value : value[Symbol.iterator]();
}

function isProducer(value: object): value is Producer {
  return typeof (value as Partial<Producer>).produce === 'function';
}

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown>).then === 'function';
}
