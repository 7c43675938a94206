/**
 * Handles a cron trigger. Runs with the same accessors as a request
 * (`env()`, `d1()`, `waitUntil()` …), but has no request, cookies or session.
 * What it resolves to is ignored: `() => store.purgeExpired()` is a handler.
 *
 * @example
 * ```ts
 * const nightly: CronHandler = async (controller) => {
 *   await d1('DB').prepare('DELETE FROM todos WHERE done = 1').run();
 * };
 * ```
 */
export type CronHandler = (controller: ScheduledController) => void | Promise<unknown>;

interface Entry {
  /** A cron expression from wrangler.toml `[triggers] crons`, or `undefined` for every schedule. */
  readonly schedule: string | undefined;
  readonly handler: CronHandler;
}

/**
 * An app's cron handlers, chosen by the schedule that fired.
 *
 * @example
 * ```ts
 * const crons = new CronHandlers();
 * crons.add('0 3 * * *', purge);
 * await crons.run(controller);
 * ```
 */
export class CronHandlers {
  readonly #entries: Entry[] = [];

  add(schedule: string | undefined, handler: CronHandler): void {
    this.#entries.push({ schedule, handler });
  }

  /** Runs, in order, every handler for the schedule that fired. */
  async run(controller: ScheduledController): Promise<void> {
    const handlers = this.#entries.filter((entry) => entry.schedule === undefined || entry.schedule === controller.cron);
    if (handlers.length === 0) {
      const known = this.#entries.map((entry) => JSON.stringify(entry.schedule)).join(', ') || 'none';
      throw new Error(
        `litflare: no cron handler for schedule ${JSON.stringify(controller.cron)} (registered: ${known}). ` +
          `Register one with app.cron(${JSON.stringify(controller.cron)}, handler), matching wrangler.toml ` +
          '[triggers] crons exactly.',
      );
    }
    for (const { handler } of handlers) await handler(controller);
  }
}
