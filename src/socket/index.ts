// `litflare/socket`: the browser's side of a WebSocket route, for components
// (they render on the server too: nothing connects there). Apart from `litflare`
// so that only code that opens a socket loads partysocket.
export { connectSocket, type LiveSocket, type ReconnectOptions, type SocketOptions, type SocketStatus } from './live-socket.js';
export { SocketController } from './socket-controller.js';
