import type { Context, Handler } from 'hono';
import type { SocketProtocol } from '../../shared/websocket/protocol.js';
import { lookupBinding } from '../bindings/lookup.js';
import type { AppEnv } from '../env.js';
import { isCrossSite, type AllowedOrigins } from '../security/origin.js';
import { encodeProps, PROPS_HEADER } from './props.js';

/**
 * Options of `app.websocket()`.
 *
 * @example
 * ```ts
 * app.websocket('/teams/:team/boards/:board', 'BOARDS', { param: 'board', names: /^[a-z0-9-]{1,40}$/ });
 * app.websocket<ChatProtocol>('/ws/:room', 'CHAT', { props: async () => ({ user: (await session()).get('user') }) });
 * ```
 */
export interface WebSocketRouteOptions<P extends SocketProtocol = SocketProtocol> {
  /** The path parameter that names the Durable Object. @default the route's only parameter */
  param?: string;
  /** Object names to accept; any other is a 400 before any object is created. @default /^[\w-]{1,64}$/ */
  names?: RegExp;
  /**
   * What the Worker tells the Durable Object about this connection (e.g. the
   * signed-in user, from the session): decided on the server for each
   * upgrade, out of the client's reach, and read there with
   * `this.props(connection)`. Anything devalue encodes, up to 1024 characters
   * of it. Throw a `ServerError` to refuse the upgrade with its status.
   */
  props?: (c: Context<AppEnv>) => P['props'] | Promise<P['props']>;
}

const DEFAULT_NAMES = /^[\w-]{1,64}$/;

interface SocketStub {
  fetch(request: Request): Promise<Response>;
}

interface NamespaceWithNames {
  getByName(name: string): SocketStub;
}

/**
 * The handler of a WebSocket route: refuses what is not a same-origin
 * WebSocket upgrade for a well-formed name, and hands the upgrade to the
 * Durable Object of that name in namespace `binding`, which answers 101.
 *
 * @example
 * ```ts
 * app.get('/ws/:room', websocketRoute('/ws/:room', 'CHAT', {}, allowOrigins));
 * ```
 */
export function websocketRoute<P extends SocketProtocol>(
  path: string,
  binding: string,
  options: WebSocketRouteOptions<P>,
  allowOrigins: AllowedOrigins | undefined,
): Handler<AppEnv> {
  const param = routeParam(path, options.param);
  const names = options.names ?? DEFAULT_NAMES;
  return async (c) => {
    if (!isWebSocketUpgrade(c)) {
      return c.text(`${c.req.path} is a WebSocket endpoint: connect with a WebSocket (Upgrade: websocket).`, 426, {
        upgrade: 'websocket',
      });
    }
    // Browsers send cookies with a WebSocket handshake from any site, and
    // CORS does not apply to it: the origin check is the only guard.
    if (isCrossSite(c, allowOrigins)) return c.text('Cross-origin WebSocket refused.', 403);
    const name = c.req.param(param) ?? '';
    if (!names.test(name)) {
      return c.text(`"${name}" is not a valid name here: it must match ${String(names)}.`, 400);
    }
    const where = `app.websocket(${JSON.stringify(path)})`;
    const namespace = lookupBinding('durableObject', binding, where) as NamespaceWithNames;
    const request = withoutClientChoices(c);
    const props = options.props === undefined ? undefined : encodeProps(await options.props(c), where);
    if (props !== undefined) request.headers.set(PROPS_HEADER, props);
    return namespace.getByName(name).fetch(request);
  };
}

/** The parameter that names the object: the one asked for, which the path must have, or the path's only one. */
function routeParam(path: string, wanted: string | undefined): string {
  const params = [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
  if (wanted !== undefined) {
    if (!params.includes(wanted)) {
      throw new Error(`litflare: app.websocket(${JSON.stringify(path)}): the path has no :${wanted} parameter to name the Durable Object.`);
    }
    return wanted;
  }
  const [only, ...others] = params;
  if (only === undefined || others.length > 0) {
    throw new Error(
      `litflare: app.websocket(${JSON.stringify(path)}): the Durable Object is named by a path parameter; ` +
        (only === undefined ? 'add one, e.g. "/ws/:room".' : `the path has ${params.length}, so say which: { param: '${only}' }.`),
    );
  }
  return only;
}

/**
 * The upgrade as the Durable Object may see it: without what partyserver
 * would take from the client and must not — a connection's id from the `_pk`
 * query parameter (ids are how it excludes and finds connections, so a client
 * could take another's; without it, the server makes one), and the object's
 * props, name and namespace from `x-partykit-*` headers (meant for the Worker
 * to set, never the browser; a malformed one fails the upgrade) — and without
 * litflare's own props header, which only the route sets. A copy, so the
 * route can add its props.
 */
function withoutClientChoices(c: Context<AppEnv>): Request {
  const url = new URL(c.req.url);
  url.searchParams.delete('_pk');
  const cleaned = new Request(url, c.req.raw);
  for (const name of [...cleaned.headers.keys()]) {
    if (name.startsWith('x-partykit-') || name === PROPS_HEADER) cleaned.headers.delete(name);
  }
  return cleaned;
}

/**
 * Whether the request asks to become a WebSocket (`Upgrade: websocket`).
 *
 * @example
 * ```ts
 * if (!isWebSocketUpgrade(c)) return c.text('Connect with a WebSocket.', 426, { upgrade: 'websocket' });
 * ```
 */
export function isWebSocketUpgrade(c: Context): boolean {
  return c.req.header('upgrade')?.toLowerCase() === 'websocket';
}
