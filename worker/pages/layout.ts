import { html } from 'lit';
import type { Layout } from 'litflare/worker';
import { signedInUser } from '../user.js';

const links = [
  ['/', 'Home'],
  ['/todos', 'Todos'],
  ['/streaming', 'Streaming'],
  ['/platform', 'Platform'],
  ['/chat/lobby', 'Chat'],
] as const;

/** The demo's shared page frame: navigation, the signed-in user, and the page content. */
export const layout: Layout = async (body, c) => {
  const user = await signedInUser();
  return html`
    <app-layout>
      <nav slot="nav" style="display:flex;gap:1rem;align-items:center">
        ${links.map(
          ([href, label]) =>
            html`<a href=${href} style="color:white;${href === c.req.path ? 'font-weight:700' : 'opacity:.85'}">${label}</a>`,
        )}
        <user-session user=${user ?? ''}></user-session>
      </nav>
      ${body}
    </app-layout>
  `;
};
