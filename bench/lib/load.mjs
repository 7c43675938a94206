// Load: wrk when installed (Debian's), else autocannon from npm.
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = fileURLToPath(new URL('.', import.meta.url));
const hasWrk = spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;

/** The load generator in use. */
export const loadGenerator = hasWrk ? 'wrk -t1 -c8' : 'autocannon -c8';

/**
 * Drives `url` for `seconds` (a POST of `post.body` as `post.type`, with
 * `post.headers`, when given); returns requests done and median latency (ms).
 * Fails on any non-2xx answer.
 */
export async function drive(url, seconds, post) {
  if (hasWrk) {
    const args = ['-t1', '-c8', `-d${seconds}s`, '--latency'];
    if (post) args.push('-s', join(here, '../post.lua'));
    const run = spawnSync('wrk', [...args, url], {
      encoding: 'utf8',
      env: {
        ...process.env,
        BENCH_BODY: post?.body ?? '',
        BENCH_TYPE: post?.type ?? '',
        BENCH_HEADERS: Object.entries(post?.headers ?? {})
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n'),
      },
    });
    if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(run.stdout)?.[1] ?? 0);
    const requests = Number(/(\d+) requests in/.exec(run.stdout)?.[1] ?? 0);
    const [connect, read, write, timeout] = (/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(run.stdout) ?? [])
      .slice(1)
      .map(Number);
    // A request slower than wrk's 2 s limit is a stall of a shared machine, not an error, unless it is common.
    if (non2xx > 0 || connect || read || write || timeout > requests / 100) throw new Error(`${url}: errors under load\n${run.stdout}`);
    const p50 = /50%\s+([\d.]+)(us|ms|s)\b/.exec(run.stdout);
    return {
      requests,
      p50: p50 ? Number(p50[1]) * { us: 0.001, ms: 1, s: 1000 }[p50[2]] : Number.NaN,
    };
  }
  const result = await autocannon({
    url,
    connections: 8,
    duration: seconds,
    method: post ? 'POST' : 'GET',
    body: post?.body,
    headers: post ? { 'content-type': post.type, ...post.headers } : {},
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { requests: result.requests.total, p50: result.latency.p50 };
}

/** One request on `agent`'s connection, asking for gzip as browsers do: ms to the first body byte and to the end. */
function timeOne(url, agent) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers: { 'accept-encoding': 'gzip, br' } }, (response) => {
      let first;
      response.on('data', () => {
        first ??= performance.now() - started;
      });
      response.on('end', () => resolve({ first, total: performance.now() - started }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Median time to the first body byte and to the end for each url, over
 * sequential requests taken in turn (one from each url, then again), each url
 * on its own warm keep-alive connection: a pause of the machine hits them all
 * alike, and no sample pays for a TCP handshake.
 */
export async function firstBytes(urls, samples = 31) {
  const agents = urls.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const times = urls.map(() => ({ first: [], total: [] }));
  try {
    for (let i = 0; i < samples + 5; i++) {
      for (const [j, url] of urls.entries()) {
        const timed = await timeOne(url, agents[j]);
        // The first rounds warm the connections and the JIT.
        if (i < 5) continue;
        times[j].first.push(timed.first);
        times[j].total.push(timed.total);
      }
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  return times.map(({ first, total }) => ({ firstByte: median(first), total: median(total) }));
}
