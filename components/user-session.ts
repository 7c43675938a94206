import { FormController } from 'litflare';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
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

  // Without JavaScript the forms post to the page (303 back, as the new user; signing out: home);
  // hydrated, they call the server functions, and signing in reloads the page.
  readonly #signIn = new FormController(this, signIn, { onSuccess: () => location.reload() });
  readonly #signOut = new FormController(this, signOut);

  override render() {
    if (this.user) {
      return html`<span>Hi, <strong>${this.user}</strong></span>
        <form method="post" action=${signOut.action} @submit=${this.#signOut.submit}>
          <button ?disabled=${this.#signOut.pending}>Sign out</button>
        </form>`;
    }
    const form = this.#signIn;
    const problem = form.issuesFor('name')[0] ?? form.error?.message;
    return html`
      <form method="post" action=${signIn.action} @submit=${form.submit}>
        <input name="name" placeholder="Your name" aria-label="Your name" autocomplete="nickname" value=${form.values.name ?? ''} />
        <button type="submit" ?disabled=${form.pending}>Sign in</button>
      </form>
      ${problem ? html`<span class="error" role="alert">${problem}</span>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-session': UserSession;
  }
}
