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

/** An island: its module loads (and it hydrates) only when it scrolls into view. */
@customElement('review-list')
export class ReviewList extends LitElement {
  static override styles = [
    cardStyles,
    css`
      blockquote {
        margin: 0;
        flex: 1;
      }
    `,
  ];

  @property({ attribute: false }) reviews: Review[] = [];

  override render() {
    return html`<h3>What people say</h3>
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
