import { parse, stringify } from 'devalue';
import { Agent, fetch as undiciFetch } from 'undici';
import { inject } from 'vitest';

/**
 * The stress clients' connections: one per request, closed after it (no
 * keep-alive). Node's fetch keeps idle connections and reuses them; workerd
 * may close an idle one at any moment (HTTP allows it), and a request that
 * goes out on it just then fails in Node (a browser sends it again). Fresh
 * connections keep such client-side failures out of the figures.
 */
const connections = new Agent({ pipelining: 0, connections: null });

/** Requests sent again because the server closed their connection before any answer. */
export const resent = { count: 0 };

/** `fetch` on a connection of its own; sent once more if the server closed it before answering. */
export async function send(url: string, init: RequestInit = {}): Promise<Response> {
  const request = () => undiciFetch(url, { ...(init as object), dispatcher: connections }) as unknown as Promise<Response>;
  try {
    return await request();
  } catch (error) {
    if (!/other side closed|ECONNRESET/.test(String((error as { cause?: unknown }).cause))) throw error;
    resent.count++;
    return request();
  }
}

/** The stress app's address. */
export const baseURL = (): string => inject('stressURL');

/** The stress app's server function ids, by export name. */
export async function serverFnIds(): Promise<Record<string, string>> {
  return (await (await send(`${baseURL()}/ids`)).json()) as Record<string, string>;
}

/** Calls a server function as the browser proxy does (POST, devalue), with a session cookie and headers. */
export function call(id: string, args: unknown[], cookie = '', headers: Record<string, string> = {}): Promise<Response> {
  return send(`${baseURL()}/_lf/rpc/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-litflare+json', origin: baseURL(), cookie, ...headers },
    body: stringify(args),
  });
}

/** The devalue frames of a streamed answer. */
export function frames(text: string): unknown[] {
  return text.trim().split('\n').map((line) => parse(line) as unknown);
}

/** The `Cookie` header that sends back the session a response set. */
export function sessionCookie(response: Response): string {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith('__Host-lf_session='));
  if (line === undefined) throw new Error(`no session cookie in a ${response.status} answer`);
  return line.split(';')[0]!;
}

/** A value only one request knows: random, and recognizable in any answer (`sec-…`). */
export const secret = (): string => `sec-${crypto.randomUUID().replace(/-/g, '')}`;

/** A user name only one session knows (`usr-…`). */
export const userName = (): string => `usr-${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;

/** Every secret and user name an answer mentions: a foreign one is another request's data. */
export function mentioned(text: string): Set<string> {
  return new Set(text.match(/(?:sec|usr)-[0-9a-f]{16,32}/g) ?? []);
}

/** A page's text with Lit's comment markers removed. */
export const withoutMarkers = (html: string): string => html.replace(/<!--[^>]*-->/g, '');

/** Percentiles of sorted-on-demand numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
