import { html } from 'lit';
import type { PageHandler } from 'litflare/worker';
import { counterValue, cronRuns, listFiles, listJobs } from '../platform.server.js';

/** The Workers platform from components: KV, R2, a queue and a cron trigger. */
export const platformPage: PageHandler = async () => {
  const [value, files, jobs, runs] = await Promise.all([counterValue(), listFiles(), listJobs(), cronRuns()]);
  return {
    title: 'Platform — litflare',
    body: html`
      <h1>Bindings from components</h1>
      <kv-counter value=${value}></kv-counter>
      <file-shelf .files=${files}></file-shelf>
      <job-queue .jobs=${jobs}></job-queue>
      <section>
        <h3>Cron</h3>
        <p>Every 10 minutes a cron trigger writes a row to D1.</p>
        <ul class="cron-runs">
          ${runs.length === 0
            ? html`<li>No runs yet.</li>`
            : runs.map((run) => html`<li>${run.cron} at ${run.ranAt.toISOString()}</li>`)}
        </ul>
      </section>
    `,
  };
};
