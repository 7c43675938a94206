import { serverFnMeta } from '../rpc/protocol.js';
import type { ValidationIssue } from '../validation/issues.js';

/** The query parameter of a form action's URL: `?lf-action=<server function id>`. */
export const FORM_ACTION_PARAM = 'lf-action';

/**
 * A server function declared with `serverFn({ input, form: true }, fn)`: callable
 * as any server function, and usable as a `<form>`'s `action` (the page's own
 * URL with `?lf-action=<id>`, the same string in the Worker and the browser).
 *
 * @example
 * ```ts
 * export const addTodo = serverFn({ input: v.object({ title: v.string() }), form: true }, async ({ title }) => save(title));
 * html`<form method="post" action=${addTodo.action}>…</form>`;
 * ```
 */
export type FormAction<Input, Result> = (undefined extends Input ? (input?: Input) => Result : (input: Input) => Result) & { readonly action: string };

/** Any form action (for constraints). */
export type AnyFormAction = FormAction<never, unknown>;

/** The input type of a form action. */
export type FormInput<Action> = Action extends (input: infer Input) => unknown ? Exclude<Input, undefined> : never;

/**
 * A form's field names for an action's input: its keys, and dotted paths
 * below them (`address.city`), as `<input name>`s write them.
 *
 * @example
 * ```ts
 * const name: FieldName<{ title: string; address: { city: string } }> = 'address.city';
 * ```
 */
export type FieldName<Input> = [Input] extends [object] ? Extract<keyof Input, string> | `${Extract<keyof Input, string>}.${string}` : string;

/**
 * What a form sent, as text, shaped as the action's input (files are never
 * echoed): what `formState()` and `FormController` give back to the fields.
 *
 * @example
 * ```ts
 * const values: SubmittedValues<{ title: string; tags: string[] }> = { title: 'Milk', tags: ['a'] };
 * ```
 */
export type SubmittedValues<Input> = [Input] extends [object]
  ? { [Key in keyof Input]?: Submitted<Exclude<Input[Key], undefined | null>> }
  : Record<string, unknown>;
type Submitted<Value> = Value extends Blob
  ? never
  : Value extends readonly unknown[]
    ? string[]
    : Value extends Date
      ? string
      : Value extends object
        ? SubmittedValues<Value>
        : string;

/**
 * The outcome of the last submission of a form action, for the form to show:
 * the values it sent (so the fields keep them), the schema's issues (show
 * each beside its field with `issuesFor`), and a `ServerError` the action
 * threw (its status and message).
 *
 * @example
 * ```ts
 * const { values, issues, error } = formState(addTodo);
 * html`<input name="title" value=${values.title ?? ''} /> ${issuesFor(issues, 'title')}`;
 * ```
 */
export interface FormState<Input> {
  values: SubmittedValues<Input>;
  issues: ValidationIssue[];
  error: { status: number; message: string } | undefined;
}

/** How a failed submission travels: kept in the request, and in the page's hydration data. */
export interface FormRecord {
  /** The server function's id. */
  id: string;
  values: Record<string, unknown>;
  issues: ValidationIssue[];
  error?: { status: number; message: string };
}

/** Where {@link formState} reads from: the request in the Worker, the hydration data in the browser. */
export interface FormBackend {
  record(): FormRecord | undefined;
}

let backend: FormBackend | undefined;

/**
 * Installs the side's implementation (called by litflare itself).
 *
 * @example
 * ```ts
 * setFormBackend({ record: () => hydrationRecord });
 * ```
 */
export function setFormBackend(implementation: FormBackend): void {
  backend = implementation;
}

/**
 * The state of a form action for this page: after a submission without
 * JavaScript that failed (the page is rendered again, status 400 for invalid
 * input), what was sent, the issues and the error; otherwise empty. It reads
 * the same in the Worker and in the browser (the page carries it in its
 * hydration data), so the form hydrates as the server rendered it.
 *
 * @example
 * ```ts
 * const state = formState(addTodo);
 * html`<input name="title" value=${state.values.title ?? ''} />
 *   ${issuesFor(state.issues, 'title').map((message) => html`<p role="alert">${message}</p>`)}`;
 * ```
 */
export function formState<Action extends AnyFormAction>(action: Action): FormState<FormInput<Action>> {
  const record = backend?.record();
  const id = serverFnMeta(action)?.id;
  if (record === undefined || id === undefined || record.id !== id) return { values: {} as SubmittedValues<FormInput<Action>>, issues: [], error: undefined };
  return { values: record.values as SubmittedValues<FormInput<Action>>, issues: record.issues, error: record.error };
}
