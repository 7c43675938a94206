import { SocketError } from 'litflare';
import { MessageHistory, SocketServer, type Connection } from 'litflare/durable-object';
import * as v from 'valibot';
import { CHAT_LIMITS, type ChatMessage, type ChatProtocol } from '../components/chat-types.js';

/** What the room remembers about each connection (in its attachment, so it survives hibernation). */
interface Member {
  name: string;
  /** Named by the session (the Worker said so at the upgrade), not by a join message. */
  signedIn: boolean;
}

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'Write something first.'), v.maxLength(max, `At most ${max} characters.`));

const clientMessage = v.variant('type', [
  v.object({ type: v.literal('join'), name: text(CHAT_LIMITS.name) }),
  v.object({ type: v.literal('say'), text: text(CHAT_LIMITS.text) }),
]);

/**
 * One chat room: a Durable Object per room name. Messages are kept in its
 * SQLite storage; who is who lives in each connection's attachment. A
 * signed-in visitor writes under the name of their session, which the Worker
 * hands over with the upgrade (`props`): a client cannot choose it. Anyone
 * else joins as a guest under a name of their choosing, and their messages
 * say so.
 */
export class ChatRoom extends SocketServer<ChatProtocol, Member> {
  override maxMessageBytes = 4096;
  override input = clientMessage;
  readonly history = new MessageHistory<ChatMessage>(this.ctx.storage, { keep: 200 });

  /** The latest messages, oldest first; the chat page calls it over RPC to render them on the server. */
  recent(limit = 50): ChatMessage[] {
    return this.history.recent(limit);
  }

  override onConnect(connection: Connection<Member>): void {
    this.send(connection, { type: 'history', messages: this.history.recent(50) });
    const user = this.props(connection)?.user;
    if (user === undefined) {
      this.send(connection, { type: 'presence', names: this.#names() });
      return;
    }
    connection.setState({ name: user, signedIn: true });
    this.publish({ type: 'presence', names: this.#names() });
  }

  override receive(connection: Connection<Member>, message: ChatProtocol['client']): void {
    if (message.type === 'join') {
      // The session named a signed-in visitor: whatever name their client sends is not theirs to choose.
      if (connection.state?.signedIn === true) return;
      connection.setState({ name: message.name, signedIn: false });
      this.publish({ type: 'presence', names: this.#names() });
      return;
    }
    const member = connection.state;
    if (member === null || member === undefined) throw new SocketError('Choose a name before you write.');
    const saved: ChatMessage = { id: crypto.randomUUID(), author: member.name, text: message.text, at: new Date(), signedIn: member.signedIn };
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
