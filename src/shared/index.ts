export { escapeHtml } from './escape-html.js';
export { isServerError, ServerError } from './server-error.js';
export { configureRpc, withRpc, type CallOptions, type RpcConfig } from './rpc/options.js';
export { serverFnMeta, type ServerFnMeta } from './rpc/protocol.js';
export type { StandardSchemaV1 } from './validation/standard-schema.js';
export { ServerData, type ServerDataOptions, type ServerDataRenderers, type ServerDataStatus } from './server-data/server-data.js';
export { SocketError, isSocketError } from './websocket/socket-error.js';
export type { SocketProtocol } from './websocket/protocol.js';
export { defineIslands, type Hydrate, type Islands } from './islands.js';
