import { FormController } from 'litflare';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { enqueueJob, listJobs } from '../worker/platform.server.js';
import { cardStyles } from './card-styles.js';
import type { Job } from './platform-types.js';

/** Sends jobs to a Cloudflare Queue and watches the consumer process them. */
@customElement('job-queue')
export class JobQueue extends LitElement {
  static override styles = cardStyles;

  /** The latest jobs, as the server listed them. */
  @property({ attribute: false }) jobs: Job[] = [];

  #polling = false;

  override render() {
    return html`
      <h3>Queue</h3>
      <form method="post" action=${enqueueJob.action} @submit=${this.#send.submit} style="display:flex;gap:.5rem">
        <input type="text" name="text" placeholder="Text to reverse (try “flaky”)" aria-label="Job text" value=${this.#send.values.text ?? ''} />
        <button type="submit" ?disabled=${this.#send.pending}>Send</button>
      </form>
      ${this.#send.issuesFor('text').map((message) => html`<p class="error" role="alert">${message}</p>`)}
      <ul>
        ${this.jobs.map(
          (job) => html`<li data-job=${job.id}>
            <span>${job.text}</span>
            <span class="muted"
              >${job.processedAt === null ? 'queued…' : `→ ${job.result} (attempt ${job.attempts})`}</span
            >
          </li>`,
        )}
      </ul>
    `;
  }

  readonly #send = new FormController(this, enqueueJob, {
    onSuccess: (job) => {
      this.jobs = [job, ...this.jobs].slice(0, 10);
      void this.#poll();
    },
  });

  /** Refreshes until every job shown has been processed (the consumer runs in the background). */
  async #poll(): Promise<void> {
    if (this.#polling) return;
    this.#polling = true;
    try {
      for (let i = 0; i < 30 && this.isConnected && this.jobs.some((job) => job.processedAt === null); i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        this.jobs = await listJobs();
      }
    } finally {
      this.#polling = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'job-queue': JobQueue;
  }
}
