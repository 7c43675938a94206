import { redirect, serverFn, session } from 'litflare/worker';
import * as v from 'valibot';
import { signedInUser, type DemoSession } from './user.js';

/** Who is signed in (undefined for nobody). */
export async function currentUser(): Promise<string | undefined> {
  return signedInUser();
}

/** Signs in by name (the demo has no passwords): a new session id, then the name in it. */
export const signIn = serverFn(
  {
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

/** Signs out: the session is deleted and its cookie cleared, and the browser goes to the home page. */
export async function signOut(): Promise<never> {
  (await session<DemoSession>()).destroy();
  return redirect('/');
}
