// The printed table and bench/RESULTS.md, with each target next to its measured ratio.
import { roundRatio, spread } from './stats.mjs';

const f0 = (n) => (Number.isFinite(n) ? n.toFixed(0) : '—');
const f2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : '—');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const check = (ok) => (ok === undefined ? 'reference' : ok ? 'met' : '**not met**');
/** A median with its spread over the rounds: `1.23 (1.10–1.31)`. */
const ranged = (s, format = f2) => (Number.isFinite(s.median) ? `${format(s.median)} (${format(s.min)}–${format(s.max)})` : '—');
const over = (values) => spread(values);

const COLLECT = 'raw Lit collectResult';
const COLLECT_DATA = 'raw Lit collectResult, data as properties';
const DATA = 'litflare page, data as properties';
const HONO = 'bare Hono JSON echo';
const RPC = 'litflare RPC echo';

/** The collectResult a page is compared with: the one of the same template. */
const baselineOf = (name) => (name.includes('data as properties') ? COLLECT_DATA : COLLECT);

/** Per-round differences of a figure between two contestants (µs), as a spread. */
const roundDiff = (a, b, key = 'cpuUs') => spread(a.rounds.map((turn, i) => turn[key] - b.rounds[i][key]));

/** The i-th starts of two cold-started Workers, differenced (they ran in the same rotation). */
function coldDiff(a, b, figure) {
  return spread(a.runs.map((run, i) => figure(run) - figure(b.runs[i])));
}

/** Ratios against the targets of the benchmark issues: [measure, median, spread or undefined, target, met?]. */
export function targets(r) {
  const rows = [];
  const pages = r.pages;
  const lit = pages['litflare page'];
  const collect = pages[COLLECT];
  if (pages[DATA] && pages[COLLECT_DATA]) {
    const cpu = roundRatio(pages[DATA], pages[COLLECT_DATA], 'cpuUs');
    rows.push(['1. page carrying its data: CPU ÷ collectResult of the same template', cpu, '≤ 0.75', cpu.median <= 0.75]);
    const gzip = r.html[DATA].gzip / r.html[COLLECT_DATA].gzip;
    rows.push(['1. page carrying its data: HTML gzip ÷ collectResult gzip', { median: gzip }, '≤ 1.3', gzip <= 1.3]);
    rows.push(['1. page carrying its data: HTML raw ÷ collectResult raw', { median: r.html[DATA].raw / r.html[COLLECT_DATA].raw }, '—', undefined]);
    // The same rows with their data as attributes, which raw Lit writes into the HTML anyway.
    if (r.html[COLLECT]) rows.push(['1. its HTML gzip ÷ collectResult gzip of the page with attributes', { median: r.html[DATA].gzip / r.html[COLLECT].gzip }, '—', undefined]);
  }
  if (lit && collect) {
    const cpu = roundRatio(lit, collect, 'cpuUs');
    rows.push(['2. litflare page CPU ÷ raw Lit collectResult CPU', cpu, '≤ 0.7 (stretch ≤ 0.5)', cpu.median <= 0.7]);
    const first = r.firstByte['litflare page'].firstByte / r.firstByte[COLLECT].firstByte;
    rows.push(['litflare first byte ÷ collectResult first byte', { median: first }, '≤ 0.33', first <= 1 / 3]);
  }
  const react = pages['React 19 renderToReadableStream'];
  if (react && lit) {
    const ratio = roundRatio(react, lit, 'cpuUs');
    rows.push(['3. React 19 streaming CPU ÷ litflare page CPU', ratio, '≥ 2.0', ratio.median >= 2]);
  }
  const rpc = r.rpc[RPC];
  const hono = r.rpc[HONO];
  if (rpc && hono) {
    const cpu = roundRatio(rpc, hono, 'cpuUs');
    const rps = roundRatio(rpc, hono, 'rps');
    rows.push(['4. RPC echo CPU ÷ bare Hono echo CPU (default secure headers on)', cpu, '≤ 1.15', cpu.median <= 1.15]);
    rows.push(['4. RPC echo req/s ÷ bare Hono echo req/s', rps, '≥ 0.85', rps.median >= 0.85]);
    const secure = r.rpc['bare Hono JSON echo + secureHeaders()'];
    if (secure) rows.push(['RPC echo CPU ÷ Hono echo with secureHeaders() CPU', roundRatio(rpc, secure, 'cpuUs'), '—', undefined]);
  }
  const demo = r.coldStart['demo Worker (built)'];
  const bare = r.coldStart['bare Hono, demo bindings'];
  if (demo && bare) {
    const both = coldDiff(demo, bare, (run) => run.startupMs + run.firstRequestMs);
    rows.push(['5. demo start-up + first request − bare Hono’s, same bindings (ms)', both, '≤ 50', both.median <= 50]);
    rows.push(['5. of which start-up (ms)', coldDiff(demo, bare, (run) => run.startupMs), '—', undefined]);
    rows.push(['5. of which first request (ms)', coldDiff(demo, bare, (run) => run.firstRequestMs), '—', undefined]);
  }
  if (r.streaming.with) {
    const added = r.streaming.with.firstByte - r.streaming.without.firstByte;
    rows.push(['first byte added by a 300 ms boundary (ms)', { median: added }, '< 5', added < 5]);
  }
  if (r.demo.client) {
    const runtime = r.demo.client.upFront['litflare runtime'];
    rows.push(['litflare client runtime a page loads, gzip (KB)', { median: runtime / 1024 }, '≤ 2', runtime <= 2048]);
    rows.push(['demo Worker, gzip (KB)', { median: r.demo.worker.gzip / 1024 }, '≤ 250', r.demo.worker.gzip <= 250 * 1024]);
  }
  return rows;
}

