import type { SocketProtocol } from 'litflare';

/** One chat message, as stored by the room and shown by `<chat-room>`. */
export interface ChatMessage {
  id: string;
  author: string;
  text: string;
  at: Date;
}

/** The chat's WebSocket messages, both ways (the room Durable Object and `<chat-room>` share it). */
export interface ChatProtocol extends SocketProtocol {
  client: { type: 'join'; name: string } | { type: 'say'; text: string };
  server:
    | { type: 'history'; messages: ChatMessage[] }
    | { type: 'message'; message: ChatMessage }
    | { type: 'presence'; names: string[] };
}

/** Room names the demo accepts (in the page URL and the WebSocket URL). */
export const ROOM_NAME = /^[a-z0-9-]{1,32}$/;

/** Limits the room enforces and the form mirrors. */
export const CHAT_LIMITS = { name: 24, text: 500 } as const;
