import { decodeHydrationPayload } from '../../src/shared/hydration.js';
import { html } from 'lit';
import { issuesFor, serverFnMeta, validationIssues, ServerError } from 'litflare';
import { createApp, d1SessionStore, session } from 'litflare/worker';
import { beforeEach, describe, expect, it } from 'vitest';
import { received } from './fixtures/form-log.js';
import { notAForm, saveNote, signInForm } from './fixtures/forms.server.js';
import { release } from './fixtures/latches.js';
import { readChunks } from './fixtures/read.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';
import { proxyFor, useApp } from './fixtures/rpc-client.js';
import './fixtures/form-probes.js';
import './fixtures/data-probes.js';

const app = createApp({ shell: testShell, dev: false, session: { store: d1SessionStore('DB') } });
app.page('/notes', () => html`<main><h1>Notes</h1><note-form></note-form></main>`);
app.page('/who', async () => html`<p>${(await session<{ user?: string }>()).get('user') ?? 'nobody'}</p>`);
app.page('/slow', (c) => html`<main><h1>Board</h1><data-probe token=${c.req.query('t') ?? ''} value="board"></data-probe><footer>end</footer></main>`);
app.page('/slow-in-order', (c) => html`<main><h1>Board</h1><data-probe token=${c.req.query('t') ?? ''} value="board"></data-probe></main>`, {
  streaming: 'in-order',
});

const SESSION = '__Host-lf_session';
const actionOf = (fn: unknown) => `?lf-action=${serverFnMeta(fn)!.id}`;
const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  send(app, path, { method: 'POST', body, headers, redirect: 'manual' });
const urlencoded = (fields: [string, string][]) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://app.test' };
/** The hydration payloads of a page. */
const payloads = (page: string) =>
  [...page.matchAll(/<script type="application\/litflare\+devalue">(.*?)<\/script>/g)].map((m) => decodeHydrationPayload(m[1]!) as Record<string, unknown>);

beforeEach(() => {
  received.input = undefined;
  received.runs = 0;
});

