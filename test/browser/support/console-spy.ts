// Imported first by each browser test, before Lit loads: records every console
// warning and error so tests can assert there were none. Lit's one-time "dev
// mode" notice is marked as already shown; every other Lit warning still counts.
const globals = globalThis as typeof globalThis & { litIssuedWarnings?: Set<string> };
globals.litIssuedWarnings ??= new Set();
globals.litIssuedWarnings.add('dev-mode');

/** Every warning and error logged since the page loaded. */
export const logged: { level: 'warn' | 'error'; text: string }[] = [];

for (const level of ['warn', 'error'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    logged.push({ level, text: args.map(String).join(' ') });
    original(...args);
  };
}
addEventListener('error', (event) => logged.push({ level: 'error', text: `uncaught: ${event.message}` }));
addEventListener('unhandledrejection', (event) => logged.push({ level: 'error', text: `unhandled: ${String(event.reason)}` }));

/** Every request the page sent with fetch (server function calls go through it). */
export const fetched: string[] = [];
const originalFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  fetched.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  return originalFetch(input, init);
};
