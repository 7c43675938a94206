import { litSeam } from '../hydrate/lit-seam.js';
import { definitionStack } from './definitions.js';
import { showDevError } from './overlay.js';
import { explainPendingTask } from './pending-tasks.js';

/**
 * Shows an element's failure to hydrate (a hydration mismatch: the browser
 * rendered a different template than the server did) in Vite's error
 * overlay, naming the element and pointing at its source. An update that
 * throws later is shown too: a mismatch Lit's hydration let through often
 * surfaces only there, and an element that could not hydrate renders again
 * over a DOM Lit does not own. Every error still propagates as Lit's does.
 * Development only; call after Lit's hydrate support is installed.
 *
 * @example
 * ```ts
 * if (import.meta.env.DEV) reportHydrationErrors();
 * ```
 */
export function reportHydrationErrors(): void {
  const failedToHydrate = new WeakSet<Element>();
  litSeam()?.wrapUpdate((element, changed, hydrating, update) => {
    try {
      update.call(element, changed);
    } catch (error) {
      if (hydrating) {
        failedToHydrate.add(element);
        explainPendingTask(element);
        void showDevError(hydrationReport(element.localName, error));
      } else {
        void showDevError(updateReport(element.localName, error, failedToHydrate.has(element)));
      }
      throw error;
    }
  });
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function hydrationReport(tag: string, error: unknown) {
  const defined = definitionStack(tag);
  const thrown = error instanceof Error ? error.stack : undefined;
  return {
    message: `<${tag}> could not hydrate: ${reasonOf(error)}`,
    // The element's definition first: its source is what the overlay points at
    // (Lit finds a mismatch after render() has returned: no frame of the app's is in its stack).
    stack: [defined, thrown].filter((stack) => stack !== undefined).join('\n\n'),
    environment: 'client' as const,
    element: tag,
  };
}

function updateReport(tag: string, error: unknown, afterFailedHydration: boolean) {
  const thrown = error instanceof Error ? error.stack : undefined;
  const defined = definitionStack(tag);
  return {
    message: `<${tag}> failed to update${afterFailedHydration ? ' (it could not hydrate before)' : ''}: ${reasonOf(error)}`,
    // Where it was thrown first (a line of the app's render(), usually); the definition when Lit's code threw.
    stack: [thrown, defined].filter((stack) => stack !== undefined).join('\n\n'),
    environment: 'client' as const,
  };
}
