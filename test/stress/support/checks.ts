import { parse } from 'devalue';
import { baseURL, call, frames, mentioned, send, withoutMarkers } from './client.js';

/** One user of the stress run: a session, and the secret of the request being checked. */
export interface Visitor {
  user: string;
  cookie: string;
}

/** What can go wrong with one request: nothing (`undefined`), or a description. */
export type Problem = string | undefined;

/** Anything an answer mentions that belongs to another request. */
function foreign(text: string, own: string[]): string[] {
  return [...mentioned(text)].filter((value) => !own.includes(value));
}

/**
 * A page with three slow boundaries: the shell and each streamed boundary
 * must carry this request's secret, header and user, and nothing of anyone else's.
 */
export async function checkPage(visitor: Visitor, secret: string): Promise<Problem> {
  const response = await send(`${baseURL()}/page?secret=${secret}`, { headers: { cookie: visitor.cookie, 'x-secret': secret } });
  const html = await response.text();
  if (response.status !== 200) return `page ${response.status}`;
  const text = withoutMarkers(html);
  if (!text.includes(`<p class="shell">${secret}|${visitor.user}|${secret}</p>`)) return 'page shell without its own values';
  const outputs = text.match(/<output>[^<]*<\/output>/g) ?? [];
  if (outputs.length !== 3 || outputs.some((output) => output !== `<output>${secret}|${visitor.user}|${secret}|${secret}</output>`)) {
    return `page boundaries: ${outputs.join(' ')}`;
  }
  if (html.includes('<lf-b') === false) return 'page did not stream its boundaries';
  const others = foreign(html, [secret, visitor.user]);
  return others.length > 0 ? `page carries another request's data: ${others.join(', ')}` : undefined;
}

/** A plain call that reads the session, a header, KV and D1 after awaits. */
export async function checkCall(ids: Record<string, string>, visitor: Visitor, secret: string): Promise<Problem> {
  const response = await call(ids.reveal!, [secret, Math.round(Math.random() * 50)], visitor.cookie, { 'x-secret': secret });
  const text = await response.text();
  if (response.status !== 200) return `call ${response.status}`;
  const seen = parse(text) as Record<string, string>;
  const want = { secret, user: visitor.user, header: secret, stored: secret };
  if (JSON.stringify(seen) !== JSON.stringify(want)) return `call answered ${JSON.stringify(seen)}`;
  return undefined;
}

/** A streamed result: every item must be this request's. */
export async function checkStream(ids: Record<string, string>, visitor: Visitor, secret: string, items = 5): Promise<Problem> {
  const response = await call(ids.countdown!, [secret, items], visitor.cookie, { 'x-secret': secret });
  const text = await response.text();
  if (response.status !== 200) return `stream ${response.status}`;
  const got = frames(text) as [number, Record<string, unknown>?][];
  const last = got.at(-1);
  if (got.length !== items + 1 || last?.[0] !== 2) return `stream ended with ${JSON.stringify(last)} after ${got.length} frames`;
  for (const [i, [kind, item]] of got.slice(0, -1).entries()) {
    const want = { i, secret, user: visitor.user, header: secret, stored: secret };
    if (kind !== 0 || JSON.stringify(item) !== JSON.stringify(want)) return `stream item ${i}: ${JSON.stringify(item)}`;
  }
  return undefined;
}
