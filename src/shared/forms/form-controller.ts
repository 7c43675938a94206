import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isServerError } from '../server-error.js';
import { issuesFor, validationIssues, type ValidationIssue } from '../validation/issues.js';
import { submittedValues } from './submitted-values.js';
import { formState, type AnyFormAction, type FieldName, type FormInput, type FormState, type SubmittedValues } from './form-state.js';

/**
 * Options of {@link FormController}.
 *
 * @example
 * ```ts
 * new FormController(this, addTodo, { onSuccess: (todo) => (this.todos = [...this.todos, todo]) });
 * ```
 */
export interface FormControllerOptions<Result> {
  /** Called with the action's result after an enhanced submission succeeded (the form is reset first). */
  onSuccess?: (result: Result, form: HTMLFormElement) => void;
}

/**
 * A form that works without JavaScript and is enhanced once its element has
 * hydrated. Render the form with `method="post"` and the action's `action`,
 * and give it the controller's `submit` as its `@submit` listener: without
 * JavaScript the browser posts the form to the page (the Worker validates it,
 * runs the action, and answers with a 303, or renders the page again with the
 * issues); with JavaScript `submit` sends the same form data through the
 * server function's RPC endpoint, without a navigation. Either way the
 * element reads the outcome here: `values` (what was sent), `issues` (per
 * field with {@link issuesFor}), `error`, and `pending` while a call runs.
 * A `redirect()` in the action navigates on both paths.
 *
 * @example
 * ```ts
 * class TodoForm extends LitElement {
 *   readonly #add = new FormController(this, addTodo, { onSuccess: (todo) => this.dispatchEvent(new CustomEvent('added', { detail: todo })) });
 *   override render() {
 *     const form = this.#add;
 *     return html`<form method="post" action=${addTodo.action} @submit=${form.submit}>
 *       <input name="title" value=${form.values.title ?? ''} />
 *       ${form.issuesFor('title').map((message) => html`<p role="alert">${message}</p>`)}
 *       <button ?disabled=${form.pending}>Add</button>
 *     </form>`;
 *   }
 * }
 * ```
 */
export class FormController<Action extends AnyFormAction> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #action: Action;
  readonly #options: FormControllerOptions<Awaited<ReturnType<Action>>>;
  /** The outcome of an enhanced submission; until there is one, the page's ({@link formState}). */
  #state: FormState<FormInput<Action>> | undefined;
  #pending = false;

  constructor(host: ReactiveControllerHost, action: Action, options: FormControllerOptions<Awaited<ReturnType<Action>>> = {}) {
    this.#host = host;
    this.#action = action;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** What the form sent last time, when that failed (the fields keep it); empty otherwise. */
  get values(): SubmittedValues<FormInput<Action>> {
    return this.#current().values;
  }

  /** The schema's issues with the last submission. */
  get issues(): ValidationIssue[] {
    return this.#current().issues;
  }

  /** A `ServerError` the action threw (other than invalid input): its status and message. */
  get error(): { status: number; message: string } | undefined {
    return this.#current().error;
  }

  /** Whether an enhanced submission is on its way. */
  get pending(): boolean {
    return this.#pending;
  }

  /**
   * The issues' messages for one field, by its form name (dots between nested keys).
   *
   * @example
   * ```ts
   * this.#signIn.issuesFor('name'); // ['Use 2–24 letters, …']
   * ```
   */
  issuesFor(name: FieldName<FormInput<Action>>): string[] {
    return issuesFor(this.issues, name);
  }

  /** The form's `@submit` listener: sends the form through RPC instead of navigating. */
  readonly submit = (event: SubmitEvent): void => {
    const form = event.currentTarget;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    if (this.#pending) return;
    void this.#send(form, new FormData(form, event.submitter));
  };

  async #send(form: HTMLFormElement, data: FormData): Promise<void> {
    this.#pending = true;
    this.#host.requestUpdate();
    try {
      // The browser's proxy sends FormData as the form's own body (multipart), decoded by the Worker as a form post is.
      const result = (await (this.#action as unknown as (input: FormData) => Promise<unknown>)(data)) as Awaited<ReturnType<Action>>;
      this.#state = { values: {} as SubmittedValues<FormInput<Action>>, issues: [], error: undefined };
      form.reset();
      this.#options.onSuccess?.(result, form);
    } catch (error) {
      const issues = validationIssues(error);
      this.#state = {
        values: submittedValues(data) as SubmittedValues<FormInput<Action>>,
        issues: issues ?? [],
        error:
          issues !== undefined
            ? undefined
            : isServerError(error)
              ? { status: error.status, message: error.message }
              : { status: 0, message: 'The server could not be reached.' },
      };
    } finally {
      this.#pending = false;
      this.#host.requestUpdate();
    }
  }

  #current(): FormState<FormInput<Action>> {
    return this.#state ?? formState(this.#action);
  }
}
