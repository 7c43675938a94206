import { html } from 'lit';
import type { PageHandler } from 'litflare/worker';
import { listTodos } from '../todos.server.js';

/** Server functions: a D1 todo list (plain and validated calls) and a streamed live feed. */
export const todosPage: PageHandler = async () => {
  // On the server a server function is a plain call: no HTTP, same types.
  const todos = await listTodos();
  return {
    title: 'Server functions — litflare',
    body: html`
      <app-layout>
        <nav slot="nav"><a href="/" style="color:white">Home</a> · <a href="/todos" style="color:white">Server functions</a></nav>
        <h1 style="margin-top:0">Server functions</h1>
        <p>
          The list is stored in D1. Adding, ticking and deleting call functions exported from
          <code>worker/todos.server.ts</code>; the browser gets typed proxies, never their code.
        </p>
        <todo-list .todos=${todos}></todo-list>
        <h2>A streamed function</h2>
        <p><code>ticks()</code> is an async generator on the server; its values arrive as they are produced.</p>
        <live-feed></live-feed>
      </app-layout>
    `,
  };
};
