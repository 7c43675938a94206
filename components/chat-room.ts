import { SocketController } from 'litflare/socket';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { CHAT_LIMITS, type ChatMessage, type ChatProtocol } from './chat-types.js';

const STATUS_LABEL = { connecting: 'connecting…', open: 'live', closed: 'offline' } as const;

/**
 * A chat room. The server renders it with the room's recent messages; in the
 * browser it goes live over a WebSocket to the room's Durable Object.
 */
@customElement('chat-room')
export class ChatRoomElement extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 40rem;
      padding: 1.25rem;
      border-radius: 12px;
      background: white;
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
    }
    .bar {
      display: flex;
      justify-content: space-between;
      color: #6b7280;
      font-size: 0.875rem;
    }
    .status[data-status='open'] {
      color: #059669;
    }
    ol {
      margin: 0.75rem 0;
      padding: 0;
      list-style: none;
      min-height: 10rem;
    }
    li {
      padding: 0.3rem 0;
      border-bottom: 1px solid #f3f4f6;
    }
    .author {
      font-weight: 600;
    }
    .guest {
      margin-left: 0.4rem;
      padding: 0 0.35rem;
      border-radius: 4px;
      color: #6b7280;
      background: #f3f4f6;
      font-size: 0.75rem;
    }
    time {
      margin-left: 0.4rem;
      color: #9ca3af;
      font-size: 0.75rem;
    }
    form {
      display: flex;
      gap: 0.5rem;
    }
    input {
      font: inherit;
      padding: 0.45rem 0.7rem;
      border: 1px solid #d1d5db;
      border-radius: 8px;
    }
    input[name='text'] {
      flex: 1;
    }
    input[name='name'] {
      width: 8rem;
    }
    .as {
      align-self: center;
      color: #6b7280;
      white-space: nowrap;
    }
    button {
      font: inherit;
      padding: 0.45rem 0.9rem;
      border: 0;
      border-radius: 8px;
      color: white;
      background: #f6821f;
      cursor: pointer;
    }
    .error {
      margin: 0.5rem 0 0;
      color: #b00020;
    }
  `;

  /** The room's name (its Durable Object's name). */
  @property() room = 'lobby';

  /** The signed-in visitor's name: they write under it (the room knows it from their session), and are not asked for one. */
  @property() user = '';

  /** The messages so far: the page renders the latest on the server; the socket keeps them current. */
  @property({ attribute: false }) messages: ChatMessage[] = [];

  @state() private names: string[] = [];

  /** The name a guest joined with, sent again after each reconnect. */
  #joinedAs = '';

  readonly #socket = new SocketController<ChatProtocol>(this, () => `/ws/${this.room}`, {
    onMessage: (message) => {
      if (message.type === 'history') this.messages = message.messages;
      else if (message.type === 'message') this.messages = [...this.messages, message.message];
      else this.names = message.names;
    },
    // A new connection knows a signed-in visitor from their session, and a
    // guest by nobody: a guest introduces themselves again.
    onStatus: (status) => {
      if (status === 'open' && this.user === '' && this.#joinedAs !== '') this.#socket.send({ type: 'join', name: this.#joinedAs });
    },
  });

  override render() {
    const status = this.#socket.status;
    return html`
      <div class="bar">
        <span class="status" data-status=${status}>${STATUS_LABEL[status]}</span>
        <span class="here">${this.names.length > 0 ? `here: ${this.names.join(', ')}` : ''}</span>
      </div>
      <ol aria-live="polite">
        ${repeat(
          this.messages,
          (message) => message.id,
          (message) => html`<li>
            <span class="author">${message.author}</span>${message.signedIn ? nothing : html`<span class="guest">guest</span>`}<time datetime=${message.at.toISOString()}>${message.at.toISOString().slice(11, 16)} UTC</time>
            <div class="text">${message.text}</div>
          </li>`,
        )}
      </ol>
      <form @submit=${this.#submit}>
        ${this.user
          ? html`<span class="as">Writing as <strong>${this.user}</strong></span>`
          : html`<input name="name" aria-label="Your name" placeholder="Your name" required maxlength=${CHAT_LIMITS.name} />`}
        <input name="text" aria-label="Message" placeholder="Say something" required maxlength=${CHAT_LIMITS.text} autocomplete="off" />
        <button>Send</button>
      </form>
      ${this.#socket.error ? html`<p class="error" role="alert">${this.#socket.error.message}</p>` : ''}
    `;
  }

  /**
   * Sends a message: a signed-in visitor's under their own name, a guest's as
   * `name` (joining with that name first if it changed, or if the message
   * must wait for a new connection).
   */
  say(name: string, text: string): void {
    if (this.user !== '') {
      this.#socket.send({ type: 'say', text });
      return;
    }
    // Messages sent while disconnected go out before the open event, so before the re-join there.
    if (name !== this.#joinedAs || this.#socket.status !== 'open') {
      this.#joinedAs = name;
      this.#socket.send({ type: 'join', name });
    }
    this.#socket.send({ type: 'say', text });
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.say(this.user || String(data.get('name') ?? '').trim(), String(data.get('text') ?? ''));
    (form.elements.namedItem('text') as HTMLInputElement).value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-room': ChatRoomElement;
  }
}
