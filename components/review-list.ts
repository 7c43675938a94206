import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { cardStyles } from './card-styles.js';
import { icon } from './icons.js';

/** A review, as the page passes it in. */
export interface Review {
  author: string;
  text: string;
  helpful: number;
}

/**
 * An island: its module loads (and it hydrates) only when it scrolls into
 * view. Until then the server's HTML shows the reviews, and a line under the
 * title says which state the list is in: the Worker renders it with
 * `defer-hydration`, which the client removes once the code has loaded, so
 * the line is CSS alone (what hydration renders must match the server's HTML).
 */
@customElement('review-list')
export class ReviewList extends LitElement {
  static override styles = [
    cardStyles,
    css`
      blockquote {
        margin: 0;
        flex: 1;
      }
      .state {
        margin: 0;
      }
      .state span {
        display: none;
      }
      :host([defer-hydration]) .waiting,
      :host(:not([defer-hydration])) .live {
        display: inline;
      }
      :host([defer-hydration]) button {
        cursor: progress;
      }
      @media (scripting: none) {
        :host([defer-hydration]) .waiting {
          display: none;
        }
        :host([defer-hydration]) .static {
          display: inline;
        }
      }
    `,
  ];

  @property({ attribute: false }) reviews: Review[] = [];

  override render() {
    return html`<h3>What people say</h3>
      <p class="state muted">
        <span class="waiting">Server-rendered HTML: its code loads when you scroll here…</span>
        <span class="live">Hydrated: its code loaded as it came into view.</span>
        <span class="static">Server-rendered HTML (scripts are off).</span>
      </p>
      <ul>
        ${this.reviews.map(
          (review, i) => html`<li>
            <blockquote>“${review.text}” — ${review.author}</blockquote>
            <button class="quiet" @click=${() => this.#helpful(i)} aria-label=${`Helpful: ${review.author} (${review.helpful})`} title="Helpful">
              ${icon('thumbsUp')} ${review.helpful}
            </button>
          </li>`,
        )}
      </ul>`;
  }

  #helpful(index: number): void {
    this.reviews = this.reviews.map((review, i) => (i === index ? { ...review, helpful: review.helpful + 1 } : review));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-list': ReviewList;
  }
}
