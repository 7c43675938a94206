// Cold start (d): the smallest litflare app (one page, one element), to tell
// what an app adds at start-up and on its first page (the renderer's seam
// check, the shell) from what the demo's own code adds.
import { DurableObject } from 'cloudflare:workers';
import { LitElement, html } from 'lit';
import { createApp } from 'litflare/worker';

class HelloCard extends LitElement {
  static override properties = { name: {} };
  declare name: string;

  override render() {
    return html`<p>Hello, ${this.name}</p>`;
  }
}
customElements.define('hello-card', HelloCard);

const app = createApp({ dev: false, shell: '<!doctype html><html><head><title>cold</title></head><body><!--ssr-outlet--></body></html>' });
app.page('/', () => html`<hello-card name="cold start"></hello-card>`);

export default app;
export class ChatRoom extends DurableObject {}
