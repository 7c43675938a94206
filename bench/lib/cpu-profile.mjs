// Reads a V8 CPU profile of a bundled Worker: which source module each
// sampled function comes from (Rolldown writes `// <path>` before each
// module it concatenates), and where the time goes, per request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Maps `url:line` of a bundled file to the module the line comes from. */
export class ModuleMap {
  #files = new Map();

  constructor(dir) {
    this.dir = dir;
  }

  #starts(url) {
    let starts = this.#files.get(url);
    if (starts !== undefined) return starts;
    starts = [];
    try {
      const lines = readFileSync(join(this.dir, url), 'utf8').split('\n');
      for (const [i, line] of lines.entries()) {
        // A path alone on a comment line: `// node_modules/lit-html/node/lit-html.js`, `// \0rolldown/runtime.js`.
        const marker = /^\/\/ (\S+\/\S+)$/.exec(line);
        if (marker && !marker[1].includes('://')) starts.push([i, marker[1]]);
      }
    } catch {
      // not a file of the build (a workerd built-in module)
    }
    this.#files.set(url, starts);
    return starts;
  }

  /** The module of a call frame's line (0-based), or the url itself when the file has no markers. */
  moduleOf(url, line) {
    const starts = this.#starts(url);
    let found;
    for (const [start, path] of starts) {
      if (start > line) break;
      found = path;
    }
    return found ?? url;
  }
}

