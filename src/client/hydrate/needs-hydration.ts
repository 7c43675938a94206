import type { LitElement } from 'lit';

/**
 * Whether `element` is about to hydrate server-rendered markup on this
 * update: Lit's hydrate support marks an element whose shadow root the server
 * rendered (a private field of Lit's, read here only).
 *
 * @example
 * ```ts
 * if (needsHydration(this)) fillEmptyTextParts(this.renderRoot);
 * ```
 */
export function needsHydration(element: LitElement): boolean {
  return (element as LitElement & { _$needsHydration?: boolean })._$needsHydration === true;
}
