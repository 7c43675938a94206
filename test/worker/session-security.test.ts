import { parse, stringify } from 'devalue';
import { serverFnMeta } from 'litflare';
import { createApp, d1SessionStore, session, setSignedCookie, signedCookie } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import demo from '../../worker/index.js';
import { currentUser, signIn, signOut } from '../../worker/auth.server.js';
import { cookieHeader, send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

const SESSION = '__Host-lf_session';
/** The session id a response sets, if any. */
const sessionId = (response: Response) =>
  response.headers.getSetCookie().find((line) => line.startsWith(`${SESSION}=`))?.split(';')[0]!.slice(SESSION.length + 1);

/** Calls one of the demo's server functions, as its browser proxy does. */
const call = (fn: unknown, args: unknown[], cookie = '') =>
  send(demo, `/_lf/rpc/${serverFnMeta(fn)!.id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-litflare', cookie },
    body: stringify(args),
  });
const whoIs = async (cookie: string) => parse(await (await call(currentUser, [], cookie)).text()) as string | undefined;

describe('sessions against an attacker (the demo’s sign-in)', () => {
  it('never adopt a session id the attacker chose: the victim gets a fresh one, and the planted one opens nothing', async () => {
    const planted = 'A'.repeat(20) + crypto.randomUUID().replace(/-/g, '').slice(0, 23);
    expect(planted).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const signedIn = await call(signIn, [{ name: 'victim' }], `${SESSION}=${planted}`);
    expect(signedIn.status).toBe(200);
    const id = sessionId(signedIn);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).not.toBe(planted);
    expect(await whoIs(`${SESSION}=${id}`)).toBe('victim');
    expect(await whoIs(`${SESSION}=${planted}`)).toBeUndefined();
  });

  it('rotate on sign-in: an attacker’s real session planted in the victim’s browser is dead once the victim signs in', async () => {
    const attacker = sessionId(await call(signIn, [{ name: 'mallory' }]))!;
    const victim = await call(signIn, [{ name: 'victim' }], `${SESSION}=${attacker}`);
    const rotated = sessionId(victim)!;
    expect(rotated).not.toBe(attacker);
    expect(await whoIs(`${SESSION}=${rotated}`)).toBe('victim');
    expect(await whoIs(`${SESSION}=${attacker}`)).toBeUndefined();
  });

  it('send the cookie __Host-, HttpOnly, Secure, SameSite=Lax, with an expiry; sign-out clears it and ends the session', async () => {
    const signedIn = await call(signIn, [{ name: 'ada' }]);
    expect(signedIn.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^__Host-lf_session=[A-Za-z0-9_-]{43}; Max-Age=604800; Path=\/; HttpOnly; Secure; SameSite=Lax$/),
    ]);
    const cookie = cookieHeader(signedIn);
    const signedOut = await call(signOut, [], cookie);
    expect(signedOut.headers.getSetCookie()).toEqual([`${SESSION}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax`]);
    // signOut() ends in redirect('/'): the browser's proxy goes home.
    expect([signedOut.status, signedOut.headers.get('x-litflare-redirect')]).toEqual([204, '/']);
    expect(await whoIs(cookie)).toBeUndefined();
  });

  it('keep ids out of reach: an id that is not one of ours never reaches the store, and a near-miss opens nothing', async () => {
    const id = sessionId(await call(signIn, [{ name: 'ada' }]))!;
    const flipped = id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A');
    for (const forged of [flipped, id.toLowerCase(), `${id}=`, `${id}x`, id.slice(1), encodeURIComponent(`${id}\u0000`)]) {
      expect(await whoIs(`${SESSION}=${forged}`), forged).toBeUndefined();
    }
    // Without the __Host- prefix (a cookie a sibling subdomain could set), it is not the session cookie.
    expect(await whoIs(`lf_session=${id}`)).toBeUndefined();
    expect(await whoIs(`${SESSION}=${id}`)).toBe('ada');
  });
});

describe('a session id chosen by the attacker, even where the app forgets to rotate', () => {
  const app = createApp({ shell: testShell, session: { store: d1SessionStore('DB') } });
  app.post('/remember/:name', async (c) => {
    (await session<{ name: string }>()).set('name', c.req.param('name')); // no regenerate()
    return c.text('ok');
  });
  app.get('/name', async (c) => c.text((await session<{ name: string }>()).get('name') ?? 'nobody'));

  it('is never adopted: unknown ids are not created, a fresh one is', async () => {
    const planted = 'Z'.repeat(43);
    const response = await send(app, '/remember/victim', { method: 'POST', headers: { cookie: `${SESSION}=${planted}` } });
    expect(sessionId(response)).not.toBe(planted);
    expect(await (await send(app, '/name', { headers: { cookie: `${SESSION}=${planted}` } })).text()).toBe('nobody');
    expect(await (await send(app, '/name', { headers: { cookie: cookieHeader(response) } })).text()).toBe('victim');
  });
});

describe('signed cookies', () => {
  const app = createApp({ shell: testShell });
  const SECRET = 'a secret long enough for HMAC-SHA256 signing';
  app.get('/set', async (c) => {
    await setSignedCookie('role', c.req.query('role') ?? 'user', SECRET);
    return c.text('ok');
  });
  app.get('/role', async (c) => c.json({ role: (await signedCookie('role', SECRET)) ?? null }));
  const role = async (cookie: string) => ((await (await send(app, '/role', { headers: { cookie } })).json()) as { role: unknown }).role;

  it('reject every tampering: another value, another secret’s signature, a signature moved between values, a cut signature', async () => {
    const user = cookieHeader(await send(app, '/set?role=user'));
    const admin = cookieHeader(await send(app, '/set?role=admin'));
    const signature = (cookie: string) => decodeURIComponent(cookie.slice(cookie.indexOf('.') + 1));
    const other = createApp({ shell: testShell });
    other.get('/set', async (c) => {
      await setSignedCookie('role', 'admin', 'another secret, the attacker’s own');
      return c.text('ok');
    });
    const foreign = cookieHeader(await send(other, '/set'));
    expect(await role(user)).toBe('user');
    const forged = {
      'another value': user.replace('role=user', 'role=admin'),
      'another secret': foreign,
      'a moved signature': `role=admin.${encodeURIComponent(signature(user))}`,
    };
    for (const [how, cookie] of Object.entries(forged)) expect(await role(cookie), how).toBe(false);
    // No signature, or one cut short (not a signature's shape): not a signed cookie, so there is none, never the value.
    expect(await role('role=admin')).toBeNull();
    expect(await role(admin.slice(0, -6))).toBeNull();
    expect(await role(admin)).toBe('admin');
  });
});
