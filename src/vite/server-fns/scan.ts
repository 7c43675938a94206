import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Matches a server module's file name. */
export const SERVER_MODULE = /\.server\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Folders that never hold the app's own server modules. */
const NEVER = new Set(['node_modules', 'dist']);
/** Folders of tests and benchmarks: their server modules are fixtures, not part of the app. */
const TESTS = new Set(['test', 'tests', '__tests__', 'e2e', 'bench']);

/**
 * Every `*.server.ts` module under `root`, as absolute paths in a stable
 * order. Skips `node_modules`, `dist` and dot-folders, and (unless
 * `includeTests`) test and benchmark folders, whose server modules must never
 * become endpoints of the app.
 *
 * @example
 * ```ts
 * findServerModules('/app'); // ['/app/worker/todos.server.ts', …]
 * ```
 */
export function findServerModules(root: string, options: { includeTests?: boolean } = {}): string[] {
  const found: string[] = [];
  const skip = (name: string) => NEVER.has(name) || name.startsWith('.') || (options.includeTests !== true && TESTS.has(name));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skip(entry.name)) walk(join(dir, entry.name));
      } else if (SERVER_MODULE.test(entry.name)) {
        found.push(join(dir, entry.name));
      }
    }
  };
  walk(root);
  return found.sort();
}
