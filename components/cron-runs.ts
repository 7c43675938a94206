import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cronRuns } from '../worker/platform.server.js';
import { cardStyles } from './card-styles.js';
import { icon } from './icons.js';
import { CRON_SCHEDULE, type CronRun } from './platform-types.js';

/**
 * The rows the demo's cron trigger wrote. In development it also has a "Run
 * now" button: it asks the dev server to run the Worker's scheduled handler
 * (`/cdn-cgi/handler/scheduled`, which `vite dev` forwards to the Worker).
 * A production build has neither the button nor the URL, and a deployed
 * Worker never sees `/cdn-cgi/` requests: Cloudflare answers them itself.
 */
@customElement('cron-runs')
export class CronRuns extends LitElement {
  static override styles = [
    cardStyles,
    css`
      .dev {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
      }
      code {
        white-space: nowrap;
      }
    `,
  ];

  /** The latest runs, as the server read them from D1. */
  @property({ attribute: false }) runs: CronRun[] = [];

  @state() private error = '';

  override render() {
    return html`
      <h3>Cron</h3>
      <p>Every 10 minutes a cron trigger writes a row to D1.</p>
      ${import.meta.env.DEV
        ? html`<p class="dev">
            <button @click=${this.#runNow}>${icon('play')} Run now</button>
            <span class="muted">Development only: runs the scheduled handler through <code>/cdn-cgi/handler/scheduled</code>.</span>
          </p>`
        : ''}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <ul class="cron-runs">
        ${this.runs.length === 0
          ? html`<li class="muted">No runs yet.</li>`
          : this.runs.map((run) => html`<li>${run.cron} at ${run.ranAt.toISOString()}</li>`)}
      </ul>
    `;
  }

  async #runNow(): Promise<void> {
    // Constant-folded away in a production build, with the URL.
    if (!import.meta.env.DEV) return;
    try {
      const response = await fetch(`/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(CRON_SCHEDULE)}`);
      if (!response.ok) throw new Error(`The dev server answered ${response.status} to the cron trigger.`);
      this.runs = await cronRuns();
      this.error = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : 'The cron trigger failed.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cron-runs': CronRuns;
  }
}
