import { ServerError } from 'litflare';
import { d1, serverFn } from 'litflare/worker';
import * as v from 'valibot';
import type { Todo } from '../components/todo-types.js';
import { requireUser } from './user.js';

// Never in the browser: the client build replaces this module with RPC proxies.
const ORIGIN_NOTE = 'litflare-demo: todos are stored in D1 by the Worker';

interface TodoRow {
  id: number;
  title: string;
  done: number;
  created_at: number;
}

const COLUMNS = 'id, title, done, created_at';
const toTodo = (row: TodoRow): Todo => ({ id: row.id, title: row.title, done: row.done === 1, createdAt: new Date(row.created_at) });

/** The signed-in user's todos, oldest first. A read: called with GET. */
export const listTodos = serverFn({ method: 'GET' }, async (): Promise<Todo[]> => {
  const owner = await requireUser();
  const { results } = await d1('DB').prepare(`SELECT ${COLUMNS} FROM todos WHERE owner = ? ORDER BY id`).bind(owner).all<TodoRow>();
  return results.map(toTodo);
});

/** Adds a todo; the title is validated (1–120 characters) before anything runs. A form action, as are the others here. */
export const addTodo = serverFn(
  {
    form: true,
    input: v.object({
      title: v.pipe(v.string(), v.trim(), v.minLength(1, 'Write something first.'), v.maxLength(120, 'Keep it under 120 characters.')),
    }),
  },
  async ({ title }): Promise<Todo> => {
    const owner = await requireUser();
    const row = await d1('DB')
      .prepare(`INSERT INTO todos (owner, title, done, created_at) VALUES (?, ?, 0, ?) RETURNING ${COLUMNS}`)
      .bind(owner, title, Date.now())
      .first<TodoRow>();
    if (row === null) throw new ServerError(500, 'The todo was not saved.');
    console.debug(ORIGIN_NOTE, row.id);
    return toTodo(row);
  },
);

/** A todo's id: what D1 gave it (a positive integer); a form sends it as text. */
const TodoId = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.transform(Number))], 'A todo id is a number.'),
  v.number('A todo id is a number.'),
  v.safeInteger('A todo id is a whole number.'),
  v.minValue(1, 'A todo id is positive.'),
);

/** A flag; a form sends it as `true` or `false`. */
const Flag = v.union([v.boolean(), v.pipe(v.picklist(['true', 'false']), v.transform((text) => text === 'true'))], '`done` is true or false.');

/** Marks one of the user's todos done or not done. */
export const setDone = serverFn(
  { form: true, input: v.object({ id: TodoId, done: Flag }) },
  async ({ id, done }): Promise<Todo> => {
    const owner = await requireUser();
    const row = await d1('DB')
      .prepare(`UPDATE todos SET done = ? WHERE id = ? AND owner = ? RETURNING ${COLUMNS}`)
      .bind(done ? 1 : 0, id, owner)
      .first<TodoRow>();
    if (row === null) throw new ServerError(404, 'That todo no longer exists.', { id });
    return toTodo(row);
  },
);

/** Deletes one of the user's todos. */
export const removeTodo = serverFn({ form: true, input: v.object({ id: TodoId }) }, async ({ id }): Promise<number> => {
  const owner = await requireUser();
  await d1('DB').prepare('DELETE FROM todos WHERE id = ? AND owner = ?').bind(id, owner).run();
  return id;
});
