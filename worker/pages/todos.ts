import { html } from 'lit';
import type { PageHandler } from 'litflare/worker';
import { listTodos } from '../todos.server.js';
import { signedInUser } from '../user.js';

/** Server functions: a per-user D1 todo list (plain and validated calls) and a streamed live feed. */
export const todosPage: PageHandler = async () => {
  const user = await signedInUser();
  // On the server a server function is a plain call: no HTTP, same types.
  const list =
    user === undefined
      ? html`<p class="signed-out"><strong>Sign in</strong> (top right, any name) to keep a todo list of your own.</p>`
      : html`<todo-list .todos=${await listTodos()}></todo-list>`;
  return {
    title: 'Server functions — litflare',
    body: html`
      <h1>Server functions</h1>
      <p>
        Your list is stored in D1, under your session. Adding, ticking and deleting call functions exported from
        <code>worker/todos.server.ts</code>; the browser gets typed proxies, never their code.
      </p>
      ${list}
      <h2>A streamed function</h2>
      <p><code>ticks()</code> is an async generator on the server; its values arrive as they are produced.</p>
      <live-feed></live-feed>
    `,
  };
};
