/// <reference types="mocha" />
import { expect } from 'chai';
import { LitElement, html } from 'lit';
import { SocketError, type SocketProtocol } from 'litflare';
import { connectSocket, SocketController, type SocketStatus } from 'litflare/socket';
import { socketUrl } from '../../src/socket/socket-url.js';
import { deep, hydrate, loadServerPage } from './support/ssr.js';

/** Resolves when `check` holds, polling; fails after `ms`. */
async function until(check: () => boolean, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** How the test server saw the connections made with `key` close (waits for the first). */
async function closeCodes(key: string): Promise<number[]> {
  const deadline = Date.now() + 4000;
  for (;;) {
    const codes = (await (await fetch(`/__ws/log?key=${key}`)).json()) as number[];
    if (codes.length > 0 || Date.now() > deadline) return codes;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface EchoProtocol extends SocketProtocol {
  client: { at: Date; tags: Set<string> };
  server: { at: Date; tags: Set<string> };
}

describe('connectSocket', () => {
  it('sends and receives typed devalue messages, and reports its status', async () => {
    const received: EchoProtocol['server'][] = [];
    const statuses: SocketStatus[] = [];
    const socket = connectSocket<EchoProtocol>('/__ws/echo', { onMessage: (m) => received.push(m), onStatus: (s) => statuses.push(s) });
    expect(socket.status).to.equal('connecting');
    // Sent before the connection opens: it waits for it.
    expect(socket.send({ at: new Date(5), tags: new Set(['a']) })).to.equal(false);
    await until(() => received.length === 1);
    expect(received[0]!.at).to.be.instanceOf(Date);
    expect(received[0]!.at.getTime()).to.equal(5);
    expect([...received[0]!.tags]).to.deep.equal(['a']);
    expect(socket.send({ at: new Date(6), tags: new Set() })).to.equal(true);
    socket.close();
    expect(statuses).to.deep.equal(['open', 'closed']);
    expect(() => socket.send({ at: new Date(), tags: new Set() })).to.throw(
      'litflare: send() on a closed socket; open a new one with connectSocket().',
    );
  });

  it('hands error frames, binary frames and frames that are not devalue to onError, never to onMessage', async () => {
    const errors: SocketError[] = [];
    const messages: unknown[] = [];
    const socket = connectSocket('/__ws/frames', { onError: (e) => errors.push(e), onMessage: (m) => messages.push(m) });
    await until(() => messages.length === 1);
    expect(messages).to.deep.equal([{ after: 'errors' }]);
    expect(errors.map((error) => error instanceof SocketError)).to.deep.equal([true, true, true]);
    expect(errors[0]!.message).to.equal('Refused');
    expect(errors[0]!.data).to.deep.equal({ why: 'test' });
    expect(errors[1]!.message).to.equal('The server sent a binary frame; litflare sockets speak devalue text.');
    expect(errors[2]!.message).to.match(/^The server sent a frame that is not devalue: /);
    expect(socket.status).to.equal('open');
    socket.close();
  });

  it('reconnects with a delay after the server drops the connection, and delivers what was sent meanwhile', async () => {
    const connections: { connection: number; at: number }[] = [];
    const statuses: SocketStatus[] = [];
    const socket = connectSocket<{ client: string; server: { connection: number; at: number } }>('/__ws/drop', {
      onMessage: (m) => connections.push(m),
      onStatus: (s) => statuses.push(s),
      reconnect: { minDelay: 200, maxDelay: 1000 },
    });
    await until(() => connections.length === 1);
    socket.send('drop me');
    await until(() => connections.length === 2);
    expect(connections[1]!.connection).to.equal(connections[0]!.connection + 1);
    // The first retry waits between minDelay and 1.5 × minDelay.
    expect(connections[1]!.at - connections[0]!.at).to.be.at.least(200);
    expect(statuses).to.deep.equal(['open', 'connecting', 'open']);
    socket.close();
  });
});

interface LiveProtocol extends SocketProtocol {
  client: string;
  server: string;
}

class LiveProbe extends LitElement {
  key = '';
  readonly socket = new SocketController<LiveProtocol>(this, () => `/__ws/echo?key=${this.key}`, {
    onMessage: (message) => (this.last = message),
  });
  last = '';
  override render() {
    return html`<p>${this.socket.status}</p><q>${this.last}</q>`;
  }
}
customElements.define('live-probe', LiveProbe);

describe('SocketController', () => {
  it('connects with its element, re-renders on status and messages, and closes cleanly (1000) when it leaves', async () => {
    const key = crypto.randomUUID();
    const probe = document.createElement('live-probe') as LiveProbe;
    probe.key = key;
    expect(() => probe.socket.send('too early')).to.throw(
      'litflare: SocketController.send() while its element is not connected (or during server rendering).',
    );
    document.body.append(probe);
    await until(() => probe.shadowRoot?.querySelector('p')?.textContent === 'open');
    probe.socket.send('ping');
    await until(() => probe.shadowRoot?.querySelector('q')?.textContent === 'ping');
    probe.remove();
    expect(probe.socket.status).to.equal('closed');
    expect(await closeCodes(key)).to.deep.equal([1000]);
    expect(() => probe.socket.send('too late')).to.throw(/while its element is not connected/);
  });
});

describe('SocketController, rendered on the server', () => {
  it('renders `connecting`, which the browser renders first too: a template per status hydrates, then goes live', async () => {
    const frame = await loadServerPage('socketBadge');
    const badge = deep(frame.contentDocument!, 'socket-badge');
    expect(badge.shadowRoot!.innerHTML).to.contain('<i>connecting…</i>');
    const win = await hydrate(frame, '/test/browser/fixtures/client-entry-socket.ts');
    expect(win.litflareLogged).to.deep.equal([]);
    await until(() => badge.shadowRoot!.querySelector('strong')?.textContent === 'live');
    expect(badge.shadowRoot!.querySelectorAll('i, em')).to.have.length(0);
    frame.remove();
  });
});

describe('socketUrl', () => {
  it('resolves a path against the page: ws: for http:', () => {
    expect(socketUrl('/ws/lobby')).to.equal(`ws://${location.host}/ws/lobby`);
  });
});
