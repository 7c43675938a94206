import { SocketError } from 'litflare';
import { MessageHistory, SocketServer, type Connection } from 'litflare/durable-object';
import * as v from 'valibot';
import { CHAT_LIMITS, type ChatMessage, type ChatProtocol } from '../components/chat-types.js';

/** What the room remembers about each connection (in its attachment, so it survives hibernation). */
interface Member {
  name: string;
}

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'Write something first.'), v.maxLength(max, `At most ${max} characters.`));

const clientMessage = v.variant('type', [
  v.object({ type: v.literal('join'), name: text(CHAT_LIMITS.name) }),
  v.object({ type: v.literal('say'), text: text(CHAT_LIMITS.text) }),
]);

/**
 * One chat room: a Durable Object per room name. Messages are kept in its
 * SQLite storage; who is who lives in each connection's attachment.
 */
export class ChatRoom extends SocketServer<ChatProtocol, Member> {
  override maxMessageBytes = 4096;
  override input = clientMessage;
  readonly history = new MessageHistory<ChatMessage>(this.ctx.storage, { keep: 200 });

  /** The latest messages, oldest first; the chat page calls it over RPC to render them on the server. */
  recent(limit = 50): ChatMessage[] {
    return this.history.recent(limit);
  }

  override onConnect(connection: Connection): void {
    this.send(connection, { type: 'history', messages: this.history.recent(50) });
    this.send(connection, { type: 'presence', names: this.#names() });
  }

  override receive(connection: Connection<Member>, message: ChatProtocol['client']): void {
    if (message.type === 'join') {
      connection.setState({ name: message.name });
      this.publish({ type: 'presence', names: this.#names() });
      return;
    }
    const author = connection.state?.name;
    if (author === undefined) throw new SocketError('Choose a name before you write.');
    const saved: ChatMessage = { id: crypto.randomUUID(), author, text: message.text, at: new Date() };
    this.history.append(saved);
    this.publish({ type: 'message', message: saved });
  }

  override onClose(): void {
    this.publish({ type: 'presence', names: this.#names() });
  }

  /** Who is here, by name, sorted (the platform lists sockets in no particular order). */
  #names(): string[] {
    return [...this.getConnections<Member>()].flatMap((connection) => (connection.state ? [connection.state.name] : [])).sort();
  }
}
