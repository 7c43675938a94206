import { FormController } from 'litflare';
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
      li form {
        display: contents;
      }
      button.check {
        width: 1.4rem;
        height: 1.4rem;
        padding: 0;
        justify-content: center;
        border: 1px solid #9ca3af;
        border-radius: 4px;
        color: #15803d;
        background: white;
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

  // Form actions: each form posts to the page without JavaScript, and through RPC once hydrated.
  readonly #add = new FormController(this, addTodo, { onSuccess: (todo) => (this.todos = [...this.todos, todo]) });
  readonly #toggle = new FormController(this, setDone, {
    onSuccess: (updated) => (this.todos = this.todos.map((t) => (t.id === updated.id ? updated : t))),
  });
  readonly #remove = new FormController(this, removeTodo, { onSuccess: (id) => (this.todos = this.todos.filter((t) => t.id !== id)) });

  override render() {
    const open = this.todos.filter((todo) => !todo.done).length;
    const add = this.#add;
    const failed = add.error?.message ?? this.#toggle.error?.message ?? this.#remove.error?.message ?? this.error;
    return html`
      <form method="post" action=${addTodo.action} @submit=${add.submit} aria-busy=${add.pending ? 'true' : 'false'}>
        <input
          type="text"
          name="title"
          placeholder="What needs doing?"
          aria-label="New todo"
          autocomplete="off"
          value=${add.values.title ?? ''}
          aria-invalid=${add.issuesFor('title').length > 0 ? 'true' : 'false'}
        />
        <button type="submit" ?disabled=${add.pending}>${add.pending ? 'Adding…' : 'Add'}</button>
      </form>
      ${add.issuesFor('title').map((message) => html`<p class="error issue" role="alert">${message}</p>`)}
      ${failed ? html`<p class="error" role="alert">${failed}</p>` : ''}
      <ul>
        ${repeat(
          this.todos,
          (todo) => todo.id,
          (todo) => html`<li class=${todo.done ? 'done' : ''}>
            <form method="post" action=${setDone.action} @submit=${this.#toggle.submit}>
              <input type="hidden" name="id" value=${todo.id} />
              <input type="hidden" name="done" value=${String(!todo.done)} />
              <button class="check" aria-label=${`${todo.done ? 'Not done' : 'Done'}: ${todo.title}`} aria-pressed=${todo.done ? 'true' : 'false'}>
                ${todo.done ? icon('check') : ''}
              </button>
            </form>
            <span>${todo.title}</span>
            <form method="post" action=${removeTodo.action} @submit=${this.#remove.submit}>
              <input type="hidden" name="id" value=${todo.id} />
              <button class="quiet" aria-label=${`Delete ${todo.title}`} title="Delete">${icon('close')}</button>
            </form>
          </li>`,
        )}
      </ul>
      <p class="summary">${open} open, ${this.todos.length - open} done · <button class="quiet" @click=${this.#refresh}>Refresh</button></p>
    `;
  }

  async #refresh(): Promise<void> {
    try {
      this.todos = await listTodos();
      this.error = '';
    } catch {
      this.error = 'The server could not be reached.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'todo-list': TodoList;
  }
}
