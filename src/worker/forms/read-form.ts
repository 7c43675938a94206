import type { Context } from 'hono';
import { ServerError } from '../../shared/server-error.js';
import type { BodyLimit } from '../rpc/read-args.js';

/** The bodies a `<form>` posts. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * Whether the request's body is a form's (urlencoded or multipart).
 *
 * @example
 * ```ts
 * if (entry.form === true && isFormBody(c)) args = [await readFormInput(c, limit)];
 * ```
 */
export function isFormBody(c: Context): boolean {
  return FORM_TYPES.has(mediaType(c) ?? '');
}

/**
 * A posted form as the input of a form action: decoded by Hono's
 * `parseBody({ all: true, dot: true })` (a repeated name gives an array,
 * `a.b` nests, files are `File`s), then a name ending in `[]` always gives an
 * array (without the `[]`), and a file input left empty (no name, no bytes) is
 * left out. Every value is a string or a `File`: numbers and booleans are the
 * schema's to coerce. The body is read within `limit` (413 beyond); another
 * content type is a 415, a body that cannot be decoded a 400.
 *
 * @example
 * ```ts
 * const input = await readFormInput(c, bodyLimitOf(1_048_576)); // { title: 'Milk', tags: ['a', 'b'] }
 * ```
 */
export async function readFormInput(c: Context, limit: BodyLimit): Promise<Record<string, unknown>> {
  const type = mediaType(c);
  if (!FORM_TYPES.has(type ?? '')) {
    throw new ServerError(
      415,
      `Form actions take application/x-www-form-urlencoded or multipart/form-data bodies, not ${type ?? 'a body without a content type'}.`,
    );
  }
  let parsed: Record<string, unknown> = {};
  let emptyFiles: string[] = [];
  await limit(c, async () => {
    try {
      parsed = (await c.req.parseBody({ all: true, dot: true })) as Record<string, unknown>;
      if (type === 'multipart/form-data') emptyFiles = emptyFileInputs(await c.req.arrayBuffer());
    } catch (error) {
      if (error instanceof ServerError) throw error;
      throw new ServerError(400, `The form could not be decoded (${error instanceof Error ? error.message : String(error)}).`);
    }
  });
  for (const name of emptyFiles) leaveOut(parsed, name);
  return normalize(parsed);
}

/**
 * The names of the file inputs a browser sent empty (`filename=""`, no file
 * chosen): the Workers runtime reads such a part as an empty string.
 */
function emptyFileInputs(body: ArrayBuffer): string[] {
  const text = new TextDecoder('latin1').decode(body);
  return [...text.matchAll(/\r\nContent-Disposition:[ \t]*form-data;[ \t]*name="([^"]*)";[ \t]*filename=""/gi)].map((match) => match[1]!);
}

/** Removes the empty string an empty file input left at `name` (dots nest, as parseBody nested it). */
function leaveOut(form: Record<string, unknown>, name: string): void {
  const keys = name.split('.');
  let target: unknown = form;
  for (const key of keys.slice(0, -1)) target = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[key] : undefined;
  if (typeof target !== 'object' || target === null) return;
  const record = target as Record<string, unknown>;
  const key = keys.at(-1)!;
  const value = record[key];
  if (value === '') delete record[key];
  else if (Array.isArray(value)) record[key] = value.filter((item) => item !== '');
}

function mediaType(c: Context): string | undefined {
  return c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
}

/** Plain objects, `name[]` as arrays, empty file inputs left out. */
function normalize(form: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, raw] of Object.entries(form)) {
    const list = rawKey.endsWith('[]');
    const key = list ? rawKey.slice(0, -2) : rawKey;
    if (key === '__proto__') continue;
    const value = valueOf(raw);
    if (value === undefined) continue;
    if (list) {
      const known = out[key];
      const items = Array.isArray(value) ? value : [value];
      out[key] = Array.isArray(known) ? [...(known as unknown[]), ...items] : items;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function valueOf(raw: unknown): unknown {
  if (raw instanceof File) return raw.name === '' && raw.size === 0 ? undefined : raw;
  if (Array.isArray(raw)) return raw.map(valueOf).filter((item) => item !== undefined);
  if (typeof raw === 'object' && raw !== null) return normalize(raw as Record<string, unknown>);
  return raw;
}
