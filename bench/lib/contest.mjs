// Contestants take turns in the same run (order rotated each round); each is charged the
// workerd CPU its own turns used, so noise on a shared machine hits all of them alike.
import { workerdCpuSeconds } from './cpu.mjs';
import { drive } from './load.mjs';

/** Drives every contestant `rounds` times for `seconds` each; returns req/s, server CPU µs per request, p50. */
export async function contest(contestants, { seconds, rounds }) {
  for (const c of contestants) await drive(c.url, 1, c.post); // warm up
  const totals = new Map(contestants.map((c) => [c.name, { requests: 0, cpu: 0, p50: [] }]));
  for (let round = 0; round < rounds; round++) {
    const order = contestants.map((_, i) => contestants[(i + round) % contestants.length]);
    for (const c of order) {
      const before = workerdCpuSeconds();
      const result = await drive(c.url, seconds, c.post);
      const total = totals.get(c.name);
      total.cpu += workerdCpuSeconds() - before;
      total.requests += result.requests;
      total.p50.push(result.p50);
    }
  }
  return contestants.map((c) => {
    const t = totals.get(c.name);
    const p50 = t.p50.sort((a, b) => a - b)[Math.floor(t.p50.length / 2)];
    return { name: c.name, rps: t.requests / (seconds * rounds), cpuUs: (t.cpu / t.requests) * 1e6, p50 };
  });
}