function pageRows(r) {
  return Object.entries(r.pages).map(([name, row]) => {
    const base = r.pages[baselineOf(name)];
    return {
      contestant: name,
      'req/s': ranged(over(row.rounds.map((t) => t.rps)), f0),
      'server CPU µs/req': ranged(over(row.rounds.map((t) => t.cpuUs)), f0),
      'CPU × its collectResult': base ? ranged(roundRatio(row, base, 'cpuUs')) : '—',
      'p50 ms': f2(row.p50),
      'first byte ms': f2(r.firstByte[name]?.firstByte),
      'HTML raw / gzip': r.html[name] ? `${kb(r.html[name].raw)} / ${kb(r.html[name].gzip)}` : '—',
    };
  });
}

function rpcRows(r) {
  const hono = r.rpc[HONO];
  return Object.entries(r.rpc).map(([name, row]) => ({
    contestant: name,
    'req/s': ranged(over(row.rounds.map((t) => t.rps)), f0),
    'server CPU µs/req': ranged(over(row.rounds.map((t) => t.cpuUs)), f0),
    'CPU × bare Hono': hono ? ranged(roundRatio(row, hono, 'cpuUs')) : '—',
    'req/s × bare Hono': hono ? ranged(roundRatio(row, hono, 'rps')) : '—',
    'p50 ms': f2(row.p50),
  }));
}

/** What each piece of a server function call adds, from the differences of the RPC contestants. */
function rpcBreakdown(r) {
  const at = (name) => r.rpc[name];
  const pieces = [
    ["Hono's secureHeaders() on bare Hono", 'bare Hono JSON echo + secureHeaders()', HONO],
    ["litflare's app, no secure headers (request context, scope, form guard)", 'litflare app JSON route, secureHeaders: false', HONO],
    ["litflare's default secure headers, on its JSON route", 'litflare app JSON route', 'litflare app JSON route, secureHeaders: false'],
    ['the RPC handler over a JSON route, no secure headers (id lookup, origin check, devalue both ways)', 'litflare RPC echo, secureHeaders: false', 'litflare app JSON route, secureHeaders: false'],
    ['the RPC handler over a JSON route, default headers', RPC, 'litflare app JSON route'],
    ['all of it: the RPC echo over bare Hono', RPC, HONO],
  ];
  return pieces
    .filter(([, a, b]) => at(a) && at(b))
    .map(([piece, a, b]) => ({ piece, 'adds server CPU µs/req (median of rounds, spread)': ranged(roundDiff(at(a), at(b)), f0) }));
}

function coldRows(r) {
  return Object.entries(r.coldStart).map(([name, row]) => ({
    Worker: name,
    'start-up ms': ranged(row.startupMs, f0),
    'module evaluation ms': ranged(row.evalMs, f0),
    'first request ms': ranged(row.firstRequestMs, f0),
    'workerd CPU, start-up / first request ms': `${f0(row.startupCpuMs.median)} / ${f0(row.firstRequestCpuMs.median)}`,
  }));
}

