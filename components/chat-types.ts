import type { SocketProtocol } from 'litflare';

/** One chat message, as stored by the room and shown by `<chat-room>`. */
export interface ChatMessage {
  id: string;
  author: string;
  text: string;
  at: Date;
  /** The author was signed in: the session named them. Otherwise a guest chose the name (messages from before this flag: guests). */
  signedIn?: boolean;
}

/**
 * The chat's WebSocket messages, both ways (the room Durable Object and
 * `<chat-room>` share it), and what the Worker tells the room about each
 * connection: the signed-in user, from the session (no client can send it).
 */
export interface ChatProtocol extends SocketProtocol {
  props: { user: string | undefined };
  /** `join` names a guest; a signed-in visitor's name comes from the session, and a join cannot change it. */
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
