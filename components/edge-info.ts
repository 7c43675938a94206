import { ServerData } from 'litflare';
import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { edgeInfo } from '../worker/forecast.server.js';
import { cardStyles } from './card-styles.js';

/** Fast server data: streamed right behind the shell. */
@customElement('edge-info')
export class EdgeInfo extends LitElement {
  static override styles = cardStyles;

  readonly info = new ServerData(this, edgeInfo, () => []);

  override render() {
    return html`<h3>Where this page was made</h3>
      ${this.info.render({
        pending: () => html`<p class="muted">Asking the edge…</p>`,
        complete: (info) => html`<p>Rendered in <strong>${info.colo}</strong> (${info.country}) at ${info.rendered.toISOString()}</p>`,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'edge-info': EdgeInfo;
  }
}
