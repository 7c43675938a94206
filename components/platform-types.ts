/** A file in the demo's R2 bucket. */
export interface StoredFile {
  key: string;
  name: string;
  size: number;
  type: string;
  uploaded: Date;
}

/** A job sent through the demo's queue. */
export interface Job {
  id: string;
  text: string;
  /** What the consumer made of it, once processed. */
  result: string | null;
  queuedAt: Date;
  processedAt: Date | null;
  attempts: number;
}

/** A row the cron trigger wrote. */
export interface CronRun {
  cron: string;
  ranAt: Date;
}

/** The demo's cron schedule (wrangler.toml `[triggers] crons` and `app.cron` in worker/index.ts). */
export const CRON_SCHEDULE = '*/10 * * * *';
