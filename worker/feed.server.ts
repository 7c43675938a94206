import { request } from 'litflare/worker';

/** One event of the live feed. */
export interface Tick {
  n: number;
  at: Date;
  /** Where the Worker runs (the Cloudflare colo; "local" in development). */
  where: string;
}

/**
 * A live feed: one event every `intervalMs`, streamed to the browser as it is
 * produced, until the caller stops listening (at most `limit` events).
 */
export async function* ticks(intervalMs = 500, limit = 600): AsyncGenerator<Tick> {
  const where = String(request().cf?.colo ?? 'local');
  for (let n = 1; n <= limit; n++) {
    yield { n, at: new Date(), where };
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
