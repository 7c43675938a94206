// The RPC wire protocol, shared by the Worker and the browser:
//   POST {RPC_PATH}<id>   body: devalue(args array)        content-type: RPC_CONTENT_TYPE
//   GET  {RPC_PATH}<id>?args=<devalue(args)>                (functions marked method: 'GET')
// Answer: RPC_CONTENT_TYPE with devalue(result), or devalue({ message, data })
// with the error status; or RPC_STREAM_CONTENT_TYPE with one devalue frame per
// line: [ITEM, value] … then [END], or [ERROR, { status, message, data }], or
// [REDIRECT, location]. A call that ended in redirect() is answered 204 with
// the location in RPC_REDIRECT_HEADER; the browser's proxy navigates there.

/** Where server functions are served. */
export const RPC_PATH = '/_lf/rpc/';
/** Content type of RPC requests and of non-streamed answers. */
export const RPC_CONTENT_TYPE = 'application/x-litflare';
/** Content type of streamed answers: newline-separated devalue frames. */
export const RPC_STREAM_CONTENT_TYPE = 'application/x-litflare-stream';
/** Longest query string a GET call may have. */
export const MAX_QUERY_LENGTH = 8192;

/** Frame kinds of a streamed answer. */
export const ITEM = 0;
export const ERROR = 1;
export const END = 2;
export const REDIRECT = 3;

/** The header of a `204` answer that tells the browser's proxy where to navigate. */
export const RPC_REDIRECT_HEADER = 'x-litflare-redirect';

/** How an error travels: in an error answer's body, or in an ERROR frame. */
export interface WireError {
  status: number;
  message: string;
  data?: unknown;
  /** The stack of an unexpected error, source-mapped (development only; never sent in production). */
  stack?: string;
}

/**
 * Static facts about a server function, known at build time.
 *
 * @example
 * ```ts
 * const meta: ServerFnMeta | undefined = serverFnMeta(addTodo); // { id: 'k3…', name: 'addTodo', … }
 * ```
 */
export interface ServerFnMeta {
  /** Stable hash of the module's project path and the export name. */
  id: string;
  /** The export name, for messages. */
  name: string;
  /** `GET` for cacheable functions, else `POST`. */
  method: 'GET' | 'POST';
}

/** The property under which a server function (or its browser proxy) carries its {@link ServerFnMeta}. */
export const SERVER_FN = Symbol.for('litflare.serverFn');

/**
 * The {@link ServerFnMeta} of a server function or its browser proxy, or
 * `undefined` for any other function.
 *
 * @example
 * ```ts
 * serverFnMeta(getUser)?.id; // 'h3Jk9aQ2…' on both sides
 * ```
 */
export function serverFnMeta(fn: unknown): ServerFnMeta | undefined {
  return typeof fn === 'function' ? (fn as { [SERVER_FN]?: ServerFnMeta })[SERVER_FN] : undefined;
}
