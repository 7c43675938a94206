import { parse, stringify } from 'devalue';

/**
 * The header in which a WebSocket route hands its `props` to the Durable
 * Object. The route drops any a client sent, so only the Worker sets it.
 */
export const PROPS_HEADER = 'x-litflare-props';

/**
 * The most a connection's props may take as devalue text: they live in the
 * WebSocket's attachment (to survive hibernation), which holds 2 KiB in all,
 * with partyserver's id, tags and URL and the connection's own state.
 */
export const MAX_PROPS_LENGTH = 1024;

/** Where in a WebSocket's attachment the props are kept, beside partyserver's `__pk` and `__user`. */
export const PROPS_KEY = '__lf_props';

/**
 * Props as the header carries them: devalue (a `Date`, a `Map`… survive),
 * percent-encoded to stay ASCII; `undefined` when there are none. Throws,
 * naming the route, when they are too large for the attachment.
 *
 * @example
 * ```ts
 * const header = encodeProps({ user: 'ada' }, 'app.websocket("/ws/:room")');
 * ```
 */
export function encodeProps(props: unknown, where: string): string | undefined {
  if (props === undefined) return undefined;
  const text = stringify(props);
  if (text.length > MAX_PROPS_LENGTH) {
    throw new Error(
      `litflare: ${where}: props are ${text.length} characters as devalue; at most ${MAX_PROPS_LENGTH} fit beside the ` +
        "connection's state in its WebSocket attachment. Pass an id, and look the rest up in the Durable Object.",
    );
  }
  return encodeURIComponent(text);
}

/**
 * The devalue text of props from the header (what the attachment keeps).
 *
 * @example
 * ```ts
 * const text = propsText(request.headers.get(PROPS_HEADER));
 * ```
 */
export function propsText(header: string | null): string | undefined {
  return header === null ? undefined : decodeURIComponent(header);
}

/**
 * Props from their devalue text.
 *
 * @example
 * ```ts
 * decodeProps('[{"user":1},"ada"]'); // { user: 'ada' }
 * ```
 */
export function decodeProps(text: string): unknown {
  return parse(text);
}
