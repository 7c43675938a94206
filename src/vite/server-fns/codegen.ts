import type { ServerExport } from './analyze.js';

/** A server module as the registry lists it. */
export interface ServerModule {
  /** Absolute path. */
  file: string;
  /** Its server functions, each with its id. */
  exports: (ServerExport & { id: string })[];
}

const js = JSON.stringify;

/**
 * The browser's version of a server module: one proxy per export, with the
 * same name, calling the Worker. None of the module's code or imports remain.
 *
 * @example
 * ```ts
 * clientProxyModule(module, '/app/node_modules/litflare/lib/client/rpc/proxy.js');
 * // import { serverProxy } from "…";
 * // export const listTodos = /* @__PURE__ *\/ serverProxy("qT0x…", "listTodos", "GET");
 * ```
 */
export function clientProxyModule(module: ServerModule, runtime: string): string {
  const lines = [`import { serverProxy } from ${js(runtime)};`];
  for (const fn of module.exports) {
    const generator = fn.form === true ? `, ${fn.generator}, true` : fn.generator ? ', true' : '';
    lines.push(`export const ${fn.name} = /* @__PURE__ */ serverProxy(${js(fn.id)}, ${js(fn.name)}, ${js(fn.method)}${generator});`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Code appended to a server module in the Worker: each function carries its
 * id (so SSR can key the data it loads the same way the browser does).
 *
 * @example
 * ```ts
 * code + workerAnnotations(module);
 * ```
 */
export function workerAnnotations(module: ServerModule): string {
  const lines = module.exports.map(
    (fn) =>
      `if (typeof ${fn.local} === "function" && !Object.hasOwn(${fn.local}, __lf_key)) ` +
      `Object.defineProperty(${fn.local}, __lf_key, { value: ${js({ id: fn.id, name: fn.name, method: fn.method })} });`,
  );
  return `\n;const __lf_key = Symbol.for("litflare.serverFn");\n${lines.join('\n')}\n`;
}

/**
 * The Worker's registry of every server function (`virtual:litflare/server-fns`):
 * what the dispatcher checks before a call, and how to load each module (lazily).
 *
 * @example
 * ```ts
 * registryModule([{ file: '/app/worker/todos.server.ts', exports: [...] }]);
 * ```
 */
export function registryModule(modules: ServerModule[]): string {
  const entries = modules.flatMap((module) =>
    module.exports.map((fn) => {
      const load = `() => import(${js(module.file)}).then((m) => m[${js(fn.name)}])`;
      const maxArgs = Number.isFinite(fn.maxArgs) ? String(fn.maxArgs) : 'Infinity';
      const form = fn.form === true ? ', form: true' : '';
      return `  ${js(fn.id)}: { id: ${js(fn.id)}, name: ${js(fn.name)}, method: ${js(fn.method)}, maxArgs: ${maxArgs}${form}, load: ${load} },`;
    }),
  );
  return `export const serverFns = Object.freeze({ __proto__: null,\n${entries.join('\n')}\n});\n`;
}
