import { DEV_ERROR_PATH, type DevErrorOverlay, type DevErrorReport } from '../../shared/dev-error.js';

type OverlayElement = new (error: DevErrorOverlay) => HTMLElement;

/**
 * Shows an error in Vite's error overlay (development only): the dev server
 * maps its stack to the app's sources and adds a code frame. The error is
 * also logged with the mapped stack. When an overlay is already open it stays
 * (the first error is usually the cause of the next).
 *
 * @example
 * ```ts
 * if (import.meta.env.DEV) void showDevError({ message: 'Error: boom', stack: error.stack, environment: 'client' });
 * ```
 */
export async function showDevError(report: DevErrorReport): Promise<void> {
  // The RPC client also runs outside a page (tests in workerd, scripts).
  if (typeof document === 'undefined') return;
  const shown = await mapped(report);
  console.error(`litflare: ${shown.message}\n${shown.stack}`);
  const Overlay = customElements.get('vite-error-overlay') as OverlayElement | undefined;
  if (!shown.overlay || Overlay === undefined || document.querySelector('vite-error-overlay') !== null) return;
  document.body.appendChild(new Overlay(shown));
}

/**
 * Shows an unexpected error of the Worker (a server function's or a
 * server-data call's, as its development answer carries it) in Vite's error
 * overlay; nothing for an error without a stack (a deliberate `ServerError`).
 *
 * @example
 * ```ts
 * if (import.meta.env.DEV) void showServerError(wireError, `addTodo: ${wireError.message}`);
 * ```
 */
export async function showServerError(error: { message: string; stack?: string }, message = error.message): Promise<void> {
  if (error.stack !== undefined) await showDevError({ message, stack: error.stack, environment: 'worker' });
}

async function mapped(report: DevErrorReport): Promise<DevErrorOverlay> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL ?? '/'}${DEV_ERROR_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
    });
    if (response.ok) return (await response.json()) as DevErrorOverlay;
  } catch {
    // The dev server is gone (restarting): show what the page has.
  }
  return { message: report.message, stack: report.stack ?? '', plugin: 'litflare', overlay: true };
}
