import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ServerData } from 'litflare';
import { reveal } from './worker/stress.server.js';

/** Loads what the server knows about this request after `delay` ms: a streamed boundary. */
@customElement('secret-card')
export class SecretCard extends LitElement {
  @property() secret = '';
  @property({ type: Number }) delay = 0;
  readonly data = new ServerData(this, reveal, () => [this.secret, this.delay] as [string, number]);

  override render() {
    return html`<p>${this.data.render({
      pending: () => html`waiting`,
      complete: (seen) => html`<output>${seen.secret}|${seen.user}|${seen.header}|${seen.stored}</output>`,
      error: (error) => html`<em>${error.message}</em>`,
    })}</p>`;
  }
}
