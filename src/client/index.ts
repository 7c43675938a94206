// Lit's hydrate support must run before any LitElement class is defined, so it
// is the first import of the client runtime, and the client runtime is the
// first import of the app's client entry.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { readHydrationData } from './hydrate/hydration-data.js';
import { useHydrationData } from './hydrate/server-data.js';
import { warnUndefinedElements } from './hydrate/undefined-elements.js';

useHydrationData(readHydrationData(document));
if (import.meta.env.DEV) warnUndefinedElements();

export { readHydrationData, useHydrationData, warnUndefinedElements };
export { hydrateIslands, type HydrateIslandsOptions, type IslandLoaders } from './islands/hydrate-islands.js';
