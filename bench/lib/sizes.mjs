// Sizes: HTML (raw and gzip), client JavaScript by part, the built Worker.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createBuilder } from 'vite';

export const gzip = (text) => gzipSync(text, { level: 9 }).length;

/** Raw and gzip bytes of a page. */
export async function htmlBytes(url) {
  const text = await (await fetch(url, { headers: { connection: 'close' } })).text();
  return { raw: Buffer.byteLength(text), gzip: gzip(text) };
}

/** Raw and gzip bytes of every .js file under a folder. */
export function jsBytes(dir) {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
  const code = files.map((name) => readFileSync(join(dir, name), 'utf8')).join('\n');
  return { raw: Buffer.byteLength(code), gzip: gzip(code) };
}

const PARTS = [
  ['lit', /[\\/]node_modules[\\/](?:lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/],
  ['hydrate support', /[\\/]node_modules[\\/]@lit-labs[\\/]ssr-client[\\/]/],
  ['litflare runtime', /[\\/]src[\\/](?:client|shared)[\\/]/],
  ['devalue', /[\\/]node_modules[\\/]devalue[\\/]/],
];

async function buildClient(root, groups) {
  const builder = await createBuilder({
    root,
    configLoader: 'runner',
    logLevel: 'silent',
    environments: {
      client: {
        build: { write: false, rolldownOptions: groups ? { output: { codeSplitting: { groups, includeDependenciesRecursively: false } } } : {} },
      },
    },
  });
  const output = await builder.build(builder.environments.client);
  return (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((o) => o.type === 'chunk');
}

/** The entry chunk and every chunk it imports statically: what a page loads up front. */
function upFront(chunks) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set();
  const visit = (chunk) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  return seen;
}

/**
 * The demo's client JavaScript (gzip, minified as shipped). `upFront` is what
 * every page loads with its entry, split into lit, Lit's hydrate support,
 * litflare's runtime, devalue and the app's code (a second build puts each
 * part of the entry's modules in a chunk of its own); `later` is the code
 * islands load on the pages that have them (the chat's WebSocket client, …).
 */
export async function clientParts(root) {
  const first = await buildClient(root);
  const entryModules = new Set([...upFront(first)].flatMap((chunk) => Object.keys(chunk.modules)));
  const groups = PARTS.map(([name, test], i) => ({
    name: name.replace(/ /g, '-'),
    test: (id) => entryModules.has(id) && test.test(id),
    priority: 100 - i,
  }));
  const split = await buildClient(root, groups);
  const loaded = upFront(split);
  const upFrontParts = Object.fromEntries([...PARTS.map(([name]) => [name, 0]), ['app', 0]]);
  let later = 0;
  for (const chunk of split) {
    if (!loaded.has(chunk)) {
      later += gzip(chunk.code);
      continue;
    }
    const part = PARTS.find(([name]) => chunk.name === name.replace(/ /g, '-'))?.[0] ?? 'app';
    upFrontParts[part] += gzip(chunk.code);
  }
  return { upFront: upFrontParts, later };
}