// Areas of the code, first match wins. Folders as of the restructuring
// (renderer/, page/, streaming/, security/, decode/, errors/) and as before it
// (render/, ssr/), so that profiles of older commits read the same.
const AREAS = [
  [/src\/worker\/(?:ssr|page)\/hydration-data|src\/shared\/hydration/, 'litflare hydration data (props script)'],
  [/node_modules\/devalue\//, 'devalue'],
  [/src\/worker\/(?:render|renderer)\//, 'litflare renderer'],
  [/src\/worker\/(?:ssr|page|streaming)\//, 'litflare page pipeline (shell, chunks, stream, boundaries)'],
  [/src\/(?:worker\/rpc|worker\/decode|shared\/rpc)\//, 'litflare RPC handler (decode, respond)'],
  [/src\/worker\/(?:app|context|cookies|session|bindings|security|errors)\//, 'litflare app (middleware, context, scope, headers)'],
  [/src\//, 'litflare (other)'],
  [/node_modules\/lit-html\//, 'lit-html'],
  [/node_modules\/(?:lit-element|@lit\/reactive-element)\//, 'LitElement / ReactiveElement'],
  [/node_modules\/@lit-labs\/ssr-dom-shim\//, 'DOM shim (@lit-labs/ssr-dom-shim)'],
  [/node_modules\/@lit-labs\/ssr\//, '@lit-labs/ssr'],
  [/node_modules\/(?:parse5|@parse5|entities)\//, 'parse5'],
  [/node_modules\/hono\//, 'Hono'],
  [/node_modules\/(?:react|react-dom|scheduler)\//, 'React'],
  [/bench\/app\//, 'bench app (templates, elements, routes)'],
  [/rolldown\/runtime/, 'bundler runtime'],
];

/** The area of a module path (or of a V8 pseudo-frame). */
export function areaOf(module) {
  if (module === '(program)') return 'workerd native, outside JS (program)';
  if (module === '(garbage collector)') return 'V8 garbage collector';
  if (module === '(native)') return 'built-ins run from the event loop (promise jobs, stream internals)';
  for (const [test, area] of AREAS) if (test.test(module)) return area;
  return module;
}

const PSEUDO = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/**
 * Where the time of `profile` went, in µs per request: by area and by module
 * (a built-in or native function, which has no script, is charged to the
 * module of the JavaScript that called it), the functions with the most self
 * time, and the litflare and devalue functions with the most total time.
 *
 * V8 samples an isolate only while it runs: with several Workers on one
 * thread, the gaps between samples are other isolates' time, so each sample
 * counts the same. With `cpuUsPerRequest` (this Worker's CPU per request,
 * measured without the profiler, whose sampling costs CPU too), a share of
 * the samples is that share of it; without it, a sample counts the median
 * interval between samples, divided by `requests`.
 */
export function analyse(profile, modules, { requests, cpuUsPerRequest }) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const deltas = [...profile.timeDeltas].sort((a, b) => a - b);
  const interval = deltas[Math.floor(deltas.length / 2)] ?? 0;
  const self = new Map();
  let total = 0;
  for (const id of profile.samples) {
    self.set(id, (self.get(id) ?? 0) + 1);
    total++;
  }
  const info = new Map();
  const describe = (id) => {
    let known = info.get(id);
    if (known) return known;
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    let module;
    let native = false;
    if (PSEUDO.has(name)) module = name;
    else if (callFrame.url) module = modules.moduleOf(callFrame.url, callFrame.lineNumber);
    else {
      native = true;
      // Charged to the nearest caller with a script.
      let up = parent.get(id);
      while (up !== undefined && !byId.get(up).callFrame.url) up = parent.get(up);
      module = up === undefined ? '(native)' : describe(up).module;
    }
    const key = native ? `${name} [built-in] ← ${module}` : PSEUDO.has(name) ? name : `${name}  ${module}:${callFrame.lineNumber + 1}`;
    known = { name, module, key, native, area: areaOf(module) };
    info.set(id, known);
    return known;
  };
  const idle = [...self].filter(([id]) => describe(id).name === '(idle)').reduce((sum, [, dt]) => sum + dt, 0);
  const busy = total - idle;
  const perRequest = (samples) => (cpuUsPerRequest === undefined ? (samples * interval) / requests : (samples / busy) * cpuUsPerRequest);
  const add = (map, key, dt) => map.set(key, (map.get(key) ?? 0) + dt);
  const areas = new Map();
  const byModule = new Map();
  const functions = new Map();
  for (const [id, dt] of self) {
    const d = describe(id);
    if (d.name === '(idle)' || d.name === '(root)') continue;
    add(areas, d.area, dt);
    add(byModule, d.module, dt);
    add(functions, d.key, dt);
  }
  // Total (inclusive) time of each litflare and devalue function: each sample counted once per function on its stack.
  const inclusive = new Map();
  for (const [leaf, dt] of self) {
    const seen = new Set();
    for (let id = leaf; id !== undefined; id = parent.get(id)) {
      const d = describe(id);
      if (d.native || !/src\/|node_modules\/devalue\//.test(d.module) || seen.has(d.key)) continue;
      seen.add(d.key);
      add(inclusive, d.key, dt);
    }
  }
  const ranked = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, us]) => ({ key, usPerRequest: perRequest(us), share: us / busy }));
  const outside = [...self].filter(([id]) => describe(id).name === '(program)').reduce((sum, [, dt]) => sum + dt, 0);
  return {
    requests,
    samples: total,
    interval,
    sampledUsPerRequest: (busy * interval) / requests,
    busyUsPerRequest: perRequest(busy),
    // This isolate's JavaScript and its garbage collection: what is not (program) or (idle).
    ownUsPerRequest: perRequest(busy - outside),
    areas: ranked(areas, 30),
    modules: ranked(byModule, 25),
    functions: ranked(functions, 25),
    inclusive: ranked(inclusive, 20),
  };
}

/** Several profiles as one (their samples together), e.g. of the same request in several fresh starts. */
export function mergeProfiles(profiles) {
  const merged = { nodes: [], samples: [], timeDeltas: [] };
  for (const [i, profile] of profiles.entries()) {
    const offset = i * 10_000_000;
    for (const node of profile.nodes) merged.nodes.push({ ...node, id: node.id + offset, children: node.children?.map((child) => child + offset) });
    merged.samples.push(...profile.samples.map((id) => id + offset));
    merged.timeDeltas.push(...profile.timeDeltas);
  }
  return merged;
}

/** The analysis as text tables. */
export function formatAnalysis(title, a, note = '') {
  const row = (r) => `${r.usPerRequest.toFixed(1).padStart(9)} µs  ${(r.share * 100).toFixed(1).padStart(5)} %  ${r.key}`;
  return [
    `== ${title}`,
    `   ${a.requests} requests, ${a.samples} samples (median interval ${a.interval} µs: ${a.sampledUsPerRequest.toFixed(0)} µs per request sampled)${note}`,
    '-- by area (self time; built-ins charged to the module that called them)',
    ...a.areas.map(row),
    '-- by module',
    ...a.modules.map(row),
    '-- top functions by self time',
    ...a.functions.map(row),
    '-- litflare and devalue functions by total time (callees included)',
    ...a.inclusive.map(row),
    '',
  ].join('\n');
}
