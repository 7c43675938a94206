import { stringify } from 'devalue';
import { WebSocketServer } from 'ws';

/** Encodes a server error frame as litflare's SocketServer does (a devalue custom type). */
class WireSocketError {
  constructor(message, data) {
    this.message = message;
    this.data = data;
  }
}
const errorFrame = (message, data) =>
  stringify(new WireSocketError(message, data), { SocketError: (value) => value instanceof WireSocketError && [value.message, value.data] });

/**
 * WebSocket endpoints for the browser tests of litflare's client socket, on
 * the test server itself (same origin):
 *   /__ws/echo     sends back every frame
 *   /__ws/frames   sends an error frame, a binary frame, a frame that is not devalue, then a message
 *   /__ws/drop     says which connection it is ({ connection: n }), and closes (4000) on any message
 * and `GET /__ws/log?key=…`: how the connections with that `key` query parameter closed.
 */
export function socketPlugin() {
  const sockets = new WebSocketServer({ noServer: true });
  const closes = new Map();
  let drops = 0;
  return {
    name: 'litflare-test-sockets',
    serverStart({ server }) {
      server.on('upgrade', (request, socket, head) => {
        const url = new URL(request.url, 'http://localhost');
        if (!url.pathname.startsWith('/__ws/')) return;
        sockets.handleUpgrade(request, socket, head, (ws) => {
          const key = url.searchParams.get('key');
          if (key !== null) ws.on('close', (code) => closes.set(key, [...(closes.get(key) ?? []), code]));
          if (url.pathname === '/__ws/echo') ws.on('message', (data, binary) => ws.send(binary ? data : data.toString()));
          else if (url.pathname === '/__ws/frames') {
            ws.send(errorFrame('Refused', { why: 'test' }));
            ws.send(Buffer.from('binary'));
            ws.send('{not devalue');
            ws.send(stringify({ after: 'errors' }));
          } else if (url.pathname === '/__ws/drop') {
            ws.send(stringify({ connection: ++drops, at: Date.now() }));
            ws.on('message', () => ws.close(4000, 'dropped'));
          } else ws.close(1008, 'unknown endpoint');
        });
      });
    },
    serve(context) {
      if (context.path !== '/__ws/log') return undefined;
      return { body: JSON.stringify(closes.get(context.URL.searchParams.get('key')) ?? []), type: 'json' };
    },
  };
}
