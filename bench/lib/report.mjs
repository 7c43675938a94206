// The printed table and bench/RESULTS.md, with each target next to its measured ratio.

const f0 = (n) => n.toFixed(0);
const f2 = (n) => n.toFixed(2);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const check = (ok) => (ok === undefined ? 'reference' : ok ? 'met' : '**not met**');

/** Ratios against the targets of the benchmark issue. */
export function targets(r) {
  const lit = r.pages['litflare page'];
  const collect = r.pages['raw Lit collectResult'];
  const react = r.pages['React 19 renderToReadableStream'];
  const rpc = r.rpc['litflare RPC echo'];
  const hono = r.rpc['bare Hono JSON echo'];
  const secure = r.rpc['bare Hono JSON echo + secureHeaders()'];
  const runtime = r.demo.client.upFront['litflare runtime'];
  return [
    ['litflare page CPU ÷ raw Lit collectResult CPU', lit.cpuUs / collect.cpuUs, '≤ 1.0 (stretch ≤ 0.5)', lit.cpuUs / collect.cpuUs <= 1],
    ['litflare first byte ÷ collectResult first byte', r.firstByte['litflare page'].firstByte / r.firstByte['raw Lit collectResult'].firstByte, '≤ 0.33', r.firstByte['litflare page'].firstByte / r.firstByte['raw Lit collectResult'].firstByte <= 1 / 3],
    ['React 19 streaming CPU ÷ litflare page CPU', react.cpuUs / lit.cpuUs, '≥ 1.8', react.cpuUs / lit.cpuUs >= 1.8],
    ['RPC echo CPU ÷ bare Hono echo CPU', rpc.cpuUs / hono.cpuUs, '≤ 1.2', rpc.cpuUs / hono.cpuUs <= 1.2],
    ['RPC echo req/s ÷ bare Hono echo req/s', rpc.rps / hono.rps, '≥ 0.85', rpc.rps / hono.rps >= 0.85],
    ...(secure === undefined ? [] : [['RPC echo CPU ÷ Hono echo with secureHeaders() CPU', rpc.cpuUs / secure.cpuUs, '—', undefined]]),
    ['first byte added by a 300 ms boundary (ms)', r.streaming.with.firstByte - r.streaming.without.firstByte, '< 5', r.streaming.with.firstByte - r.streaming.without.firstByte < 5],
    ['litflare client runtime a page loads, gzip (KB)', runtime / 1024, '≤ 2', runtime <= 2048],
    ['demo Worker, gzip (KB)', r.demo.worker.gzip / 1024, '≤ 250', r.demo.worker.gzip <= 250 * 1024],
  ];
}

export function report(r) {
  const pageRows = Object.entries(r.pages).map(([name, row]) => ({
    contestant: name,
    'req/s': f0(row.rps),
    'server CPU µs/req': f0(row.cpuUs),
    'p50 ms': f2(row.p50),
    'first byte ms': f2(r.firstByte[name].firstByte),
    'HTML raw / gzip': `${kb(r.html[name].raw)} / ${kb(r.html[name].gzip)}`,
  }));
  const rpcRows = Object.entries(r.rpc).map(([name, row]) => ({
    contestant: name,
    'req/s': f0(row.rps),
    'server CPU µs/req': f0(row.cpuUs),
    'p50 ms': f2(row.p50),
  }));
  const goals = targets(r);
  const lines = [];
  const table = (rows) => {
    const heads = Object.keys(rows[0]);
    lines.push(`| ${heads.join(' | ')} |`, `| ${heads.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const row of rows) lines.push(`| ${heads.map((h) => row[h]).join(' | ')} |`);
    lines.push('');
  };
  lines.push('# litflare benchmarks', '');
  lines.push(
    `Run ${r.machine.date} on ${r.machine.cpu}, ${r.machine.memoryGb} GB, Node ${r.machine.node}; ` +
      `${Object.entries(r.machine.versions).map(([k, v]) => `${k} ${v}`).join(', ')}. ` +
      `Built Workers served by Miniflare directly; load by ${r.machine.loadGenerator}, ` +
      `${r.machine.rounds} rotated rounds of ${r.machine.seconds} s per contestant. Server CPU is user+sys of the ` +
      'workerd processes divided by requests. Absolute figures move with the machine; compare the ratios.',
    '',
  );
  lines.push('## The same page: 100 row elements with styles inside a layout element', '');
  table(pageRows);
  lines.push('## Server functions: an echo', '');
  table(rpcRows);
  lines.push('## Streaming server data', '');
  lines.push(
    `First byte with a 300 ms boundary: ${f2(r.streaming.with.firstByte)} ms (complete at ${f0(r.streaming.with.total)} ms); ` +
      `the same page without it: ${f2(r.streaming.without.firstByte)} ms.`,
    '',
  );
  lines.push('## The demo app', '');
  lines.push(
    `Worker: ${kb(r.demo.worker.raw)} raw, ${kb(r.demo.worker.gzip)} gzip. Start-up with all its bindings: ` +
      `${f0(r.demo.startupMs)} ms (an empty Worker: ${f0(r.demo.trivialStartupMs)} ms); first request after start-up: ${f0(r.demo.firstRequestMs)} ms.`,
    '',
  );
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
  lines.push('## Targets', '');
  table(goals.map(([what, value, goal, ok]) => ({ measure: what, value: f2(value), target: goal, result: check(ok) })));
  const markdown = `${lines.join('\n')}\n`;
  return { table: markdown, markdown };
}
