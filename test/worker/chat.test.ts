import { runInDurableObject } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { parse } from 'devalue';
import { SocketError } from 'litflare';
import { testClient, type TestSocket as TypedSocket } from 'litflare/test';
import { stringify } from 'devalue';
import { describe, expect, it } from 'vitest';
import type { ChatProtocol } from '../../components/chat-types.js';
import { signIn } from '../../worker/auth.server.js';
import { openSocket, ORIGIN, type TestSocket } from './fixtures/socket-client.js';

type ServerMessage = ChatProtocol['server'];

/** A room no other test uses. */
const newRoom = () => `room-${crypto.randomUUID().slice(0, 8)}`;

/**
 * Connects to the demo chat, reads the two frames every connection starts
 * with, and joins as `name` if given, waiting for the room to list it.
 *
 * Each step waits for the room's answer: vitest-pool-workers delivers each
 * event to a Durable Object after an asynchronous import, so messages sent
 * back to back may reach it out of order in the tests (the built Worker keeps
 * their order; the e2e tests check that).
 */
async function join(room: string, name?: string): Promise<{ socket: TestSocket; history: ServerMessage }> {
  const socket = await openSocket(`/ws/${room}`);
  const history = (await socket.next()) as ServerMessage;
  expect(await socket.next()).toMatchObject({ type: 'presence' });
  if (name !== undefined) {
    socket.send({ type: 'join', name });
    while (!(await nextOf(socket, 'presence')).names.includes(name));
  }
  return { socket, history };
}

/** Reads frames until one of `type` arrives. */
async function nextOf<T extends ServerMessage['type']>(socket: TestSocket, type: T): Promise<Extract<ServerMessage, { type: T }>> {
  for (;;) {
    const frame = (await socket.next()) as ServerMessage;
    if (frame.type === type) return frame as Extract<ServerMessage, { type: T }>;
  }
}

