import { parse, stringify } from 'devalue';
import { ServerError, serverFnMeta, withRpc } from 'litflare';
import { createApp } from 'litflare/worker';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as fns from './fixtures/rpc.server.js';
import { proxyFor, useApp, type SeenRequest } from './fixtures/rpc-client.js';
import { testShell } from './fixtures/shell.js';

const app = createApp({ shell: testShell, dev: false });
let requests: SeenRequest[];
beforeAll(() => {
  requests = useApp(app);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('calling server functions through the browser proxy', () => {
  it('round-trips every type devalue supports', async () => {
    const cyclic: { self?: unknown; name: string } = { name: 'loop' };
    cyclic.self = cyclic;
    const shared = { n: 1 };
    const values = [
      new Date(Date.UTC(2024, 1, 29, 12)),
      new Map<unknown, unknown>([['a', 1], [2, { b: [3] }]]),
      new Set(['x', 'y']),
      123456789012345678901234567890n,
      new URL('https://example.com/a?b=c#d'),
      /litflare\s+rocks/gi,
      new Uint8Array([1, 2, 255]),
      new Float64Array([0.5, -1e300]),
      undefined,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      [shared, shared],
      cyclic,
      'unicode ✓ \u2028 </script>',
    ];
    const echoed = await proxyFor(fns.echo)(...values);
    expect(echoed).toEqual(values);
    const [, , , , , , , , undef, negZero, nan, , repeated, loop] = echoed;
    expect(undef).toBeUndefined();
    expect(Object.is(negZero, -0)).toBe(true);
    expect(Number.isNaN(nan)).toBe(true);
    expect((repeated as object[])[0]).toBe((repeated as object[])[1]);
    expect((loop as { self: unknown }).self).toBe(loop);
  });

  it('sends POST with a devalue body, and gets the result back', async () => {
    expect(await proxyFor(fns.add)(2, 40)).toBe(42);
    const request = requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toBe('application/x-litflare+json');
    expect(new URL(request.url).pathname).toBe(`/_lf/rpc/${serverFnMeta(fns.add)!.id}`);
  });

  it('calls a cacheable function with GET, arguments in the query, and its Cache-Control', async () => {
    const seen: Response[] = [];
    const getItem = proxyFor(fns.getItem);
    expect(await getItem(7)).toEqual({ id: 7, name: 'item 7', at: new Date(Date.UTC(2026, 0, 1)) });
    const request = requests.at(-1)!;
    expect(request.method).toBe('GET');
    expect(new URL(request.url).searchParams.get('args')).toBe('[[1],7]');
    const response = await app.request(request.url);
    seen.push(response);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('rethrows a ServerError with its status, message and data', async () => {
    const error = await proxyFor(fns.fail)('server-error').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 409, message: 'Title already taken' });
    expect((error as ServerError<{ field: string; taken: Set<string> }>).data).toEqual({ field: 'title', taken: new Set(['a']) });
  });

  it('turns any other error into a 500 with a generic message in production, and logs it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = await proxyFor(fns.fail)('crash').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, message: 'Internal Server Error' });
    expect(JSON.stringify(error)).not.toContain('hunter2');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('fail'), expect.objectContaining({ message: 'database password is hunter2' }));
  });

  it('shows the message and stack of other errors in development', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const devApp = createApp({ shell: testShell, dev: true });
    const id = serverFnMeta(fns.fail)!.id;
    const response = await devApp.request(`/_lf/rpc/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-litflare+json' },
      body: stringify(['crash']),
    });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toMatch(/Error: database password is hunter2\\n\s+at /);
    // The message alone, and the stack apart: the browser shows it in Vite's error overlay.
    expect(parse(body)).toEqual({ message: 'Error: database password is hunter2', stack: expect.stringMatching(/^Error: database password is hunter2\n\s+at /) });
  });
});

describe('validated input', () => {
  for (const [library, fn] of [
    ['zod', fns.createUserZod],
    ['valibot', fns.createUserValibot],
  ] as const) {
    it(`rejects invalid input (${library}) with a 400 carrying the issues, without running the function`, async () => {
      const before = await proxyFor(fns.callCount)();
      const error = await proxyFor(fn)({ name: 'x', age: -1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect(error).toMatchObject({ status: 400, message: 'Invalid input' });
      const issues = (error as ServerError<{ issues: { message: string; path: string[] }[] }>).data!.issues;
      expect(issues.map((issue) => issue.path)).toEqual([['name'], ['age']]);
      expect(issues.every((issue) => issue.message.length > 0)).toBe(true);
      expect(await proxyFor(fns.callCount)()).toBe(before);
      expect(await proxyFor(fn)({ name: 'Ada', age: 36 })).toBe('Ada (36)');
    });
  }
});

describe('streamed results', () => {
  it('arrive item by item and end when the generator ends', async () => {
    const items: number[] = [];
    for await (const n of proxyFor(fns.count, { generator: true })('plain', 5)) items.push(n);
    expect(items).toEqual([0, 1, 2, 3, 4]);
    expect(await proxyFor(fns.finallyRan)('plain')).toBe(true);
  });

  it('cancel the request when the caller stops iterating, so the generator’s finally runs', async () => {
    const token = `break-${Math.random()}`;
    const items: number[] = [];
    for await (const n of proxyFor(fns.count, { generator: true })(token, 1_000_000)) {
      items.push(n);
      if (n === 2) break;
    }
    expect(items).toEqual([0, 1, 2]);
    await vi.waitFor(async () => expect(await proxyFor(fns.finallyRan)(token)).toBe(true));
  });

  it('are cancelled by an AbortSignal, ending the generator on the server', async () => {
    const token = `abort-${Math.random()}`;
    const controller = new AbortController();
    const items: number[] = [];
    const iterate = async () => {
      for await (const n of withRpc({ signal: controller.signal }, () => proxyFor(fns.count, { generator: true })(token, 1_000_000, 5))) {
        items.push(n);
        if (n === 1) controller.abort();
      }
    };
    await expect(iterate()).rejects.toThrow(/abort/i);
    expect(items).toEqual([0, 1]);
    await vi.waitFor(async () => expect(await proxyFor(fns.finallyRan)(token)).toBe(true));
  });

  it('abort a plain call with an AbortSignal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(withRpc({ signal: controller.signal }, () => proxyFor(fns.add)(1, 2))).rejects.toThrow(/abort/i);
  });

  it('rethrow an error thrown mid-stream at that point of the iteration', async () => {
    const items: number[] = [];
    const error = await (async () => {
      for await (const n of proxyFor(fns.failAfter, { generator: true })(2)) items.push(n);
    })().catch((e: unknown) => e);
    expect(items).toEqual([0, 1]);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503, message: 'Feed went away', data: { after: 2 } });
  });

  it('stream a returned ReadableStream or async iterable', async () => {
    const reader = (await proxyFor(fns.letters)()).getReader();
    const letters: string[] = [];
    for (let step = await reader.read(); !step.done; step = await reader.read()) letters.push(step.value);
    expect(letters).toEqual(['a', 'b', 'c']);
    const pairs: [string, number][] = [];
    for await (const pair of await proxyFor(fns.pairs)()) pairs.push(pair);
    expect(pairs).toEqual([['one', 1], ['two', 2]]);
  });
});

describe('the types of answers', () => {
  const post = (fn: (...args: never[]) => unknown, args: unknown[]) =>
    app.request(`/_lf/rpc/${serverFnMeta(fn)!.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-litflare+json' },
      body: stringify(args),
    });

  it('are application/json for results and errors (Cloudflare compresses it), and off that list for streams', async () => {
    const result = await post(fns.add, [1, 2]);
    expect(result.headers.get('content-type')).toBe('application/json');
    expect(parse(await result.text())).toBe(3);
    const error = await post(fns.fail, ['server-error']);
    expect(error.status).toBe(409);
    expect(error.headers.get('content-type')).toBe('application/json');
    // Each frame must reach the caller as it is produced: no encoder may hold it back.
    const stream = await post(fns.count, ['types', 2]);
    expect(stream.headers.get('content-type')).toBe('text/x-litflare-stream');
    const frames = (await stream.text()).split('\n').filter((line) => line !== '');
    expect(frames.map((frame) => parse(frame))).toEqual([[0, 0], [0, 1], [2]]);
  });

  it('tell the browser proxy that JSON from something else (a hook of the app, a proxy) is not an answer', async () => {
    const guarded = createApp({ shell: testShell, dev: false, before: (c) => c.json({ error: 'signed out' }, 401) });
    useApp(guarded);
    try {
      const error = await proxyFor(fns.add)(1, 2).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect(error).toMatchObject({ status: 401, message: 'add: unexpected answer (401 application/json)' });
    } finally {
      requests = useApp(app);
    }
  });
});
