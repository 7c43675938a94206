import { runInDurableObject } from 'cloudflare:test';
import { stringify } from 'devalue';
import { env } from 'cloudflare:workers';
import { SocketError } from 'litflare';
import { MessageHistory } from 'litflare/durable-object';
import { createApp } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import type { EchoProtocol } from './fixtures/echo-server.js';
import { decodeFrame } from '../../src/shared/websocket/socket-frames.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';
import { asMessage, fanOut, sparseArray } from '../support/amplification.js';
import { openSocket, type TestSocket } from './fixtures/socket-client.js';

type Welcome = Extract<EchoProtocol['server'], { type: 'welcome' }>;

const app = createApp({ shell: testShell, allowOrigins: ['https://admin.example'], after: [(c) => c.header('x-after', 'ran')] });
app.websocket('/echo/:name', 'ECHO');
app.websocket('/teams/:team/boards/:board', 'ECHO', { param: 'board', names: /^[a-z]+$/ });

const viaApp = (request: Request) => send(app, request.url, request);
const newName = () => `echo-${crypto.randomUUID().slice(0, 8)}`;

async function connect(path: string, headers: Record<string, string> = {}): Promise<{ socket: TestSocket; welcome: Welcome }> {
  const socket = await openSocket(path, headers, viaApp);
  return { socket, welcome: (await socket.next()) as Welcome };
}

/**
 * An upgrade through the app, its frames as raw text (a frame that is not
 * devalue must not break the test's reading), and the close code.
 */
async function rawSocket(path: string, headers: Record<string, string> = {}) {
  const response = await send(app, path, { headers: { upgrade: 'websocket', ...headers } });
  const ws = response.webSocket;
  const texts: string[] = [];
  const waiting: ((text: string | undefined) => void)[] = [];
  const closed = new Promise<number>((resolve) => {
    if (ws === null) return resolve(0);
    ws.addEventListener('close', (event) => {
      for (const waiter of waiting.splice(0)) waiter(undefined);
      resolve(event.code);
    });
  });
  ws?.addEventListener('message', (event) => {
    const text = String(event.data);
    const waiter = waiting.shift();
    if (waiter) waiter(text);
    else texts.push(text);
  });
  ws?.accept();
  return {
    status: response.status,
    closed,
    frames: {
      /** The next text frame, or undefined once the socket closed. */
      next: () => (texts.length > 0 ? Promise.resolve(texts.shift()) : new Promise<string | undefined>((resolve) => waiting.push(resolve))),
      close: () => ws?.close(1000, 'done'),
    },
  };
}