describe('a form action posted without JavaScript: decoding', () => {
  it('urlencoded: repeated keys are arrays, dots nest, `name[]` is always an array, numbers and booleans by the schema, an unknown field never reaches the function', async () => {
    const response = await post(
      `/notes${actionOf(saveNote)}`,
      urlencoded([
        ['title', ' Milk '],
        ['tags[]', 'only'],
        ['priority', '3'],
        ['done', 'on'],
        ['address.city', 'Porto'],
        ['address.zip', '4000'],
        ['sneaky', 'x'],
      ]),
      FORM,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/notes');
    expect(received.input).toEqual({ title: 'Milk', tags: ['only'], priority: 3, done: true, address: { city: 'Porto', zip: '4000' }, attachment: undefined });
    const repeated = await post(`/notes${actionOf(saveNote)}`, urlencoded([['title', 'a'], ['tags', 'x'], ['tags', 'y']]), FORM);
    expect(repeated.status).toBe(303);
    expect(received.input).toMatchObject({ tags: ['x', 'y'] });
  });

  it('multipart with a file: the function gets a File', async () => {
    const form = new FormData();
    form.set('title', 'With a file');
    form.set('attachment', new File(['hello file'], 'hello.txt', { type: 'text/plain' }));
    const response = await post(`/notes${actionOf(saveNote)}`, form, { origin: 'https://app.test' });
    expect(response.status).toBe(303);
    expect(received.input).toMatchObject({ title: 'With a file', attachment: { name: 'hello.txt', text: 'hello file' } });
  });

  it('empty fields: an empty text is an empty string (the schema decides), an empty file input is left out', async () => {
    const form = new FormData();
    form.set('title', 'x');
    form.set('body', '');
    form.set('attachment', new File([], ''));
    expect((await post(`/notes${actionOf(saveNote)}`, form, { origin: 'https://app.test' })).status).toBe(303);
    expect(received.input).toMatchObject({ title: 'x', body: '', attachment: undefined });
    const empty = await post(`/notes${actionOf(saveNote)}`, urlencoded([['title', '']]), FORM);
    expect(empty.status).toBe(400);
    expect(received.runs).toBe(1);
  });

  it('a body over the limit → 413, another site → 403, another content type → 415, and the function never runs', async () => {
    const big = urlencoded([['title', 'x'], ['body', 'a'.repeat(2 * 1024 * 1024)]]);
    const tooLarge = await post(`/notes${actionOf(saveNote)}`, big, FORM);
    expect(tooLarge.status).toBe(413);
    // Streamed without a Content-Length: stopped while reading.
    const stream = new Blob([big]).stream();
    const streamed = await send(app, `/notes${actionOf(saveNote)}`, { method: 'POST', body: stream, headers: FORM, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    const crossSite = await post(`/notes${actionOf(saveNote)}`, urlencoded([['title', 'x']]), { ...FORM, origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain('cross-site form posts are refused');
    const json = await post(`/notes${actionOf(saveNote)}`, JSON.stringify({ title: 'x' }), { 'content-type': 'application/json', origin: 'https://app.test' });
    expect(json.status).toBe(415);
    expect(await json.text()).toContain('not application/json');
    expect(received.runs).toBe(0);
  });

  it('an unknown action, a function that is not a form action, or a post without an action → 404; a broken multipart body → 400', async () => {
    expect((await post('/notes?lf-action=nope', urlencoded([['title', 'x']]), FORM)).status).toBe(404);
    expect((await post('/notes?lf-action=__proto__', urlencoded([['title', 'x']]), FORM)).status).toBe(404);
    expect((await post(`/notes${actionOf(notAForm)}`, urlencoded([['title', 'x']]), FORM)).status).toBe(404);
    expect((await post('/notes', urlencoded([['title', 'x']]), FORM)).status).toBe(404);
    const broken = await post(`/notes${actionOf(saveNote)}`, '--xx\r\nnot a part', { 'content-type': 'multipart/form-data; boundary=xx', origin: 'https://app.test' });
    expect(broken.status).toBe(400);
    expect(received.runs).toBe(0);
  });

  it('keeps the page’s other query in the 303, and never answers with a protocol-relative location', async () => {
    const response = await post(`/notes?view=all&lf-action=${serverFnMeta(saveNote)!.id}`, urlencoded([['title', 'x']]), FORM);
    expect(response.headers.get('location')).toBe('/notes?view=all');
    const sneaky = await send(app, `https://app.test//notes${actionOf(saveNote)}`, { method: 'POST', body: urlencoded([['title', 'x']]), headers: FORM, redirect: 'manual' });
    expect(sneaky.headers.get('location') ?? '').not.toMatch(/^\/\//);
  });
});

describe('a form action posted without JavaScript: the answer', () => {
  it('invalid input: the page again, 400, values kept, each issue beside its field, the state in the hydration data', async () => {
    const response = await post(`/notes${actionOf(saveNote)}`, urlencoded([['title', ''], ['address.city', 'P']]), FORM);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('<h1>Notes</h1>');
    expect(page).toMatch(/<input name="address\.city" value="P"/);
    expect(page).toMatch(/<input name="title"[^>]*>[\s\S]*<p class="issue" data-for="title"><!--lit-part-->Write a title\.<!--\/lit-part--><\/p>/);
    expect(page).toMatch(/<p class="issue" data-for="address\.city"><!--lit-part-->Name a city\.<!--\/lit-part--><\/p>/);
    const form = payloads(page).find((payload) => payload.form !== undefined)?.form as { id: string; values: unknown; issues: unknown };
    expect(form.id).toBe(serverFnMeta(saveNote)!.id);
    expect(form.values).toEqual({ title: '', address: { city: 'P' } });
    expect(form.issues).toEqual([
      { message: 'Write a title.', path: ['title'] },
      { message: 'Name a city.', path: ['address', 'city'] },
    ]);
    expect(received.runs).toBe(0);
  });

  it('a ServerError: its status and message on the page again; an unexpected error: the generic 500 page', async () => {
    const taken = await post(`/notes${actionOf(saveNote)}`, urlencoded([['title', 'taken']]), FORM);
    expect(taken.status).toBe(409);
    const page = await taken.text();
    expect(page).toContain('409<!--/lit-part-->: <!--lit-part-->That title is taken.');
    expect(page).toMatch(/<input name="title" value="taken"/);
    const crash = await post(`/notes${actionOf(saveNote)}`, urlencoded([['title', 'crash']]), FORM);
    expect(crash.status).toBe(500);
    expect(await crash.text()).not.toContain('hunter2');
  });

  it('a redirect() in the action is a 303 there', async () => {
    const response = await post(`/notes${actionOf(saveNote)}`, urlencoded([['title', 'elsewhere']]), FORM);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/elsewhere');
  });

  it('never shows a submitted value unescaped', async () => {
    const payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const response = await post(`/notes${actionOf(saveNote)}`, urlencoded([['title', payload], ['address.city', `'${payload}`]]), FORM);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const form = payloads(page).find((p) => p.form !== undefined)?.form as { values: { title: string } };
    expect(form.values.title).toBe(payload);
  });

  it('signs in through a form with a new session id (no fixation), in the same request’s session', async () => {
    const first = await post(`/who${actionOf(signInForm)}`, urlencoded([['name', 'mallory']]), FORM);
    expect(first.status).toBe(303);
    const planted = first.headers.getSetCookie().find((line) => line.startsWith(`${SESSION}=`))!.split(';')[0]!;
    const victim = await post(`/who${actionOf(signInForm)}`, urlencoded([['name', 'victim']]), { ...FORM, cookie: planted });
    expect(victim.status).toBe(303);
    expect(victim.headers.get('location')).toBe('/who');
    const rotated = victim.headers.getSetCookie().find((line) => line.startsWith(`${SESSION}=`))!.split(';')[0]!;
    expect(rotated).not.toBe(planted);
    expect(await (await send(app, '/who', { headers: { cookie: rotated } })).text()).toContain('<p><!--lit-part-->victim');
    expect(await (await send(app, '/who', { headers: { cookie: planted } })).text()).toContain('<p><!--lit-part-->nobody');
  });
});

describe('a form action through RPC (an enhanced form)', () => {
  it('takes the form’s own multipart body, decoded as a post to the page is, and answers as RPC does', async () => {
    useApp(app);
    const proxy = proxyFor(saveNote) as unknown as (input: FormData) => Promise<unknown>;
    const form = new FormData();
    form.set('title', 'Enhanced');
    form.append('tags', 'a');
    form.append('tags', 'b');
    form.set('attachment', new File(['bytes'], 'b.txt'));
    expect(await proxy(form)).toEqual({ saved: 'Enhanced' });
    expect(received.input).toMatchObject({ title: 'Enhanced', tags: ['a', 'b'], attachment: { name: 'b.txt', text: 'bytes' } });
    // devalue arguments still work.
    expect(await proxyFor(saveNote)({ title: 'Typed' })).toEqual({ saved: 'Typed' });
    const invalid = new FormData();
    invalid.set('title', '');
    const error = await proxy(invalid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(issuesFor(validationIssues(error), 'title')).toEqual(['Write a title.']);
  });

  it('a function that is not a form action takes no form body (415)', async () => {
    const response = await send(app, `/_lf/rpc/${serverFnMeta(notAForm)!.id}`, { method: 'POST', body: urlencoded([['title', 'x']]), headers: FORM });
    expect(response.status).toBe(415);
    expect(received.runs).toBe(0);
  });
});

describe('validationIssues() and issuesFor()', () => {
  it('tell a schema failure from any other error, and pick a field’s messages', () => {
    const issues = [
      { message: 'Write a title.', path: ['title'] },
      { message: 'Bad tag', path: ['tags', 1] },
      { message: 'Whole form' },
    ];
    expect(validationIssues(new ServerError(400, 'Invalid input', { issues }))).toEqual(issues);
    expect(validationIssues(new ServerError(409, 'Taken', { issues }))).toBeUndefined();
    expect(validationIssues(new ServerError(400, 'Bad', { issues: 'no' }))).toBeUndefined();
    expect(validationIssues(new Error('x'))).toBeUndefined();
    expect(validationIssues(undefined)).toBeUndefined();
    expect(issuesFor(issues, 'title')).toEqual(['Write a title.']);
    expect(issuesFor(issues, 'tags')).toEqual(['Bad tag']);
    expect(issuesFor(issues, 'tag')).toEqual([]);
    expect(issuesFor(issues, '')).toEqual(['Whole form']);
    expect(issuesFor(undefined, 'title')).toEqual([]);
  });
});

/** The first chunk of a page while its slow data is held, then the rest once `token` is released. */
async function readAroundRelease(response: Response, token: string): Promise<{ first: string; rest: string }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const first = decoder.decode((await reader.read()).value);
  release(token);
  let rest = '';
  for (let step = await reader.read(); !step.done; step = await reader.read()) rest += decoder.decode(step.value, { stream: true });
  return { first, rest };
}

describe('complete HTML for clients that run no script', () => {
  const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
  const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

  it('a bot gets each ServerData element in place with its data, no swap script; the first byte before the slow data', async () => {
    const token = crypto.randomUUID();
    const { first, rest } = await readAroundRelease(await send(app, `/slow?t=${token}`, { headers: { 'user-agent': BOT } }), token);
    expect(first).toContain('<h1>Board</h1>');
    expect(first).not.toContain('Loading');
    const page = first + rest;
    expect(page).toMatch(/<data-probe[^>]*><template shadowroot="open" shadowrootmode="open">[\s\S]*<b>Got <!--lit-part-->board<!--\/lit-part--><\/b>[\s\S]*<\/template><\/data-probe><footer>end<\/footer>/);
    expect(page).not.toContain('data-lf-b');
    expect(page).not.toContain('<lf-b');
    expect(page).not.toMatch(/<script(?! type="application\/litflare\+devalue")[^>]*>[^<]/);
    // The value still travels for hydration.
    expect(payloads(page).some((payload) => payload.data !== undefined)).toBe(true);
  });

  it('a browser still gets the shell at once and the element streamed out of order', async () => {
    const token = crypto.randomUUID();
    const { first, rest } = await readAroundRelease(await send(app, `/slow?t=${token}`, { headers: { 'user-agent': BROWSER } }), token);
    expect(first).toContain('Loading');
    expect(first).toMatch(/data-lf-b="0"/);
    expect(first).toContain('<footer>end</footer>');
    expect(rest).toContain('<lf-b id="lf-b-0"');
  });

  it('a page may stream in order for everyone; a bot list of the app’s own replaces the default', async () => {
    const token = crypto.randomUUID();
    release(token);
    const page = (await readChunks(await send(app, `/slow-in-order?t=${token}`, { headers: { 'user-agent': BROWSER } }))).join('');
    expect(page).toContain('<b>Got <!--lit-part-->board');
    expect(page).not.toContain('data-lf-b');
    const own = createApp({ shell: testShell, dev: false, bots: /MyPreviewBot/ });
    own.page('/slow', (c) => html`<data-probe token=${c.req.query('t') ?? ''} value="v"></data-probe>`);
    const byOwn = (await readChunks(await send(own, `/slow?t=${token}`, { headers: { 'user-agent': 'MyPreviewBot/1.0' } }))).join('');
    expect(byOwn).not.toContain('data-lf-b');
    const googlebot = (await readChunks(await send(own, `/slow?t=${token}`, { headers: { 'user-agent': BOT } }))).join('');
    expect(googlebot).toContain('data-lf-b');
  });

  it('a page rendered again for a form posted without JavaScript is in order', async () => {
    const token = crypto.randomUUID();
    release(token);
    const response = await post(`/slow?t=${token}&${actionOf(saveNote).slice(1)}`, urlencoded([['title', '']]), FORM);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('<b>Got <!--lit-part-->board');
    expect(page).not.toContain('data-lf-b');
  });
});
