/** The kinds of binding litflare has an accessor for. */
export type BindingKind = 'd1' | 'kv' | 'r2' | 'durableObject' | 'queue' | 'ai' | 'service' | 'secret' | 'variable';

interface KindInfo {
  /** How an error names a binding of this kind, with its article. */
  readonly label: string;
  /** What to add to wrangler.toml (or run) to configure `name`. */
  readonly setup: (name: string) => string;
  /** Whether a runtime value is a binding of this kind. */
  readonly matches: (value: unknown) => boolean;
}

const methods =
  (...names: string[]) =>
  (value: unknown): boolean =>
    typeof value === 'object' &&
    value !== null &&
    !isRpcStub(value) &&
    names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

/**
 * Service bindings (and other RPC stubs) answer every property name with a
 * callable, so they would pass any method check; they are told apart by a
 * property no binding has.
 */
function isRpcStub(value: object): boolean {
  return typeof (value as Record<string, unknown>)['litflare:no-such-method'] === 'function';
}

const isText = (value: unknown): boolean => typeof value === 'string';

/**
 * What litflare knows about each kind of binding.
 *
 * @example
 * ```ts
 * KINDS.d1.setup('DB'); // the [[d1_databases]] block to add to wrangler.toml
 * ```
 */
export const KINDS: Record<BindingKind, KindInfo> = {
  d1: {
    label: 'a D1 database',
    setup: (name) =>
      `add to wrangler.toml:\n\n[[d1_databases]]\nbinding = "${name}"\ndatabase_name = "<database name>"\ndatabase_id = "<database id>"`,
    matches: methods('prepare', 'batch', 'exec'),
  },
  kv: {
    label: 'a KV namespace',
    setup: (name) => `add to wrangler.toml:\n\n[[kv_namespaces]]\nbinding = "${name}"\nid = "<namespace id>"`,
    matches: methods('get', 'put', 'list', 'getWithMetadata'),
  },
  r2: {
    label: 'an R2 bucket',
    setup: (name) => `add to wrangler.toml:\n\n[[r2_buckets]]\nbinding = "${name}"\nbucket_name = "<bucket name>"`,
    matches: methods('head', 'get', 'put', 'createMultipartUpload'),
  },
  durableObject: {
    label: 'a Durable Object namespace',
    setup: (name) =>
      `add to wrangler.toml (and export the class from the Worker entry):\n\n[[durable_objects.bindings]]\n` +
      `name = "${name}"\nclass_name = "<class name>"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["<class name>"]`,
    matches: methods('idFromName', 'idFromString', 'get'),
  },
  queue: {
    label: 'a Queue producer',
    setup: (name) => `add to wrangler.toml:\n\n[[queues.producers]]\nbinding = "${name}"\nqueue = "<queue name>"`,
    matches: methods('send', 'sendBatch'),
  },
  ai: {
    label: 'a Workers AI binding',
    setup: (name) => `add to wrangler.toml:\n\n[ai]\nbinding = "${name}"`,
    // A service that implements run() (e.g. a local stand-in) is accepted too.
    matches: (value) =>
      typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['run'] === 'function',
  },
  service: {
    label: 'a service binding',
    setup: (name) => `add to wrangler.toml:\n\n[[services]]\nbinding = "${name}"\nservice = "<worker name>"`,
    matches: (value) =>
      typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['fetch'] === 'function',
  },
  secret: {
    label: 'a secret',
    setup: (name) =>
      `set it with \`wrangler secret put ${name}\` (deployed Worker) and add ${name}=<value> to .dev.vars ` +
      '(local development and tests); secrets do not belong in wrangler.toml',
    matches: isText,
  },
  variable: {
    label: 'a variable',
    setup: (name) => `add to wrangler.toml:\n\n[vars]\n${name} = "<value>"`,
    matches: (value) => ['string', 'number', 'boolean'].includes(typeof value),
  },
};

const DETECTABLE: readonly BindingKind[] = ['d1', 'kv', 'r2', 'durableObject', 'queue', 'ai'];

/**
 * Says what a binding is, for an error about a binding of the wrong kind.
 * Never includes a variable's value, which may be a secret.
 *
 * @example
 * ```ts
 * describeBinding(env.CACHE); // 'a KV namespace'
 * ```
 */
export function describeBinding(value: unknown): string {
  if (typeof value === 'string') return 'a text variable or secret';
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value} variable`;
  if (typeof value !== 'object' || value === null) return `a ${value === null ? 'null' : typeof value} value`;
  if (isRpcStub(value)) return 'a service binding (or another RPC stub)';
  for (const kind of DETECTABLE) {
    if (KINDS[kind].matches(value)) return KINDS[kind].label;
  }
  if (Object.getPrototypeOf(value) === Object.prototype || Array.isArray(value)) return 'a JSON variable';
  const type = (value as { constructor?: { name?: string } }).constructor?.name;
  return type === undefined || type === '' ? 'an unknown kind of binding' : `an unknown kind of binding (${type})`;
}
