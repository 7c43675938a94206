export { escapeHtml } from './escape-html.js';
export { isServerError, ServerError } from './server-error.js';
export { configureRpc, withRpc, type CallOptions, type RpcConfig } from './rpc/options.js';
export { serverFnMeta, type ServerFnMeta } from './rpc/protocol.js';
export type { StandardSchemaV1 } from './standard-schema.js';
export { SocketError, isSocketError } from './websocket/socket-error.js';
export type { SocketProtocol } from './websocket/protocol.js';
export { connectSocket, LiveSocket, type ReconnectOptions, type SocketOptions, type SocketStatus } from './websocket/live-socket.js';
export { SocketController } from './websocket/socket-controller.js';
