import { ServerError } from 'litflare';
import { session } from 'litflare/worker';

/** What the demo keeps in a session. */
export interface DemoSession {
  user: string;
}

/** The signed-in user's name, or `undefined`. */
export async function signedInUser(): Promise<string | undefined> {
  return (await session<DemoSession>()).get('user');
}

/** The signed-in user's name; a 401 for everyone else. */
export async function requireUser(): Promise<string> {
  const user = await signedInUser();
  if (user === undefined) throw new ServerError(401, 'Sign in to keep a todo list.');
  return user;
}
