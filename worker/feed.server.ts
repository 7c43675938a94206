import { request, serverFn } from 'litflare/worker';
import * as v from 'valibot';

/** One event of the live feed. */
export interface Tick {
  n: number;
  at: Date;
  /** Where the Worker runs (the Cloudflare colo; "local" in development). */
  where: string;
}

/** A feed ends by itself: at most this many events, over at most this long. */
const FEED_LIMITS = { events: 600, intervalMs: { min: 100, max: 5_000 }, durationMs: 5 * 60_000 };

const FeedOptions = v.pipe(
  v.object({
    intervalMs: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(FEED_LIMITS.intervalMs.min, `Ticks come at most every ${FEED_LIMITS.intervalMs.min} ms.`),
        v.maxValue(FEED_LIMITS.intervalMs.max, `Ticks come at least every ${FEED_LIMITS.intervalMs.max} ms.`),
      ),
      500,
    ),
    limit: v.optional(
      v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(FEED_LIMITS.events, `A feed has at most ${FEED_LIMITS.events} events.`)),
      FEED_LIMITS.events,
    ),
  }),
  v.check(
    ({ intervalMs, limit }) => intervalMs * limit <= FEED_LIMITS.durationMs,
    `A feed runs for at most ${FEED_LIMITS.durationMs / 60_000} minutes (limit × intervalMs).`,
  ),
);

/**
 * A live feed: one event every `intervalMs` (100–5,000 ms, default 500),
 * streamed to the browser as it is produced, until the caller stops listening
 * or `limit` events (at most 600, and at most 5 minutes' worth) have gone out.
 */
export const ticks = serverFn({ input: v.optional(FeedOptions, {}) }, async function* ({ intervalMs, limit }): AsyncGenerator<Tick> {
  const where = String(request().cf?.colo ?? 'local');
  for (let n = 1; n <= limit; n++) {
    yield { n, at: new Date(), where };
    if (n < limit) await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
});
