// Lit's hydrate support must run before any LitElement class is defined, so it
// is the first import of the client runtime, and the client runtime is the
// first import of the app's client entry.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { applyServerProps } from './hydrate/server-props.js';
import { warnUndefinedElements } from './hydrate/undefined-elements.js';

applyServerProps(document);
if (import.meta.env.DEV) warnUndefinedElements();

export { applyServerProps, warnUndefinedElements };
