// Contestants take turns in the same run (order rotated each round); each is charged the
// workerd CPU its own turns used, so noise on a shared machine hits all of them alike.
import { workerdCpuSeconds } from './cpu.mjs';
import { drive } from './load.mjs';
import { median } from './stats.mjs';

/**
 * Drives every contestant `rounds` times for `seconds` each. Returns, per
 * contestant, its figures of each round (req/s, server CPU µs per request, p50
 * ms) and their medians: the ratios of two contestants are then taken round by
 * round, between turns that ran side by side.
 */
export async function contest(contestants, { seconds, rounds }) {
  for (const c of contestants) await drive(c.url, 1, c.post); // warm up
  const turns = new Map(contestants.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = contestants.map((_, i) => contestants[(i + round) % contestants.length]);
    for (const c of order) {
      const before = workerdCpuSeconds();
      const result = await drive(c.url, seconds, c.post);
      const cpu = workerdCpuSeconds() - before;
      turns.get(c.name).push({ rps: result.requests / seconds, cpuUs: (cpu / result.requests) * 1e6, p50: result.p50 });
    }
  }
  return contestants.map((c) => {
    const rounds = turns.get(c.name);
    return {
      name: c.name,
      rps: median(rounds.map((t) => t.rps)),
      cpuUs: median(rounds.map((t) => t.cpuUs)),
      p50: median(rounds.map((t) => t.p50)),
      rounds,
    };
  });
}
