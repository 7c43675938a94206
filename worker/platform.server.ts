import { d1, kv, queue, r2, serverFn } from 'litflare/worker';
import * as v from 'valibot';
import type { CronRun, Job, StoredFile } from '../components/platform-types.js';

/** A job message on the demo's queue. */
export interface JobMessage {
  id: string;
  text: string;
}

const COUNTER_KEY = 'demo:counter';
const MAX_UPLOAD = 256 * 1024;
/** The keys uploadFile gives files: a time in base 36, a dash, 8 hex digits. */
const FILE_KEY = /^[0-9a-z]{1,12}-[0-9a-f]{8}$/;
/**
 * A media type (`type/subtype`, parameters allowed) or nothing: printable
 * ASCII only, so no CR or LF can reach the header R2 serves it in.
 */
const MEDIA_TYPE = /^(?:[\w!#$&^.+-]+\/[\w!#$&^.+-]+(?: *;[\x20-\x7e]*)?)?$/;

/** The KV-backed counter's value. */
export async function counterValue(): Promise<number> {
  return Number((await kv('CACHE').get(COUNTER_KEY)) ?? 0);
}

/** Adds one to the KV-backed counter (read, add, write: KV has no atomic increment). A form action: a button in a form. */
export const bumpCounter = serverFn({ form: true, input: v.optional(v.object({})) }, async (): Promise<number> => {
  const next = (await counterValue()) + 1;
  await kv('CACHE').put(COUNTER_KEY, String(next));
  return next;
});

/**
 * Stores a file in R2: a form action, so the file arrives as a `File` in a
 * multipart body (a form posted without JavaScript, or its FormData sent
 * through RPC).
 */
export const uploadFile = serverFn(
  {
    form: true,
    input: v.object({
      file: v.pipe(
        v.instance(File, 'Choose a file.'),
        v.check((file) => file.name.trim().length > 0, 'A file needs a name.'),
        v.check((file) => file.name.length <= 120, 'File names are at most 120 characters.'),
        v.check((file) => /^\P{Cc}+$/u.test(file.name), 'File names cannot hold control characters.'),
        // What the browser says: empty when it does not know.
        v.check((file) => file.type.length <= 100, 'The file type is too long.'),
        v.check((file) => MEDIA_TYPE.test(file.type), 'The file type is not a media type.'),
        v.check((file) => file.size <= MAX_UPLOAD, 'Files may be up to 256 KB.'),
      ),
      // A form whose file input was left empty sends no file: the object's message is the missing key's.
    }, 'Choose a file.'),
  },
  async ({ file }): Promise<StoredFile> => {
    const name = file.name.trim();
    const type = file.type;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const key = `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
    const object = await r2('UPLOADS').put(key, bytes, {
      httpMetadata: { contentType: type || 'application/octet-stream' },
      customMetadata: { name },
    });
    return { key, name, size: object.size, type: type || 'application/octet-stream', uploaded: object.uploaded };
  },
);

/** The files in R2, newest first. */
export async function listFiles(): Promise<StoredFile[]> {
  const { objects } = await r2('UPLOADS').list({ include: ['httpMetadata', 'customMetadata'] });
  return objects
    .map((object) => ({
      key: object.key,
      name: object.customMetadata?.name ?? object.key,
      size: object.size,
      type: object.httpMetadata?.contentType ?? 'application/octet-stream',
      uploaded: object.uploaded,
    }))
    .sort((a, b) => b.uploaded.getTime() - a.uploaded.getTime());
}

/** Deletes a file from R2. */
export const deleteFile = serverFn({ form: true, input: v.object({ key: v.pipe(v.string(), v.regex(FILE_KEY, 'That is not the key of a file.')) }) }, async ({ key }): Promise<string> => {
  await r2('UPLOADS').delete(key);
  return key;
});

/** Sends a job to the queue; the consumer (worker/index.ts) processes it and records the result. */
export const enqueueJob = serverFn(
  {
    form: true, input: v.object({ text: v.pipe(v.string(), v.trim(), v.minLength(1, 'Write something to send.'), v.maxLength(200)) }) },
  async ({ text }): Promise<Job> => {
    const job: JobMessage = { id: crypto.randomUUID(), text };
    const queuedAt = Date.now();
    await d1('DB').prepare('INSERT INTO jobs (id, text, queued_at) VALUES (?, ?, ?)').bind(job.id, text, queuedAt).run();
    await queue('TASKS').send(job);
    return { id: job.id, text, result: null, queuedAt: new Date(queuedAt), processedAt: null, attempts: 0 };
  },
);

interface JobRow {
  id: string;
  text: string;
  result: string | null;
  queued_at: number;
  processed_at: number | null;
  attempts: number;
}

/** The latest jobs and their state. */
export async function listJobs(): Promise<Job[]> {
  const { results } = await d1('DB').prepare('SELECT * FROM jobs ORDER BY queued_at DESC LIMIT 10').all<JobRow>();
  return results.map((row) => ({
    id: row.id,
    text: row.text,
    result: row.result,
    queuedAt: new Date(row.queued_at),
    processedAt: row.processed_at === null ? null : new Date(row.processed_at),
    attempts: row.attempts,
  }));
}

/** The latest rows the cron trigger wrote. */
export async function cronRuns(): Promise<CronRun[]> {
  const { results } = await d1('DB')
    .prepare('SELECT cron, ran_at FROM cron_runs ORDER BY id DESC LIMIT 5')
    .all<{ cron: string; ran_at: number }>();
  return results.map((row) => ({ cron: row.cron, ranAt: new Date(row.ran_at) }));
}
