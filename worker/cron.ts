import { d1 } from 'litflare/worker';

/** The cron trigger's work: one row per run, shown on the platform page. */
export async function recordCronRun(controller: ScheduledController): Promise<void> {
  await d1('DB').prepare('INSERT INTO cron_runs (cron, ran_at) VALUES (?, ?)').bind(controller.cron, controller.scheduledTime).run();
}