describe('the demo chat over WebSockets (Durable Object CHAT)', () => {
  it('lets two clients in a room exchange messages, typed and with dates intact', async () => {
    const room = newRoom();
    const ada = (await join(room, 'ada')).socket;
    const bob = (await join(room, 'bob')).socket;
    expect(await nextOf(ada, 'presence')).toEqual({ type: 'presence', names: ['ada', 'bob'] });

    ada.send({ type: 'say', text: 'hello bob' });
    const seenByBob = await nextOf(bob, 'message');
    expect(seenByBob.message).toMatchObject({ author: 'ada', text: 'hello bob' });
    expect(seenByBob.message.at).toBeInstanceOf(Date);
    expect(await nextOf(ada, 'message')).toEqual(seenByBob);

    bob.send({ type: 'say', text: '  hi ada  ' });
    expect((await nextOf(ada, 'message')).message).toMatchObject({ author: 'bob', text: 'hi ada' });

    bob.close();
    expect(await nextOf(ada, 'presence')).toEqual({ type: 'presence', names: ['ada'] });
    ada.close();
  });

  it('keeps rooms apart', async () => {
    const [one, two] = [newRoom(), newRoom()];
    const ada = (await join(one, 'ada')).socket;
    const bob = (await join(two, 'bob')).socket;
    ada.send({ type: 'say', text: 'only for room one' });
    await nextOf(ada, 'message');
    await bob.silence();
    ada.close();
    bob.close();
  });

  it('keeps the history in the room’s storage: a client that reconnects gets it', async () => {
    const room = newRoom();
    const first = (await join(room, 'ada')).socket;
    first.send({ type: 'say', text: 'one' });
    await nextOf(first, 'message');
    first.send({ type: 'say', text: 'two' });
    await nextOf(first, 'message');
    first.close();
    await first.closed;

    const { socket: again, history } = await join(room);
    expect(history.type).toBe('history');
    const messages = history.type === 'history' ? history.messages : [];
    expect(messages.map(({ author, text }) => ({ author, text }))).toEqual([
      { author: 'ada', text: 'one' },
      { author: 'ada', text: 'two' },
    ]);
    expect(messages[0]?.at).toBeInstanceOf(Date);
    again.close();
  });

  it('renders the chat page with the room’s history, and hands it to the browser for hydration', async () => {
    const room = newRoom();
    const ada = (await join(room, 'ada')).socket;
    ada.send({ type: 'say', text: 'rendered <b>on</b> the server' });
    await nextOf(ada, 'message');
    ada.close();

    const response = await exports.default.fetch(new Request(`${ORIGIN}/chat/${room}`));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<title>#${room} — litflare chat</title>`);
    expect(html).toMatch(/<chat-room\s+room="room-[\w-]+" data-lf-props><template shadowroot="open"/);
    expect(html).toContain('<span class="author"><!--lit-part-->ada<!--/lit-part--></span>');
    expect(html).toContain('rendered &lt;b&gt;on&lt;/b&gt; the server');
    // The history travels in the hydration data, as data: nothing in it can end its <script>.
    const scripts = [...html.matchAll(/<script type="application\/litflare\+devalue">([^]*?)<\/script>/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).not.toContain('<');
    const carried = JSON.stringify(scripts.map((script) => parse(script) as unknown), (_, value: unknown) =>
      value instanceof Map ? [...value] : value instanceof Date ? value.toISOString() : value,
    );
    expect(carried).toContain('rendered <b>on</b> the server');
  });

  it('answers the chat page for a malformed room name with 400', async () => {
    const response = await exports.default.fetch(new Request(`${ORIGIN}/chat/Not%20a%20room`));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('is not a room name');
  });

  it('keeps each connection’s state and props in its attachment: they survive hibernation (a fresh object instance)', async () => {
    const room = newRoom();
    const ada = (await join(room, 'ada')).socket;
    const grace = await signedIn('Grace Asleep', room);
    const stub = env.CHAT.getByName(room);
    const before = await runInDurableObject(stub, (instance) => instance);
    // workerd evicts an object 10 s after its last event; hibernatable sockets stay open.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    ada.send({ type: 'say', text: 'still me?' });
    expect((await nextOf(ada, 'message')).message).toMatchObject({ author: 'ada', text: 'still me?', signedIn: false });
    grace.send({ type: 'say', text: 'still signed in?' });
    let seen = await typedNextOf(grace, 'message');
    while (seen.message.text !== 'still signed in?') seen = await typedNextOf(grace, 'message');
    expect(seen.message).toMatchObject({ author: 'Grace Asleep', signedIn: true });
    const after = await runInDurableObject(stub, (instance) => instance);
    expect(after, 'the object was not evicted, so this proves nothing').not.toBe(before);
    ada.close();
    grace.close();
  }, 20_000);
});

/** Signs in as `name` (the demo's signIn) and opens `room` with that session, past its history and presence. */
async function signedIn(name: string, room: string): Promise<TypedSocket<ChatProtocol>> {
  const visitor = testClient();
  await visitor.call(signIn, { name });
  const socket = await visitor.socket<ChatProtocol>(`/ws/${room}`);
  expect(await socket.next()).toMatchObject({ type: 'history' });
  expect(await typedNextOf(socket, 'presence')).toMatchObject({ names: expect.arrayContaining([name]) });
  return socket;
}

async function typedNextOf<T extends ServerMessage['type']>(socket: TypedSocket<ChatProtocol>, type: T): Promise<Extract<ServerMessage, { type: T }>> {
  for (;;) {
    const frame = await socket.next();
    if (frame.type === type) return frame as Extract<ServerMessage, { type: T }>;
  }
}

describe('who writes in the demo chat', () => {
  it('a signed-in visitor writes under the name of their session: a name their client sends is not used', async () => {
    const room = newRoom();
    const bob = (await join(room, 'bob')).socket;
    const grace = await signedIn('Grace', room);
    // The room listed her as soon as she connected, before any join.
    expect(await nextOf(bob, 'presence')).toEqual({ type: 'presence', names: ['Grace', 'bob'] });
    // A hand-written client tries to pass itself off as someone else.
    grace.send({ type: 'join', name: 'Mallory' });
    grace.send({ type: 'say', text: 'who am I?' });
    const seen = await nextOf(bob, 'message');
    expect(seen.message).toMatchObject({ author: 'Grace', text: 'who am I?', signedIn: true });
    grace.close();
    expect(await nextOf(bob, 'presence')).toEqual({ type: 'presence', names: ['bob'] });
    bob.close();
  });

  it('a guest may choose any name, a signed-in one too, and their messages say they come from a guest', async () => {
    const room = newRoom();
    const guest = (await join(room, 'Grace')).socket;
    guest.send({ type: 'say', text: 'trust me' });
    expect((await nextOf(guest, 'message')).message).toMatchObject({ author: 'Grace', signedIn: false });
    guest.close();
  });

  it('takes no props from the client: a forged x-litflare-props header signs nobody in', async () => {
    const forged = { 'x-litflare-props': encodeURIComponent(stringify({ user: 'Grace' })) };
    const socket = await openSocket(`/ws/${newRoom()}`, forged);
    expect(await socket.next()).toMatchObject({ type: 'history' });
    expect(await socket.next()).toEqual({ type: 'presence', names: [] });
    socket.send({ type: 'say', text: 'as Grace?' });
    expect(await socket.next()).toEqual(new SocketError('Choose a name before you write.'));
    socket.close();
  });
});

describe('bad input on the chat socket', () => {
  it('answers a request that is not an upgrade with 426 and Upgrade: websocket', async () => {
    const response = await exports.default.fetch(new Request(`${ORIGIN}/ws/lobby`));
    expect(response.status).toBe(426);
    expect(response.headers.get('upgrade')).toBe('websocket');
    expect(await response.text()).toBe('/ws/lobby is a WebSocket endpoint: connect with a WebSocket (Upgrade: websocket).');
  });

  it('refuses a cross-origin upgrade with 403, and accepts the app’s own origin', async () => {
    const refused = await exports.default.fetch(
      new Request(`${ORIGIN}/ws/lobby`, { headers: { upgrade: 'websocket', origin: 'https://evil.example' } }),
    );
    expect(refused.status).toBe(403);
    expect(refused.webSocket).toBeNull();
    expect(await refused.text()).toBe('Cross-origin WebSocket refused.');
    const crossSite = await exports.default.fetch(
      new Request(`${ORIGIN}/ws/lobby`, { headers: { upgrade: 'websocket', 'sec-fetch-site': 'cross-site' } }),
    );
    expect(crossSite.status).toBe(403);
    const own = await openSocket('/ws/lobby', { origin: ORIGIN });
    expect(await own.next()).toMatchObject({ type: 'history' });
    own.close();
  });

  it('answers a malformed room name with 400 before any object exists', async () => {
    for (const name of ['UPPER', 'a'.repeat(33), 'dots.and.slashes', 'sp%20ace']) {
      const response = await exports.default.fetch(new Request(`${ORIGIN}/ws/${name}`, { headers: { upgrade: 'websocket' } }));
      expect(response.status, name).toBe(400);
      expect(await response.text()).toMatch(/is not a valid name here: it must match \/\^\[a-z0-9-\]\{1,32\}\$\//);
    }
  });

  it('answers an undecodable message with an error frame to that client only, and keeps the connection', async () => {
    const room = newRoom();
    const ada = (await join(room, 'ada')).socket;
    const bob = (await join(room, 'bob')).socket;
    await nextOf(ada, 'presence');

    ada.sendRaw('{not devalue');
    const error = await ada.next();
    expect(error).toBeInstanceOf(SocketError);
    expect((error as SocketError).message).toMatch(/^Undecodable message \(not devalue\): /);
    await bob.silence();

    ada.send({ type: 'say', text: 'still here' });
    expect((await nextOf(bob, 'message')).message.text).toBe('still here');
    ada.close();
    bob.close();
  });

  it('answers a binary frame, an invalid message and a message before joining with error frames', async () => {
    const room = newRoom();
    const { socket } = await join(room);
    socket.sendRaw(new TextEncoder().encode('["hi"]').buffer as ArrayBuffer);
    expect(await socket.next()).toEqual(new SocketError('Binary messages are not accepted: send devalue text.'));

    socket.send({ type: 'say', text: 'anyone?' });
    expect(await socket.next()).toEqual(new SocketError('Choose a name before you write.'));

    socket.send({ type: 'join', name: '   ' });
    const invalid = (await socket.next()) as SocketError;
    expect(invalid).toBeInstanceOf(SocketError);
    expect(invalid.message).toBe('Invalid message');
    expect(invalid.data).toEqual({ issues: [{ message: 'Write something first.', path: ['name'] }] });

    socket.send({ type: 'dance' });
    expect(((await socket.next()) as SocketError).message).toBe('Invalid message');
    socket.close();
  });

  it('closes a connection that sends a message over the size limit with 1009; the others stay', async () => {
    const room = newRoom();
    const ada = (await join(room, 'ada')).socket;
    const bob = (await join(room, 'bob')).socket;
    await nextOf(ada, 'presence');

    // 4096 bytes is the room's limit; in UTF-8 each "é" is two bytes.
    ada.send({ type: 'say', text: 'é'.repeat(2100) });
    expect(await ada.closed).toEqual({ code: 1009, reason: 'Message too big: the limit is 4096 bytes' });
    expect(await nextOf(bob, 'presence')).toEqual({ type: 'presence', names: ['bob'] });
    bob.send({ type: 'say', text: 'é'.repeat(500) });
    expect((await nextOf(bob, 'message')).message.author).toBe('bob');
    bob.close();
  });
});