export function report(r) {
  const lines = [];
  const table = (rows) => {
    if (rows.length === 0) return;
    const heads = Object.keys(rows[0]);
    lines.push(`| ${heads.join(' | ')} |`, `| ${heads.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const row of rows) lines.push(`| ${heads.map((h) => row[h]).join(' | ')} |`);
    lines.push('');
  };
  const m = r.machine;
  lines.push('# litflare benchmarks', '');
  lines.push(
    `Run ${m.date} on ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}; ` +
      `${Object.entries(m.versions).map(([k, v]) => `${k} ${v}`).join(', ')}. ` +
      `Other work on the machine (2 cores shared): other processes used ${m.load
        .map((l) => `${l.otherCores.toFixed(2)} cores during ${l.section}`)
        .join(', ')} (1-minute load average after each, this run included: ${m.load.map((l) => l.loadAverage.toFixed(1)).join(', ')}). ` +
      `Built Workers served by Miniflare directly; load by ${m.loadGenerator}, ` +
      `${m.rounds} rotated rounds of ${m.seconds} s per contestant. Server CPU is user+sys of the ` +
      'workerd processes divided by requests (it includes Miniflare’s entry Worker, which every request passes). ' +
      'Figures are medians over the rounds, with the lowest and highest round in brackets; ratios are taken round ' +
      'by round between turns that ran side by side. Absolute figures move with the machine; compare the ratios.',
    '',
  );
  if (Object.keys(r.pages).length > 0) {
    lines.push('## The same page: 100 row elements with styles inside a layout element', '');
    lines.push(
      'The last three render the same rows given their data as page-level properties (`.product=${p}` in the page ' +
        'template): litflare ships them to the browser as hydration data; raw Lit renders them and drops them.',
      '',
    );
    table(pageRows(r));
  }
  if (Object.keys(r.rpc).length > 0) {
    lines.push('## Server functions: an echo, piece by piece', '');
    lines.push('Every call carries the `Origin` and `Sec-Fetch-Site` headers of a browser’s same-origin fetch.', '');
    table(rpcRows(r));
    table(rpcBreakdown(r));
  }
  if (r.streaming.with) {
    lines.push('## Streaming server data', '');
    lines.push(
      `First byte with a 300 ms boundary: ${f2(r.streaming.with.firstByte)} ms (complete at ${f0(r.streaming.with.total)} ms); ` +
        `the same page without it: ${f2(r.streaming.without.firstByte)} ms.`,
      '',
    );
  }
  if (Object.keys(r.coldStart).length > 0) {
    lines.push('## Cold start', '');
    lines.push(
      `Each Worker started fresh by Miniflare ${m.starts} times in rotation: start-up (\`new Miniflare()\` until ready: ` +
        'workerd spawned, bindings set up, the modules compiled and evaluated), the evaluation of the Worker’s modules ' +
        '(timed inside workerd), and its first request (`GET /`). "Demo bindings": D1, two KV, R2, a queue producer and ' +
        'consumer, a Durable Object class, static assets and a variable, as the demo’s wrangler.toml has them.',
      '',
    );
    table(coldRows(r));
  }
  if (r.demo.client) {
    lines.push('## The demo app', '');
    lines.push(`Worker: ${kb(r.demo.worker.raw)} raw, ${kb(r.demo.worker.gzip)} gzip.`, '');
    lines.push(
      `Client JavaScript every demo page loads up front (minified, gzip): ${Object.entries(r.demo.client.upFront)
        .map(([part, bytes]) => `${part} ${kb(bytes)}`)
        .join(', ')}. Islands load ${kb(r.demo.client.later)} more in all, each only on the pages that have it ` +
        '(the chat room brings the WebSocket client, for example).',
      '',
    );
    const { on, eager } = r.demo.islands;
    lines.push(
      `Islands (home page in Chromium, medians of 5 cold loads): JavaScript fetched ${kb(on.jsBytes)} with islands, ` +
        `${kb(eager.jsBytes)} with every island loaded up front; main-thread script time ${f0(on.scriptMs)} ms vs ${f0(eager.scriptMs)} ms.`,
      '',
    );
  }
  lines.push('## Targets', '');
  table(
    targets(r).map(([what, value, goal, ok]) => ({
      measure: what,
      value: f2(value.median),
      'spread over rounds': value.min === undefined ? '—' : `${f2(value.min)}–${f2(value.max)}`,
      target: goal,
      result: check(ok),
    })),
  );
  const markdown = `${lines.join('\n')}\n`;
  return { table: markdown, markdown };
}
