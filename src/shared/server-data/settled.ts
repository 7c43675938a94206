import type { WireError } from '../rpc/protocol.js';

/** How a server-data call ended: a value, or an error as it crosses the wire. */
export type Settled = { readonly value: unknown } | { readonly error: WireError };
