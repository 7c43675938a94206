import { isServerError } from 'litflare';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sign, type Entry } from '../worker/guestbook.server.js';

/** The guestbook: rendered by the Worker with its signatures, live in the browser. */
@customElement('guest-book')
export class GuestBook extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 28rem;
      font-family: system-ui, sans-serif;
    }
    form {
      display: flex;
      gap: 0.5rem;
    }
    input {
      flex: 1;
    }
    [role='alert'] {
      color: #b91c1c;
    }
  `;

  /** The signatures, newest first, as the page loaded them. */
  @property({ attribute: false }) entries: Entry[] = [];

  @state() private error = '';

  override render() {
    return html`
      <form @submit=${this.#sign}>
        <input name="name" placeholder="Your name" aria-label="Your name" autocomplete="off" />
        <button type="submit">Sign</button>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
      <ul>
        ${this.entries.map((entry) => html`<li>${entry.name} <small>${entry.signedAt.toISOString().slice(0, 10)}</small></li>`)}
      </ul>
    `;
  }

  async #sign(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    try {
      // In the browser, sign() is a typed proxy: a POST to the Worker.
      this.entries = [await sign(String(new FormData(form).get('name') ?? '')), ...this.entries];
      this.error = '';
      form.reset();
    } catch (error) {
      this.error = isServerError(error) ? error.message : 'Could not sign. Try again.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'guest-book': GuestBook;
  }
}
