// Server functions of the stress app. Each answers with what its own request
// carries (a secret in the arguments, a header, the session's user), read
// after awaits that interleave it with every other request in flight.
import * as v from 'valibot';
import { z } from 'zod';
import { ServerError } from 'litflare';
import { d1, kv, request, serverFn, session } from 'litflare/worker';

/** What a request can tell about itself. */
export interface Seen {
  secret: string;
  user: string;
  header: string;
  stored: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seen(secret: string): Promise<Seen> {
  const user = (await session<{ user: string }>()).get('user') ?? 'nobody';
  await kv('CACHE').put(`stress:${secret}`, secret, { expirationTtl: 600 });
  await pause(Math.random() * 5);
  const stored = (await d1('DB').prepare('SELECT ?1 AS s').bind(await kv('CACHE').get(`stress:${secret}`)).first<{ s: string }>())?.s ?? '';
  return { secret, user, header: request().headers.get('x-secret') ?? '', stored };
}

/** Signs in: a new session id holding `user`. */
export async function login(user: string): Promise<string> {
  const s = await session<{ user: string }>();
  s.regenerate();
  s.set('user', user);
  return user;
}

/** What this request is, after `delay` ms (for a page, a slow boundary). */
export async function reveal(secret: string, delay: number): Promise<Seen> {
  await pause(Math.min(Math.max(delay, 0), 1000));
  return seen(secret);
}

/** Streams `n` items (at most 20), each read again from the request after a pause. */
export async function* countdown(secret: string, n: number): AsyncGenerator<Seen & { i: number }> {
  for (let i = 0; i < Math.min(n, 20); i++) {
    await pause(Math.random() * 10);
    yield { i, ...(await seen(secret)) };
  }
}

/** Own property names of the prototypes a pollution attack aims at. */
export async function prototypes(): Promise<string[]> {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Map.prototype, Set.prototype].map((proto) =>
    Reflect.ownKeys(proto).map(String).sort().join(','),
  );
}

// The fuzz targets, as in test/worker/fixtures/fuzz.server.ts: no input makes them fail with a 5xx.

/** Takes anything and gives it back. */
export async function fuzzEcho(...args: unknown[]): Promise<unknown[]> {
  return args;
}

/** Stores its input as JSON in KV, as apps do: `JSON.stringify` walks the whole expanded value. */
export async function fuzzStore(input: unknown): Promise<number> {
  let json: string | undefined;
  try {
    json = JSON.stringify(input);
  } catch {
    throw new ServerError(400, 'Not JSON (a BigInt or a cycle)');
  }
  await kv('CACHE').put('fuzz-store', json ?? 'null');
  return json?.length ?? 0;
}

/** A validated read, called with GET. */
export const fuzzLookup = serverFn(
  { method: 'GET', input: v.object({ id: v.pipe(v.number(), v.integer(), v.minValue(0)) }) },
  async ({ id }) => ({ id, name: `item ${id}` }),
);

/** A validated write (zod), with nested types. */
export const fuzzSave = serverFn(
  { input: z.object({ name: z.string().max(50), tags: z.array(z.string()).max(5), at: z.date(), size: z.bigint().optional() }) },
  async ({ name, tags, at }) => ({ name, tags: tags.length, at }),
);

/** A validated stream: at most five items. */
export const fuzzStream = serverFn(
  { input: v.object({ n: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)) }) },
  async function* ({ n }) {
    for (let i = 0; i < n; i++) yield { i };
  },
);
