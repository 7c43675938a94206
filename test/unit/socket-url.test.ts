import { describe, expect, it } from 'vitest';
import { socketUrl } from '../../src/socket/socket-url.js';

describe('socketUrl', () => {
  it('resolves paths against a page, as ws: for http: and wss: for https:', () => {
    expect(socketUrl('/ws/lobby', 'http://app.test/chat')).toBe('ws://app.test/ws/lobby');
    expect(socketUrl('/ws/lobby?x=1', 'https://app.test/chat')).toBe('wss://app.test/ws/lobby?x=1');
    expect(socketUrl('wss://other.test/ws')).toBe('wss://other.test/ws');
  });

  it('refuses a relative path where there is no page (outside a browser), saying what to pass', () => {
    expect(() => socketUrl('/ws/lobby')).toThrow(
      'litflare: cannot open a WebSocket to "/ws/lobby": a relative path needs a page to resolve against; pass an absolute ws:// or wss:// URL.',
    );
  });

  it('refuses URLs of other schemes', () => {
    expect(() => socketUrl('ftp://files.test/x')).toThrow(
      'litflare: cannot open a WebSocket to "ftp://files.test/x": the URL must be http(s) or ws(s), not ftp:',
    );
  });
});
