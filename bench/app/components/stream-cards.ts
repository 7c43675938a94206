import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ServerData } from 'litflare';
import { slowData } from '../worker/slow.server.js';

/** A card whose content comes from a 300 ms server function (a streamed boundary). */
@customElement('slow-card')
export class SlowCard extends LitElement {
  @property() label = '';
  readonly data = new ServerData(this, slowData, () => [this.label] as [string]);

  override render() {
    return html`<p>${this.data.render({ pending: () => 'Loading…', complete: (text) => text })}</p>`;
  }
}

/** The same card without server data: the baseline page. */
@customElement('static-card')
export class StaticCard extends LitElement {
  @property() label = '';

  override render() {
    return html`<p>${this.label} arrived</p>`;
  }
}
