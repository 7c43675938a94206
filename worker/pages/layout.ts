import { html } from 'lit';
import type { Context } from 'hono';
import type { AppEnv, Layout } from 'litflare/worker';
import { signedInUser } from '../user.js';

const links = [
  ['/', 'Home'],
  ['/todos', 'Todos'],
  ['/streaming', 'Streaming'],
  ['/platform', 'Platform'],
  ['/chat/lobby', 'Chat'],
] as const;

/** The page frame: navigation, the user's sign-in (rendered for `user`, or asked by the browser), and the content. */
function frame(body: unknown, c: Context<AppEnv>, user: string | undefined) {
  return html`
    <app-layout>
      <nav slot="nav" style="display:flex;gap:1rem;align-items:center">
        ${links.map(
          ([href, label]) =>
            html`<a href=${href} style="color:white;${href === c.req.path ? 'font-weight:700' : 'opacity:.85'}">${label}</a>`,
        )}
        ${user === undefined ? html`<user-session ask></user-session>` : html`<user-session user=${user}></user-session>`}
      </nav>
      ${body}
    </app-layout>
  `;
}

/** The demo's shared page frame: navigation, the signed-in user, and the page content. */
export const layout: Layout = async (body, c) => frame(body, c, (await signedInUser()) ?? '');

/**
 * The same frame for pages served from the edge cache: it never reads the
 * session (a cached page is the same for every visitor), and the sign-in
 * element asks the server who is signed in once it is in the browser.
 */
export const publicLayout: Layout = (body, c) => frame(body, c, undefined);
