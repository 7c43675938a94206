// `litflare/durable-object`: code that runs inside a Durable Object. Apart from
// `litflare/worker` because it builds on partyserver, which imports
// `cloudflare:workers`: only workerd can load it, while `litflare/worker` stays
// loadable in Node (server rendering in tests and tools).
export { SocketServer, type PublishOptions } from './websocket/socket-server.js';
export { MessageHistory, type MessageHistoryOptions } from './websocket/message-history.js';
export type { Connection, ConnectionContext } from 'partyserver';
