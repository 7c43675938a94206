// A streamed boundary in the page's markup, as the server writes it, the swap
// script moves it and the client checks it: one spelling for all three.

/** Marks an element whose server data streams later (`data-lf-b="<id>"`): the swap script finds it by this, and removes it. */
export const BOUNDARY_ATTRIBUTE = 'data-lf-b';

/**
 * The element that brings a boundary's content once its data is in
 * (`<lf-b id="lf-b-<id>" hidden>`, its own tag and id prefix), until the swap
 * script moves the content into the marked element's shadow root.
 */
export const BOUNDARY_HOLDER = 'lf-b';
