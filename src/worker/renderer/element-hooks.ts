import type { ElementHost } from './element-host.js';

/**
 * A custom element as a page's hooks see it, whichever renderer writes it:
 * litflare's own (an `ElementHost`) or @lit-labs/ssr's, when pages fall back
 * to it (see `lit-seam-check.ts`).
 *
 * @example
 * ```ts
 * const created = (host: RenderedElement) => {
 *   if (host.pageLevel) host.recordProperties = true;
 * };
 * ```
 */
export interface RenderedElement {
  readonly tagName: string;
  /** The instance, or `undefined` for a custom element that is not a LitElement. */
  readonly element: HTMLElement | undefined;
  /** Whether no other element's shadow root contains this one (the page template wrote it). */
  readonly pageLevel: boolean;
  /** Keep the properties the template sets (see {@link properties}). */
  recordProperties: boolean;
  /** Properties the template set, when {@link recordProperties} is on. */
  readonly properties: Record<string, unknown> | undefined;
  /** The `<template shadowrootmode>` tag that opens its declarative shadow root. */
  shadowRootTag(): string;
  /** Its styles as one `<style>` tag. */
  styles(): string;
  /** What its `render()` returns now: the content of its shadow root. */
  render(): unknown;
}

/**
 * What a page adds to the renderer: called for every custom element it writes.
 *
 * @example
 * ```ts
 * const hooks: ElementHooks = {
 *   attributes: (host) => (host.tagName === 'late-card' ? ' defer-hydration' : ''),
 * };
 * ```
 */
export interface ElementHooks {
  /** The element's instance exists; the template has not set anything on it yet. */
  created?(host: RenderedElement): void;
  /** Markup added to the element's start tag after its own attributes. */
  attributes?(host: RenderedElement): string;
  /**
   * After the element's first `render()` (which starts its server data):
   * a promise to wait for before rendering its shadow root, again, in place
   * (an in-order page), or `undefined` to render it now.
   */
  hold?(host: RenderedElement): Promise<void> | undefined;
}

/** An element's shadow root, written in a render of its own (a streamed boundary). */
export interface ShadowRender {
  readonly host: ElementHost;
}
