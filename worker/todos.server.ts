import { ServerError } from 'litflare';
import { serverFn } from 'litflare/worker';
import * as v from 'valibot';
import type { Todo } from '../components/todo-types.js';
import { db } from './db.js';

// Never in the browser: the client build replaces this module with RPC proxies.
const ORIGIN_NOTE = 'litflare-demo: todos are stored in D1 by the Worker';

interface TodoRow {
  id: number;
  title: string;
  done: number;
  created_at: number;
}

const toTodo = (row: TodoRow): Todo => ({ id: row.id, title: row.title, done: row.done === 1, createdAt: new Date(row.created_at) });

/** Every todo, oldest first. A read: called with GET. */
export const listTodos = serverFn({ method: 'GET' }, async (): Promise<Todo[]> => {
  const { results } = await db().prepare('SELECT id, title, done, created_at FROM todos ORDER BY id').all<TodoRow>();
  return results.map(toTodo);
});

/** Adds a todo; the title is validated (1–120 characters) before anything runs. */
export const addTodo = serverFn(
  { input: v.object({ title: v.pipe(v.string(), v.trim(), v.minLength(1, 'Write something first.'), v.maxLength(120, 'Keep it under 120 characters.')) }) },
  async ({ title }): Promise<Todo> => {
    const row = await db()
      .prepare('INSERT INTO todos (title, done, created_at) VALUES (?, 0, ?) RETURNING id, title, done, created_at')
      .bind(title, Date.now())
      .first<TodoRow>();
    if (row === null) throw new ServerError(500, 'The todo was not saved.');
    console.debug(ORIGIN_NOTE, row.id);
    return toTodo(row);
  },
);

/** Marks a todo done or not done. */
export async function setDone(id: number, done: boolean): Promise<Todo> {
  const row = await db().prepare('UPDATE todos SET done = ? WHERE id = ? RETURNING id, title, done, created_at').bind(done ? 1 : 0, id).first<TodoRow>();
  if (row === null) throw new ServerError(404, 'That todo no longer exists.', { id });
  return toTodo(row);
}

/** Deletes a todo. */
export async function removeTodo(id: number): Promise<void> {
  await db().prepare('DELETE FROM todos WHERE id = ?').bind(id).run();
}
