import { html, type TemplateResult } from 'lit';
import { signedInUser } from '../user.js';

const links = [
  ['/', 'Home'],
  ['/todos', 'Todos'],
  ['/platform', 'Platform'],
] as const;

/** The demo's shared page frame: navigation, the signed-in user, and the page content. */
export async function layout(path: string, content: TemplateResult): Promise<TemplateResult> {
  const user = await signedInUser();
  return html`
    <app-layout>
      <nav slot="nav" style="display:flex;gap:1rem;align-items:center">
        ${links.map(
          ([href, label]) =>
            html`<a href=${href} style="color:white;${href === path ? 'font-weight:700' : 'opacity:.85'}">${label}</a>`,
        )}
        <user-session user=${user ?? ''}></user-session>
      </nav>
      ${content}
    </app-layout>
  `;
}
