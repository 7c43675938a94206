let shell: Promise<string> | undefined;

/**
 * The app's `index.html` as Vite provides it (`virtual:litflare/shell`),
 * imported on first use rather than at start-up: in `vite dev` the shell is
 * produced by Vite's HTML transforms, which must not run before the dev
 * server's client environment is ready.
 *
 * @example
 * ```ts
 * const html = await appShell();
 * ```
 */
export function appShell(): Promise<string> {
  shell ??= import('virtual:litflare/shell').then((module) => module.default);
  return shell;
}
