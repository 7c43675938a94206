import { readdirSync, readFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, stringify } from 'devalue';
import { Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from 'wrangler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFnId } from '../../src/vite/server-fns/ids.js';

// Compression of server function answers, on the demo's production build.
//
// Cloudflare's edge compresses a Worker's answer when its content type is on
// Cloudflare's list and the client accepts gzip or brotli. `vite preview`
// cannot show it: @cloudflare/vite-plugin asks Miniflare for
// `Accept-Encoding: identity` whatever the browser sent, so the preview answers
// every type uncompressed. Miniflare itself does what the edge does (its entry
// Worker applies Cloudflare's list), so this test runs the build the preview
// serves (dist/litflare_demo) in Miniflare directly, and reads the raw bytes
// from its HTTP port, with Node's http (which never decodes a body itself).

const root = process.cwd();
const built = join(root, 'dist/litflare_demo');
const id = (file: string, name: string) => serverFnId(root, join(root, file), name);

let mf: Miniflare;
let origin: URL;

beforeAll(async () => {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(built, 'wrangler.json'));
  mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    workers: [
      {
        ...workerOptions,
        modules: true,
        modulesRoot: built,
        scriptPath: join(built, 'index.js'),
        modulesRules: [{ type: 'ESModule', include: ['**/*.js'] }],
      },
    ],
  });
  origin = await mf.ready;
  // The demo's schema, in Miniflare's in-memory D1 (nothing is written to disk).
  const db = await mf.getD1Database('DB');
  for (const file of readdirSync(join(root, 'worker/migrations')).sort()) {
    for (const statement of unstable_splitSqlQuery(readFileSync(join(root, 'worker/migrations', file), 'utf8'))) {
      await db.prepare(statement).run();
    }
  }
});

afterAll(async () => {
  await mf?.dispose();
});

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Sends a request and resolves with the answer's bytes exactly as they came over the wire. */
function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL(path, origin), { method: init.method ?? 'GET', headers: init.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

const rpc = { 'content-type': 'application/x-litflare+json' };

describe('server function answers on Cloudflare (Miniflare’s emulation of its edge, on the production build)', () => {
  it('come gzip-compressed to a client that accepts it: a 200 KB result goes out a fraction of its size', async () => {
    const signedIn = await send(`/_lf/rpc/${id('worker/auth.server.ts', 'signIn')}`, {
      method: 'POST',
      headers: rpc,
      body: stringify([{ name: 'Big Lister' }]),
    });
    expect(signedIn.status).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']?.[0]).split(';')[0]!;
    // 1,500 todos with long titles: a result of a few hundred KB.
    const db = await mf.getD1Database('DB');
    await db
      .prepare(
        'INSERT INTO todos (owner, title, done, created_at) ' +
          'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) ' +
          "SELECT 'Big Lister', printf('%04d ', i) || ?, i % 2, ? FROM n",
      )
      .bind('a todo with a title long enough to make the list weigh what a real page of data weighs', Date.now())
      .run();
    const list = `/_lf/rpc/${id('worker/todos.server.ts', 'listTodos')}`;

    const compressed = await send(list, { headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(compressed.status).toBe(200);
    expect(compressed.headers['content-type']).toBe('application/json');
    expect(compressed.headers['content-encoding']).toBe('gzip');
    const text = gunzipSync(compressed.body).toString('utf8');
    expect(text.length).toBeGreaterThanOrEqual(200_000);
    expect(parse(text)).toHaveLength(1500);
    expect(compressed.body.length).toBeLessThan(text.length / 5);

    // The same answer to a client that does not ask for compression: as it is.
    const plain = await send(list, { headers: { cookie } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(text);
  });

  it('stream uncompressed: each frame of a streamed result reaches the caller while the stream goes on', async () => {
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = request(new URL(`/_lf/rpc/${id('worker/feed.server.ts', 'ticks')}`, origin), {
        method: 'POST',
        headers: { ...rpc, 'accept-encoding': 'gzip' },
      });
      outgoing.on('response', resolve);
      outgoing.on('error', reject);
      outgoing.end(stringify([{ intervalMs: 1000, limit: 3 }]));
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/x-litflare-stream');
    expect(response.headers['content-encoding']).toBeUndefined();
    // The first tick is written at once and the next a second later: a compressor
    // holding small writes back would deliver them together, at the end.
    const first = await new Promise<string>((resolve) => response.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))));
    const frames = first.split('\n').filter((line) => line !== '');
    expect(frames).toHaveLength(1);
    expect(parse(frames[0]!)).toEqual([0, expect.objectContaining({ n: 1 })]);
    response.destroy();
  });
});
