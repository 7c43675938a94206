import { ServerData } from 'litflare';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { forecast } from '../worker/forecast.server.js';

const CITIES = ['Lisbon', 'Oslo', 'Tokyo', 'Nairobi'];

/** Slow server data: the page streams its shell first and this card's content 300 ms later. */
@customElement('weather-card')
export class WeatherCard extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 30rem;
      padding: 1.25rem;
      border-radius: 12px;
      color: white;
      background: linear-gradient(135deg, #0ea5e9, #6366f1);
    }
    .pending {
      opacity: 0.75;
      font-style: italic;
    }
    .temp {
      font-size: 2.25rem;
      font-weight: 700;
    }
    select {
      font: inherit;
      margin-top: 0.75rem;
      padding: 0.25rem 0.5rem;
      border-radius: 6px;
      border: 0;
    }
  `;

  /** Whose forecast to show; changing it (in the browser) loads that city's. */
  @property() city = 'Lisbon';

  readonly forecast = new ServerData(this, forecast, () => [this.city]);

  override render() {
    return html`
      <h3>${this.city}</h3>
      ${this.forecast.render({
        pending: () => html`<p class="pending">Fetching the forecast for ${this.city}…</p>`,
        complete: (f) => html`<p class="temp">${f.high}° / ${f.low}°</p>
          <p class="summary">${f.summary}</p>`,
        error: (error) => html`<p role="alert">${error.message}</p>`,
      })}
      <label
        >City
        <select @change=${(event: Event) => (this.city = (event.target as HTMLSelectElement).value)}>
          ${CITIES.map((city) => html`<option .selected=${city === this.city}>${city}</option>`)}
        </select>
      </label>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'weather-card': WeatherCard;
  }
}
