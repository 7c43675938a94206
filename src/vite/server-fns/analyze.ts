import { parseAst } from 'vite';

/** One server function, as the build sees it in its module's source. */
export interface ServerExport {
  /** The exported name. */
  name: string;
  /** The module-level binding it exports (differs from `name` in `export { a as b }`). */
  local: string;
  /** `GET` when wrapped in `serverFn({ method: 'GET' }, …)`. */
  method: 'GET' | 'POST';
  /** An `async function*`: its browser proxy returns the iterator at once. */
  generator: boolean;
  /** Most arguments it takes (`Infinity` with a rest parameter). */
  maxArgs: number;
  /** A form action: `serverFn({ input, form: true }, …)`. */
  form?: boolean;
}

// Just the ESTree shapes this module reads.
interface Node {
  type: string;
  [key: string]: unknown;
}
type Fn = Node & { async: boolean; generator: boolean; params: Node[] };

/**
 * Reads a `*.server.ts` module's exports. Each must be an async function (a
 * declaration, an async arrow or function expression, or `serverFn(options,
 * handler)`); type exports are ignored; anything else is a build error that
 * names the file and the export.
 *
 * @example
 * ```ts
 * analyzeServerModule('export async function hello(name: string) { return name }', 'worker/hello.server.ts');
 * // [{ name: 'hello', method: 'POST', generator: false, maxArgs: 1 }]
 * ```
 */
