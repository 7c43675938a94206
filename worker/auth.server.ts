import { redirect, serverFn, session } from 'litflare/worker';
import * as v from 'valibot';
import { signedInUser, type DemoSession } from './user.js';

/** Who is signed in (undefined for nobody). */
export async function currentUser(): Promise<string | undefined> {
  return signedInUser();
}

/** Signs in by name (the demo has no passwords): a new session id, then the name in it. A form action: it works without JavaScript. */
export const signIn = serverFn(
  {
    form: true,
    input: v.object({
      name: v.pipe(
        v.string(),
        v.trim(),
        v.regex(/^[\p{L}\p{N} ._-]{2,24}$/u, 'Use 2–24 letters, digits, spaces, dots, dashes or underscores.'),
      ),
    }),
  },
  async ({ name }): Promise<string> => {
    const s = await session<DemoSession>();
    // A session id known before signing in must not carry the signed-in user.
    s.regenerate();
    s.set('user', name);
    return name;
  },
);

/** Signs out: the session is deleted and its cookie cleared, and the browser goes to the home page (a form action too). */
export const signOut = serverFn({ form: true, input: v.optional(v.object({})) }, async (): Promise<never> => {
  (await session<DemoSession>()).destroy();
  return redirect('/');
});
