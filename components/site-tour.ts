import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { icon, type IconName } from './icons.js';

const stops: { href: string; icon: IconName; title: string; text: string }[] = [
  { href: '/streaming', icon: 'bolt', title: 'Streaming', text: 'The shell first, then each card as its server data arrives.' },
  { href: '/todos', icon: 'code', title: 'Server functions', text: 'Typed calls to the Worker, a D1 todo list and a streamed feed.' },
  { href: '/platform', icon: 'database', title: 'Platform', text: 'KV, R2 uploads, a queue with retries and a cron trigger.' },
  { href: '/chat/lobby', icon: 'chat', title: 'Chat', text: 'A Durable Object per room, live over a WebSocket.' },
];

/**
 * The home page's tour: a card for each demo page. Server-only (an island
 * with `hydrate: 'none'`): plain links need no JavaScript, and its styles
 * travel in its declarative shadow root, so it looks the same without any.
 */
@customElement('site-tour')
export class SiteTour extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    a {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.25rem 0.6rem;
      align-content: start;
      align-items: center;
      box-sizing: border-box;
      height: 100%;
      padding: 1rem 1.1rem 1.2rem;
      border-radius: 12px;
      color: inherit;
      background: white;
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
      text-decoration: none;
    }
    a:hover strong {
      text-decoration: underline;
    }
    a:focus-visible {
      outline: 2px solid #1d4ed8;
      outline-offset: 2px;
    }
    .icon {
      width: 1.5rem;
      height: 1.5rem;
      color: #f6821f;
    }
    span {
      grid-column: 1 / -1;
      color: #4b5563;
      font-size: 0.9rem;
    }
  `;

  override render() {
    return html`<ul>
      ${stops.map((stop) => html`<li><a href=${stop.href}>${icon(stop.icon)}<strong>${stop.title}</strong><span>${stop.text}</span></a></li>`)}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'site-tour': SiteTour;
  }
}
