import { isServerError } from 'litflare';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { addTodo, listTodos, removeTodo, setDone } from '../worker/todos.server.js';
import { cardStyles } from './card-styles.js';
import { icon } from './icons.js';
import type { Todo } from './todo-types.js';

/** A todo list stored in D1, changed through server functions. */
@customElement('todo-list')
export class TodoList extends LitElement {
  static override styles = [
    cardStyles,
    css`
      form {
        display: flex;
        gap: 0.5rem;
      }
      input[type='text'] {
        flex: 1;
      }
      li span {
        flex: 1;
      }
      li.done span {
        color: #9ca3af;
        text-decoration: line-through;
      }
      .summary {
        margin: 0.75rem 0 0;
        color: #6b7280;
        font-size: 0.875rem;
      }
    `,
  ];

  /** The todos, as the page loaded them on the server. */
  @property({ attribute: false }) todos: Todo[] = [];

  @state() private error = '';

  override render() {
    const open = this.todos.filter((todo) => !todo.done).length;
    return html`
      <form @submit=${this.#add}>
        <input type="text" name="title" placeholder="What needs doing?" aria-label="New todo" autocomplete="off" />
        <button type="submit">Add</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <ul>
        ${repeat(
          this.todos,
          (todo) => todo.id,
          (todo) => html`<li class=${todo.done ? 'done' : ''}>
            <input type="checkbox" .checked=${todo.done} @change=${() => this.#toggle(todo)} aria-label=${`Done: ${todo.title}`} />
            <span>${todo.title}</span>
            <button class="quiet" @click=${() => this.#remove(todo)} aria-label=${`Delete ${todo.title}`} title="Delete">
              ${icon('close')}
            </button>
          </li>`,
        )}
      </ul>
      <p class="summary">${open} open, ${this.todos.length - open} done · <button class="quiet" @click=${this.#refresh}>Refresh</button></p>
    `;
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('title') as HTMLInputElement;
    try {
      const todo = await addTodo({ title: input.value });
      this.todos = [...this.todos, todo];
      this.error = '';
      form.reset();
    } catch (error) {
      this.error = this.#explain(error);
    }
  }

  async #toggle(todo: Todo): Promise<void> {
    try {
      const updated = await setDone({ id: todo.id, done: !todo.done });
      this.todos = this.todos.map((t) => (t.id === updated.id ? updated : t));
    } catch (error) {
      this.error = this.#explain(error);
    }
  }

  async #remove(todo: Todo): Promise<void> {
    await removeTodo(todo.id);
    this.todos = this.todos.filter((t) => t.id !== todo.id);
  }

  async #refresh(): Promise<void> {
    this.todos = await listTodos();
  }

  #explain(error: unknown): string {
    if (!isServerError(error)) return 'The server could not be reached.';
    const issues = (error.data as { issues?: { message: string }[] } | undefined)?.issues;
    return issues?.[0]?.message ?? error.message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'todo-list': TodoList;
  }
}
