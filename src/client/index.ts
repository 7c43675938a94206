// Lit's hydrate support must run before any LitElement class is defined, so it
// is the first import of the client runtime, and the client runtime is the
// first import of the app's client entry.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { showDataErrors } from './dev/data-errors.js';
import { recordDefinitions } from './dev/definitions.js';
import { reportHydrationErrors } from './dev/hydration-errors.js';
import { showPageErrors } from './dev/page-errors.js';
import { recordControllers } from './dev/pending-tasks.js';
import { warnUnswappedBoundaries } from './dev/unswapped-boundaries.js';
import { fillEmptyTextPartsOnHydration } from './hydrate/empty-text-parts.js';
import { readHydrationData } from './hydrate/hydration-data.js';
import { useHydrationData } from './hydrate/server-data.js';
import { warnUndefinedElements } from './hydrate/undefined-elements.js';

fillEmptyTextPartsOnHydration();
// Development only (dropped from production builds): errors in Vite's overlay.
if (import.meta.env.DEV) {
  recordDefinitions();
  recordControllers();
  reportHydrationErrors();
  showPageErrors(document);
}
const data = readHydrationData(document);
if (import.meta.env.DEV) showDataErrors(data);
useHydrationData(data);
if (import.meta.env.DEV) {
  warnUndefinedElements();
  warnUnswappedBoundaries();
}

export { hydrateIslands, type HydrateIslandsOptions, type IslandLoaders } from './islands/hydrate-islands.js';
