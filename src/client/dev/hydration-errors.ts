import { litSeam } from '../hydrate/lit-seam.js';
import { definitionStack } from './definitions.js';
import { showDevError } from './overlay.js';

/**
 * Shows an element's failure to hydrate (a hydration mismatch: the browser
 * rendered a different template than the server did) in Vite's error
 * overlay, naming the element and pointing at its source. The error still
 * propagates as Lit's does. Development only; call after Lit's hydrate
 * support is installed.
 *
 * @example
 * ```ts
 * if (import.meta.env.DEV) reportHydrationErrors();
 * ```
 */
export function reportHydrationErrors(): void {
  litSeam()?.wrapUpdate((element, changed, hydrating, update) => {
    try {
      update.call(element, changed);
    } catch (error) {
      if (hydrating) void showDevError(hydrationReport(element.localName, error));
      throw error;
    }
  });
}

function hydrationReport(tag: string, error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  const defined = definitionStack(tag);
  const thrown = error instanceof Error ? error.stack : undefined;
  return {
    message: `<${tag}> could not hydrate: ${reason}`,
    // The element's definition first: its source is what the overlay points at.
    stack: [defined, thrown].filter((stack) => stack !== undefined).join('\n\n'),
    environment: 'client' as const,
    element: tag,
  };
}
