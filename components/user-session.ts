import { isServerError } from 'litflare';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { currentUser, signIn, signOut } from '../worker/auth.server.js';

/** Sign in (by name) and out, with a session cookie; the page reloads (signing out: goes home) to render as that user. */
@customElement('user-session')
export class UserSession extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      font-size: 0.9rem;
    }
    form {
      display: flex;
      gap: 0.35rem;
    }
    input {
      width: 9rem;
      font: inherit;
      padding: 0.2rem 0.5rem;
      border: 0;
      border-radius: 6px;
    }
    button {
      font: inherit;
      padding: 0.2rem 0.7rem;
      border: 1px solid rgb(255 255 255 / 0.7);
      border-radius: 6px;
      color: white;
      background: transparent;
      cursor: pointer;
    }
    .error {
      color: #fff3c4;
    }
  `;

  /** The signed-in user, as the server rendered the page ('' for nobody). */
  @property() user = '';

  /** Set on pages served to everyone from a cache: the element asks who is signed in once in the browser. */
  @property({ type: Boolean }) ask = false;

  override firstUpdated(): void {
    if (this.ask) void currentUser().then((user) => (this.user = user ?? ''), () => {});
  }

  @state() private error = '';

  override render() {
    if (this.user) {
      return html`<span>Hi, <strong>${this.user}</strong></span><button @click=${this.#signOut}>Sign out</button>`;
    }
    return html`
      <form @submit=${this.#signIn}>
        <input name="name" placeholder="Your name" aria-label="Your name" autocomplete="nickname" />
        <button type="submit">Sign in</button>
      </form>
      ${this.error ? html`<span class="error" role="alert">${this.error}</span>` : ''}
    `;
  }

  async #signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    try {
      await signIn({ name: input.value });
      location.reload();
    } catch (error) {
      const issues = isServerError(error) ? (error.data as { issues?: { message: string }[] } | undefined)?.issues : undefined;
      this.error = issues?.[0]?.message ?? 'Signing in failed.';
    }
  }

  async #signOut(): Promise<void> {
    // It redirects: the browser goes to the home page, and the call never returns.
    await signOut();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-session': UserSession;
  }
}
