import type { ElementHost } from './element-host.js';

/**
 * What a page adds to the renderer: called for every custom element it writes.
 *
 * @example
 * ```ts
 * const hooks: RenderHooks = {
 *   attributes: (host) => (host.tagName === 'late-card' ? ' defer-hydration' : ''),
 * };
 * ```
 */
export interface RenderHooks {
  /** The element's instance exists; the template has not set anything on it yet. */
  created?(host: ElementHost): void;
  /** Markup added to the element's start tag after its own attributes. */
  attributes?(host: ElementHost): string;
}

/** An element's shadow root, written in a render of its own (a streamed boundary). */
export interface ShadowRender {
  readonly host: ElementHost;
}
