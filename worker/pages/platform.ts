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
      <cron-runs .runs=${runs}></cron-runs>
    `,
  };
};
