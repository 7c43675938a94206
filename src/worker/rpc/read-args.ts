import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_QUERY_LENGTH, RPC_CONTENT_TYPE } from '../../shared/rpc/protocol.js';
import { ServerError } from '../../shared/server-error.js';
import { decodeWithin } from '../decode/decode.js';
import { describeRefusal } from '../decode/measure.js';
import { isFormBody, readFormInput } from '../forms/read-form.js';
import type { RegistryEntry } from './registry.js';

/** How deep arguments may nest (arrays, objects, maps, sets); real arguments stay far below. */
export const MAX_ARGUMENT_DEPTH = 64;

/**
 * Reads and checks a call's arguments: from the body of a POST (right content
 * type, at most `maxBodySize` bytes, enforced while reading) or the `args`
 * query parameter of a GET (at most 8 KB of query), nested at most
 * {@link MAX_ARGUMENT_DEPTH} levels, and no larger than `maxArgSize` (a
 * number, or one computed from the body's length: {@link argSizeFor}) written
 * out in full (see `measureFlattened`, checked before they are revived).
 * Throws a `ServerError` with the precise 4xx otherwise; the function never runs.
 *
 * @example
 * ```ts
 * const args = await readArgs(c, entry, bodyLimitOf(1_048_576), (length) => argSizeFor(length, 1_048_576));
 * ```
 */
export async function readArgs(c: Context, entry: RegistryEntry, limit: BodyLimit, maxArgSize: ArgSizeLimit): Promise<unknown[]> {
  // A form action also takes the form itself (an enhanced form sends its FormData), decoded as a form post is.
  if (entry.form === true && c.req.method === 'POST' && isFormBody(c)) return [await readFormInput(c, limit)];
  const text = c.req.method === 'GET' ? readQuery(c) : await readBody(c, limit);
  const maxSize = typeof maxArgSize === 'number' ? maxArgSize : maxArgSize(text.length);
  let decoded: ReturnType<typeof decodeWithin>;
  try {
    decoded = text === '' ? { value: [] } : decodeWithin(text, { maxDepth: MAX_ARGUMENT_DEPTH, maxSize, sizeSetting: 'rpc: { maxArgSize }' });
  } catch {
    throw new ServerError(400, `The arguments of ${entry.name} could not be decoded (expected devalue).`);
  }
  if ('refused' in decoded) throw new ServerError(400, describeRefusal(decoded.refused, `The arguments of ${entry.name}`, true));
  const args = decoded.value;
  if (!Array.isArray(args)) {
    throw new ServerError(400, `The arguments of ${entry.name} must be an array.`);
  }
  if (args.length > entry.maxArgs) {
    throw new ServerError(400, `${entry.name} takes at most ${entry.maxArgs} argument(s), got ${args.length}.`);
  }
  return args;
}

function readQuery(c: Context): string {
  const query = new URL(c.req.url).search;
  if (query.length > MAX_QUERY_LENGTH) {
    throw new ServerError(414, `The query string is longer than ${MAX_QUERY_LENGTH} bytes; call this function with POST.`);
  }
  return c.req.query('args') ?? '';
}

/** `rpc: { maxArgSize }`: one limit, or one computed from the length of what the client sent. */
export type ArgSizeLimit = number | ((length: number) => number);

/**
 * The default `maxArgSize` for a body of `length` characters: 16 × its length
 * + 65,536, at most `maxBodySize`. Plain data counts less than its length
 * (a 1 MB body of records counts about 0.6 MB), so only shared references and
 * sparse arrays come near it, and the work a short body can cause stays
 * proportional to the body.
 *
 * @example
 * ```ts
 * argSizeFor(150, 1_048_576); // 67_936
 * ```
 */
export function argSizeFor(length: number, maxBodySize: number): number {
  return Math.min(16 * length + 65_536, maxBodySize);
}

/** Hono's body limit, answering with the RPC error for a body that is too large. */
export type BodyLimit = ReturnType<typeof bodyLimit>;

/**
 * Hono's body limit for RPC bodies: enforced from `Content-Length` when there
 * is one, else while reading, stopping at the limit.
 *
 * @example
 * ```ts
 * const limit = bodyLimitOf(64 * 1024);
 * ```
 */
export function bodyLimitOf(maxBodySize: number): BodyLimit {
  return bodyLimit({
    maxSize: maxBodySize,
    onError: () => {
      throw new ServerError(413, `The body is larger than the ${maxBodySize}-byte limit.`);
    },
  });
}

async function readBody(c: Context, limit: BodyLimit): Promise<string> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== RPC_CONTENT_TYPE) {
    throw new ServerError(415, `Server functions take ${RPC_CONTENT_TYPE} bodies, not ${type ?? 'a body without a content type'}.`);
  }
  let text = '';
  await limit(c, async () => {
    text = await c.req.text();
  });
  return text;
}
