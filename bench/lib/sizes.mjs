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
  ['litflare runtime', /[\\/](?:src[\\/](?:client|shared)|node_modules[\\/](?:devalue|partysocket))[\\/]/],
];

/**
 * The demo's client JavaScript (gzip), split into lit, Lit's hydrate support,
 * litflare's runtime (with devalue and partysocket) and the app's own code:
 * one client build with a chunk per part.
 */
export async function clientParts(root) {
  const builder = await createBuilder({
    root,
    configLoader: 'runner',
    logLevel: 'silent',
    environments: {
      client: {
        build: {
          write: false,
          rolldownOptions: {
            output: {
              codeSplitting: { groups: PARTS.map(([name, test], i) => ({ name: name.replace(/ /g, '-'), test, priority: 100 - i })) },
            },
          },
        },
      },
    },
  });
  const output = await builder.build(builder.environments.client);
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((o) => o.type === 'chunk');
  const parts = Object.fromEntries([...PARTS.map(([name]) => [name, 0]), ['app', 0]]);
  for (const chunk of chunks) {
    const part = PARTS.find(([name]) => chunk.name === name.replace(/ /g, '-'))?.[0] ?? 'app';
    parts[part] += gzip(chunk.code);
  }
  return parts;
}
