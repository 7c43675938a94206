// The contestants of the benchmark Worker (bench/app/worker.ts), for the run and the profiler.
import { stringify } from 'devalue';

/** The same 100-row page, rendered every way. `key` names it on the command line of bench:profile. */
export function pageContestants(url) {
  return [
    { key: 'page', name: 'litflare page', url: `${url}/page/litflare` },
    { key: 'collect', name: 'raw Lit collectResult', url: `${url}/page/lit-collect` },
    { key: 'renderer', name: 'litflare renderer alone (one string)', url: `${url}/page/renderer` },
    { key: 'react', name: 'React 19 renderToReadableStream', url: `${url}/page/react` },
    { key: 'string', name: 'plain template string', url: `${url}/page/string` },
    // The rows get their objects as page-level properties (.product=${p}): litflare
    // ships them as hydration data, raw Lit renders and drops them.
    { key: 'data', name: 'litflare page, data as properties', url: `${url}/page/litflare-data` },
    { key: 'collect-data', name: 'raw Lit collectResult, data as properties', url: `${url}/page/lit-collect-data` },
    { key: 'renderer-data', name: 'litflare renderer alone, data as properties', url: `${url}/page/renderer-data` },
  ];
}

/** The argument of every echo: a small object, as a typical call sends. */
export const echoPayload = { id: 42, name: 'litflare', tags: ['a', 'b'], price: 9.5 };

/**
 * The pieces of a server function call, each added to the one before: bare
 * Hono; Hono's secureHeaders(); litflare's app (request context, scope, form
 * guard) without and with its secure headers; the RPC handler (origin check,
 * devalue both ways) without and with them. Every call carries the headers a
 * browser's same-origin fetch sends (`Origin`, `Sec-Fetch-Site`), so the
 * origin check does its real work.
 */
export function rpcContestants(url, rpcId) {
  const browser = { origin: new URL(url).origin, 'sec-fetch-site': 'same-origin' };
  const json = { body: JSON.stringify(echoPayload), type: 'application/json', headers: browser };
  const rpc = { body: stringify([echoPayload]), type: 'application/x-litflare+json', headers: browser };
  const noSecureHeaders = { 'x-bench-app': 'no-secure-headers' };
  return [
    { key: 'hono', name: 'bare Hono JSON echo', url: `${url}/hono/echo`, post: json },
    { key: 'hono-secure', name: 'bare Hono JSON echo + secureHeaders()', url: `${url}/hono/secure-echo`, post: json },
    {
      key: 'json-plain',
      name: 'litflare app JSON route, secureHeaders: false',
      url: `${url}/plain/echo`,
      post: { ...json, headers: { ...browser, ...noSecureHeaders } },
    },
    { key: 'json', name: 'litflare app JSON route', url: `${url}/plain/echo`, post: json },
    {
      key: 'rpc-plain',
      name: 'litflare RPC echo, secureHeaders: false',
      url: `${url}/_lf/rpc/${rpcId}`,
      post: { ...rpc, headers: { ...browser, ...noSecureHeaders } },
    },
    { key: 'rpc', name: 'litflare RPC echo', url: `${url}/_lf/rpc/${rpcId}`, post: rpc },
  ];
}

/** The id of the echo server function, as the bench Worker tells it. */
export async function echoId(url) {
  return (await fetch(`${url}/ids/echo`, { headers: { connection: 'close' } })).text();
}