export function analyzeServerModule(code: string, file: string): ServerExport[] {
  const program = parseAst(code, { lang: /\.[cm]?tsx?$/.test(file) ? 'ts' : 'js' }, file) as unknown as { body: Node[] };
  const serverFnNames = importedNames(program.body, 'serverFn', 'litflare/worker');
  const locals = topLevelDeclarations(program.body);
  const found: ServerExport[] = [];
  const problems: string[] = [];
  const add = (name: string, local: string, value: Node | undefined) => {
    const result = describe(value, serverFnNames, locals);
    if (typeof result === 'string') problems.push(`\`${name}\` ${result}`);
    else found.push({ name, local, ...result });
  };

  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') {
      problems.push('`default` is not allowed: export server functions by name');
    } else if (statement.type === 'ExportAllDeclaration') {
      problems.push('`export * from` is not allowed: export each server function from the module that defines it');
    } else if (statement.type === 'ExportNamedDeclaration' && statement.exportKind !== 'type') {
      const declaration = statement.declaration as Node | null;
      if (declaration !== null) {
        if (declaration.type === 'TSTypeAliasDeclaration' || declaration.type === 'TSInterfaceDeclaration') continue;
        for (const [name, value] of declared(declaration)) add(name, name, value);
      } else if (statement.source !== null) {
        problems.push('re-exports from other modules are not allowed: export each server function from the module that defines it');
      } else {
        for (const specifier of statement.specifiers as Node[]) {
          if (specifier.exportKind === 'type') continue;
          const local = identifier(specifier.local);
          add(identifier(specifier.exported), local, locals.get(local));
        }
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `litflare: ${file} is a server module (*.server.ts), so every export must be a server function:\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        '\nExport only async functions (or serverFn(...)) from it, and move anything else to another module.',
    );
  }
  return found;
}

function describe(value: Node | undefined, serverFnNames: Set<string>, locals: Map<string, Node>): Omit<ServerExport, 'name' | 'local'> | string {
  if (value === undefined) return 'is not a server function (it is not declared in this module)';
  if (isFunction(value)) {
    if (!value.async) return 'is not a server function: it must be `async`';
    return { method: 'POST', generator: value.generator, maxArgs: maxArgs(value.params) };
  }
  if (value.type === 'CallExpression' && serverFnNames.has(identifier(value.callee))) {
    const [options, handler] = value.arguments as Node[];
    const method = literalMethod(options);
    if (typeof method !== 'string' || (method !== 'GET' && method !== 'POST')) {
      return "passes serverFn options the build cannot read: write them as an object literal, with `method: 'GET'` or `'POST'` if you set it";
    }
    const fn = handler?.type === 'Identifier' ? locals.get(identifier(handler)) : handler;
    if (fn === undefined || !isFunction(fn) || !fn.async) return 'passes serverFn a handler that is not an async function';
    const hasInput = options?.type === 'ObjectExpression' && (options.properties as Node[]).some((p) => identifier(p.key) === 'input');
    const form = literalProperty(options, 'form');
    if (form !== undefined && form !== true && form !== false) return 'passes serverFn a `form` option the build cannot read: write `form: true`';
    if (form === true && (!hasInput || method !== 'POST')) return 'is a form action (`form: true`), which needs an `input` schema and POST';
    return { method, generator: fn.generator, maxArgs: hasInput ? 1 : maxArgs(fn.params), ...(form === true ? { form: true } : {}) };
  }
  return `is not a server function (${kind(value)})`;
}

/** The `method` of a serverFn options literal: 'POST' when absent, undefined when unreadable. */
function literalMethod(options: Node | undefined): unknown {
  if (options?.type !== 'ObjectExpression') return undefined;
  const property = (options.properties as Node[]).find((p) => p.type === 'Property' && identifier(p.key) === 'method');
  if (property === undefined) return 'POST';
  const value = property.value as Node;
  return value.type === 'Literal' ? value.value : undefined;
}

/** A literal property of a serverFn options object: its value, `undefined` when absent, or a marker when not a literal. */
function literalProperty(options: Node | undefined, name: string): unknown {
  if (options?.type !== 'ObjectExpression') return undefined;
  const property = (options.properties as Node[]).find((p) => p.type === 'Property' && identifier(p.key) === name);
  if (property === undefined) return undefined;
  const value = property.value as Node;
  return value.type === 'Literal' ? value.value : Symbol('unreadable');
}

function maxArgs(params: Node[]): number {
  return params.some((param) => param.type === 'RestElement') ? Number.POSITIVE_INFINITY : params.length;
}

function isFunction(node: Node): node is Fn {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** What a non-function export is, for the error message. */
function kind(node: Node): string {
  if (node.type === 'Literal') return `a ${node.value === null ? 'null' : typeof node.value}`;
  if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return 'a class';
  if (node.type === 'ObjectExpression') return 'an object';
  if (node.type === 'ArrayExpression') return 'an array';
  if (node.type === 'VariableDeclarator') return 'a variable without a value';
  if (node.type === 'CallExpression') return 'the result of a call';
  return `a ${node.type.replace(/(Expression|Declaration)$/, '').toLowerCase()}`;
}

/** Name → value node of what a declaration declares (functions, classes, `const x = …`). */
function declared(declaration: Node): [string, Node | undefined][] {
  if (declaration.type === 'VariableDeclaration') {
    return (declaration.declarations as Node[]).map((d) => [identifier(d.id), (d.init as Node | null) ?? d]);
  }
  if (declaration.id !== null && declaration.id !== undefined) return [[identifier(declaration.id), declaration]];
  return [];
}

function topLevelDeclarations(body: Node[]): Map<string, Node> {
  const locals = new Map<string, Node>();
  for (const statement of body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : statement;
    if (declaration === null) continue;
    if (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration' || declaration.type === 'VariableDeclaration') {
      for (const [name, value] of declared(declaration)) if (value !== undefined) locals.set(name, value);
    }
  }
  return locals;
}

/** Local names under which `name` is imported from `source`. */
function importedNames(body: Node[], name: string, source: string): Set<string> {
  const names = new Set<string>();
  for (const statement of body) {
    if (statement.type !== 'ImportDeclaration' || (statement.source as Node).value !== source) continue;
    for (const specifier of statement.specifiers as Node[]) {
      if (specifier.type === 'ImportSpecifier' && identifier(specifier.imported) === name) names.add(identifier(specifier.local));
    }
  }
  return names;
}

function identifier(node: unknown): string {
  const n = node as Node | undefined;
  if (n?.type === 'Identifier') return n.name as string;
  if (n?.type === 'Literal') return String(n.value);
  return '';
}
