import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

// Drawn for the demo on a 24-unit grid, stroked in the text colour. Inline
// SVG instead of emoji: a machine without an emoji font shows emoji as empty
// boxes, and the strict CSP allows inline SVG as it is.
const paths = {
  close: svg`<path d="M6 6l12 12M18 6L6 18" />`,
  check: svg`<path d="M5 12l5 5L20 7" />`,
  thumbsUp: svg`<path d="M4 11h3v9H4zM7 11l4-8a2 2 0 0 1 3 2l-1 4h5.5a2 2 0 0 1 2 2.3l-1.3 7a2 2 0 0 1-2 1.7H7" />`,
  upload: svg`<path d="M12 15V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />`,
  play: svg`<path d="M8 5v14l11-7z" />`,
  bolt: svg`<path d="M13 2L4 14h7l-1 8 9-12h-7z" />`,
  code: svg`<path d="M8 7l-5 5 5 5M16 7l5 5-5 5M14 4l-4 16" />`,
  database: svg`<ellipse cx="12" cy="5.5" rx="8" ry="3" /><path d="M4 5.5v13c0 1.7 3.6 3 8 3s8-1.3 8-3v-13M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3" />`,
  chat: svg`<path d="M4 4h16v12H9l-5 4z" />`,
} satisfies Record<string, SVGTemplateResult>;

/** The demo's icons by name. */
export type IconName = keyof typeof paths;

/**
 * An inline SVG icon, 1em square in the current text colour. Decorative:
 * hidden from assistive technology, so whatever it means must also be said
 * in text or in the control's label.
 */
export function icon(name: IconName): TemplateResult {
  return html`<svg
    class="icon"
    viewBox="0 0 24 24"
    width="1em"
    height="1em"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >${paths[name]}</svg>`;
}