describe('app.websocket()', () => {
  it('routes the upgrade to the object named by the path parameter; after hooks run and the 101 stands', async () => {
    const name = newName();
    const response = await send(app, `/echo/${name}`, { headers: { upgrade: 'websocket' } });
    expect(response.status).toBe(101);
    expect(response.headers.get('x-after')).toBe('ran');
    const ws = response.webSocket!;
    ws.accept();
    ws.close();
    expect(await runInDurableObject(env.ECHO.getByName(name), (instance) => instance.name)).toBe(name);
  });

  it('names the object by the parameter it is told to use, with its own name rule', async () => {
    const { socket, welcome } = await connect('/teams/one/boards/kanban');
    expect(welcome.type).toBe('welcome');
    socket.close();
    const refused = await send(app, '/teams/one/boards/Kanban-2', { headers: { upgrade: 'websocket' } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toBe('"Kanban-2" is not a valid name here: it must match /^[a-z]+$/.');
  });

  it('accepts the origins the app allows besides its own', async () => {
    const { socket } = await connect(`/echo/${newName()}`, { origin: 'https://admin.example' });
    socket.close();
    const refused = await send(app, `/echo/${newName()}`, { headers: { upgrade: 'websocket', origin: 'https://admin.example.evil' } });
    expect(refused.status).toBe(403);
  });

  it('never lets a client choose its connection id (partyserver’s _pk)', async () => {
    const name = newName();
    const ada = await connect(`/echo/${name}?_pk=chosen`);
    const bob = await connect(`/echo/${name}?_pk=chosen`);
    expect(ada.welcome.id).not.toBe('chosen');
    expect(bob.welcome.id).not.toBe(ada.welcome.id);
    ada.socket.send({ type: 'shout', text: 'hi' });
    expect(await bob.socket.next()).toEqual({ type: 'shout', text: 'hi', from: ada.welcome.id });
    await ada.socket.silence();
    ada.socket.close();
    bob.socket.close();
  });

  it('takes no x-partykit-* header from the client: the props, name and namespace of the object are the Worker’s', async () => {
    const name = newName();
    const { socket, welcome } = await connect(`/echo/${name}`, {
      'x-partykit-props': btoa(JSON.stringify({ role: 'admin' })),
      'x-partykit-room': 'someone-elses-room',
      'x-partykit-namespace': 'OTHER',
    });
    expect(welcome.type).toBe('welcome');
    socket.close();
    const seen = await runInDurableObject(env.ECHO.getByName(name), (instance) => ({ name: instance.name, props: instance.startedWith }));
    expect(seen).toEqual({ name, props: undefined });
  });

  it('opens the connection whatever a client puts in x-partykit-props (a malformed one would fail the upgrade)', async () => {
    const { status, frames, closed } = await rawSocket(`/echo/${newName()}`, { 'x-partykit-props': '{not json' });
    expect(status).toBe(101);
    expect(decodeFrame((await frames.next()) ?? '')).toMatchObject({ type: 'welcome' });
    frames.close();
    expect(await closed).toBe(1000);
  });

  it('fails at registration, naming the route, when the path cannot name an object', () => {
    expect(() => createApp().websocket('/ws', 'ECHO')).toThrow(
      'litflare: app.websocket("/ws"): the Durable Object is named by a path parameter; add one, e.g. "/ws/:room".',
    );
    expect(() => createApp().websocket('/ws/:team/:room', 'ECHO')).toThrow(
      `litflare: app.websocket("/ws/:team/:room"): the Durable Object is named by a path parameter; the path has 2, so say which: { param: 'team' }.`,
    );
    expect(() => createApp().websocket('/ws/:room', 'ECHO', { param: 'board' })).toThrow(
      'litflare: app.websocket("/ws/:room"): the path has no :board parameter to name the Durable Object.',
    );
  });
});

describe('SocketServer', () => {
  it('tags connections, and publishes to a tag only', async () => {
    const name = newName();
    const red = await connect(`/echo/${name}?tag=red`);
    const blue = await connect(`/echo/${name}?tag=blue&tag=team`);
    expect(red.welcome.tags).toEqual([red.welcome.id, 'red']);
    expect(blue.welcome.tags).toEqual([blue.welcome.id, 'blue', 'team']);
    red.socket.send({ type: 'tagged', tag: 'blue', text: 'blues only' });
    expect(await blue.socket.next()).toEqual({ type: 'shout', text: 'blues only', from: red.welcome.id });
    await red.socket.silence();
    red.socket.close();
    blue.socket.close();
  });

  it('round-trips devalue types both ways', async () => {
    const { socket } = await connect(`/echo/${newName()}`);
    const value = { at: new Date(0), tags: new Set(['a']), counts: new Map([['x', 1n]]), nothing: undefined, url: new URL('https://a.example/') };
    socket.send({ type: 'echo', value });
    expect(await socket.next()).toEqual({ type: 'echo', value });
    socket.close();
  });

  it('sends a SocketError thrown by receive() to that client, data and all; the connection stays', async () => {
    const { socket } = await connect(`/echo/${newName()}`);
    socket.send({ type: 'refuse' });
    const error = (await socket.next()) as SocketError;
    expect(error).toBeInstanceOf(SocketError);
    expect([error.message, error.data]).toEqual(['Refused on purpose', { reason: 'test' }]);
    socket.send({ type: 'echo', value: 1 });
    expect(await socket.next()).toEqual({ type: 'echo', value: 1 });
    socket.close();
  });

  it('answers any other exception in receive() with "Internal error" (the message only in development)', async () => {
    const { socket } = await connect(`/echo/${newName()}`);
    socket.send({ type: 'crash' });
    const error = (await socket.next()) as SocketError;
    expect(error).toBeInstanceOf(SocketError);
    expect(error.message).toBe(import.meta.env.DEV ? 'Internal error: receive exploded' : 'Internal error');
    socket.send({ type: 'echo', value: 2 });
    expect(await socket.next()).toEqual({ type: 'echo', value: 2 });
    socket.close();
  });

  it('answers an exception in onConnect with an error frame and close 1011, never with the stack', async () => {
    const socket = await openSocket(`/echo/${newName()}?fail=connect`, {}, viaApp);
    const error = (await socket.next()) as SocketError;
    expect(error).toBeInstanceOf(SocketError);
    expect(error.message).toMatch(/^Internal error/);
    expect(error.message).not.toContain('    at ');
    expect(await socket.closed).toEqual({ code: 1011, reason: 'The server could not set up this connection' });
  });

  it('answers a failure in partyserver’s own upgrade steps (before onConnect) with "Internal error" and 1011, never the stack', async () => {
    const { status, frames, closed } = await rawSocket(`/echo/${newName()}?fail=tags`);
    expect(status).toBe(101);
    const frame = (await frames.next()) ?? '';
    expect(frame).not.toMatch(/ at |\.ts|\.js|exploded/);
    const error = decodeFrame(frame) as SocketError;
    expect(error).toBeInstanceOf(SocketError);
    expect(error.message).toBe('Internal error');
    expect(await closed).toBe(1011);
  });

  it('measures the size limit in UTF-8 bytes: at the limit passes, one byte over closes with 1009', async () => {
    const { socket } = await connect(`/echo/${newName()}`);
    // The fixture's limit is 1024 bytes; the frame is devalue text around the string.
    const frame = (text: string) => `[{"type":1,"value":2},"echo",${JSON.stringify(text)}]`;
    const fill = 'é'.repeat((1024 - frame('').length) / 2);
    socket.sendRaw(frame(fill));
    expect(await socket.next()).toEqual({ type: 'echo', value: fill });
    socket.sendRaw(frame(`${fill}x`));
    expect(await socket.closed).toEqual({ code: 1009, reason: 'Message too big: the limit is 1024 bytes' });
  });
});

describe('SocketServer bounds the work of a message by its size', () => {
  /** Sends a raw frame; the next frame back and how long it took (the Durable Object runs in this isolate). */
  async function exchange(socket: TestSocket, frame: string): Promise<{ answer: unknown; ms: number }> {
    const started = performance.now();
    socket.sendRaw(frame);
    const answer = await socket.next();
    return { answer, ms: performance.now() - started };
  }
  const tooLarge = (limit: number) =>
    `The message is larger than ${limit} written out in full, counting every shared reference, array slot (holes too) and character (the limit is maxMessageSize).`;

  it('a sparse array of up to 2³²−1 slots, shared-reference fan-out, deep nesting: an error frame in well under 50 ms; the connection stays', async () => {
    const { socket } = await connect(`/echo/${newName()}`);
    socket.send({ type: 'json', value: [1] });
    expect(await socket.next()).toEqual({ type: 'json', length: 3 });
    const refused = [
      ...[10_000_000, 2 ** 32 - 1].map((length) => [asMessage('json', sparseArray(length)), tooLarge(1024)] as const),
      ...[22, 40].map((levels) => [asMessage('json', fanOut(levels)), tooLarge(1024)] as const),
      [stringify({ type: 'json', value: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) as unknown }), 'The message nests more than 64 levels deep.'] as const,
    ];
    for (const [frame, message] of refused) {
      expect(frame.length).toBeLessThan(1024);
      const { answer, ms } = await exchange(socket, frame);
      expect(answer).toBeInstanceOf(SocketError);
      expect((answer as SocketError).message).toBe(message);
      expect(ms).toBeLessThan(50);
    }
    socket.send({ type: 'json', value: { a: [1, 2] } });
    expect(await socket.next()).toEqual({ type: 'json', length: JSON.stringify({ a: [1, 2] }).length });
    socket.close();
  });

  it('counts a shared value each time it is used, against maxMessageSize (by default maxMessageBytes)', async () => {
    const { socket } = await connect(`/echo/${newName()}`);
    // { type, value: [s, s] }: the object 1 + its keys 9, "echo" 5, the array 1, s twice (1 + its length each).
    const twice = (length: number) => {
      const text = 'x'.repeat(length);
      return { type: 'echo' as const, value: [text, text] };
    };
    socket.send(twice(503));
    expect(await socket.next()).toEqual(twice(503));
    socket.send(twice(504));
    const error = (await socket.next()) as SocketError;
    expect(error).toBeInstanceOf(SocketError);
    expect(error.message).toBe(tooLarge(1024));
    socket.close();
  });
});

describe('MessageHistory', () => {
  it('keeps the last `keep` entries in SQLite, oldest first, as devalue', async () => {
    const stub = env.CHAT.getByName(newName());
    const recent = await runInDurableObject(stub, (_instance, state) => {
      const history = new MessageHistory<{ n: number; at: Date }>(state.storage, { table: 'probe', keep: 3 });
      const ids = [1, 2, 3, 4, 5].map((n) => history.append({ n, at: new Date(n) }));
      expect(ids).toEqual([1, 2, 3, 4, 5]);
      const again = new MessageHistory<{ n: number; at: Date }>(state.storage, { table: 'probe', keep: 3 });
      return { all: again.recent(), two: again.recent(2), none: again.recent(0) };
    });
    expect(recent.all).toEqual([3, 4, 5].map((n) => ({ n, at: new Date(n) })));
    expect(recent.two.map((entry) => entry.n)).toEqual([4, 5]);
    expect(recent.none).toEqual([]);
  });

  it('rejects bad options with errors that say what is wrong', async () => {
    await runInDurableObject(env.CHAT.getByName(newName()), (_instance, state) => {
      expect(() => new MessageHistory(state.storage, { table: 'x; DROP TABLE y' })).toThrow(
        'litflare: MessageHistory: table "x; DROP TABLE y" is not a plain SQL name (letters, digits, _).',
      );
      expect(() => new MessageHistory(state.storage, { keep: 0 })).toThrow(
        'litflare: MessageHistory: keep must be a whole number of at least 1, not 0.',
      );
      expect(() => new MessageHistory(state.storage).recent(-1)).toThrow(
        'litflare: MessageHistory.recent(): limit must be a whole number of at least 0, not -1.',
      );
    });
  });

  it('explains that it needs a SQLite-backed Durable Object', async () => {
    await runInDurableObject(env.ECHO.getByName(newName()), (_instance, state) => {
      expect(() => new MessageHistory(state.storage)).toThrow(
        /^litflare: MessageHistory needs a SQLite-backed Durable Object. List its class under new_sqlite_classes in wrangler.toml:\n\n\[\[migrations\]\]/,
      );
    });
  });
});
