/** The CSS every contestant ships (Lit's `css`, React's `<style>`, the plain string's `<style>`). */
export const layoutCss = `
  :host, .layout { display: block; font: 16px/1.5 system-ui, sans-serif; color: #1f2937; background: #f5f6fa; }
  header { padding: 1rem 1.5rem; color: white; background: linear-gradient(120deg, #f6821f, #e34f6f); }
  main { max-width: 64rem; margin: 0 auto; padding: 2rem 1.5rem; display: grid; gap: 0.5rem; }
  footer { padding: 1rem; text-align: center; color: #6b7280; }
`;

export const rowCss = `
  :host, .row { display: grid; grid-template-columns: 8rem 1fr 6rem 6rem; gap: 1rem; padding: 0.5rem 1rem; border-radius: 8px; background: white; }
  .sku { font-family: ui-monospace, monospace; color: #6b7280; }
  .price { font-weight: 600; color: #0b6e4f; text-align: right; }
  .stock { text-align: right; }
  .low { color: #b00020; }
  .featured { outline: 2px solid #f6821f; }
`;
