/**
 * Whether Vite's dependency scanner is resolving: it passes `scan: true`. The
 * scanner reads sources itself (not through `load`), so plugins keep it out
 * of server modules and skip checks that only the real bundle needs.
 *
 * @example
 * ```ts
 * resolveId(id, importer, options) { if (scanning(options)) return undefined; }
 * ```
 */
export function scanning(options: object): boolean {
  return (options as { scan?: boolean }).scan === true;
}
