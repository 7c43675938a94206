const definedAt = new Map<string, string>();

/**
 * Remembers where each custom element is defined (the stack of its
 * `customElements.define`, i.e. its `@customElement` decorator), so a
 * development error about an element can point at the element's source.
 * Install it before any element is defined.
 *
 * @example
 * ```ts
 * if (import.meta.env.DEV) recordDefinitions();
 * definitionStack('user-card'); // 'Error\n    at http://localhost:5173/components/user-card.ts:8:1 …'
 * ```
 */
export function recordDefinitions(registry: CustomElementRegistry = customElements): void {
  const define = registry.define;
  registry.define = function (this: CustomElementRegistry, name, constructor, options) {
    definedAt.set(name, new Error(`<${name}> is defined`).stack ?? '');
    define.call(this, name, constructor, options);
  };
}

/** The stack captured when `tag` was defined (see {@link recordDefinitions}). */
export function definitionStack(tag: string): string | undefined {
  return definedAt.get(tag);
}
