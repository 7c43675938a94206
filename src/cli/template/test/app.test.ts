import { ServerError } from 'litflare';
import { call, page } from 'litflare/test';
import { describe, expect, it } from 'vitest';
import { sign } from '../worker/guestbook.server.js';

// litflare/test talks to the Worker as a browser does: pages over fetch, server
// functions over the real wire (the answer decoded, a ServerError rethrown).
describe('the guestbook', () => {
  it('is rendered by the Worker, the element with its shadow root and its entries for hydration', async () => {
    const home = await page('/');
    expect(home.status).toBe(200);
    expect(home.html).toContain('<title>Guestbook</title>');
    expect(home.html).toMatch(/<guest-book[^>]*><template shadowroot="open" shadowrootmode="open">/);
    expect(home.hydrationData.elements).toEqual([{ tag: 'guest-book', props: { entries: [] } }]);
  });

  it('keeps a signature in D1 and shows it on the page', async () => {
    const signed = await call(sign, '  Ada  ');
    expect(signed).toMatchObject({ name: 'Ada' });
    expect(signed.signedAt).toBeInstanceOf(Date);
    const home = await page('/');
    expect(home.html).toContain('Ada');
    expect(home.hydrationData.elements[0]?.props.entries).toEqual([signed]);
  });

  it('refuses an empty name with a 400 and its message', async () => {
    const refused = await call(sign, '   ').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServerError);
    expect(refused).toMatchObject({ status: 400, message: 'A name is 1 to 40 characters.' });
  });
});
