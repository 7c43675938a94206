import { LitElement, type ReactiveController } from 'lit';

// @lit/task's TaskStatus.PENDING. litflare does not import @lit/task: a Task is
// recognised by its shape (status, run, render, taskComplete).
const PENDING = 1;

const controllers = new WeakMap<object, ReactiveController[]>();
const warned = new Set<string>();

/**
 * Keeps a list of each element's reactive controllers (through Lit's public
 * `addController`), so that {@link explainPendingTask} can look for a
 * `@lit/task` Task. Install before any element is created. Development only.
 *
 * @example
 * ```ts
 * if (import.meta.env.DEV) recordControllers();
 * ```
 */
export function recordControllers(base: typeof LitElement = LitElement): void {
  const add = base.prototype.addController;
  base.prototype.addController = function (this: LitElement, controller: ReactiveController) {
    const list = controllers.get(this);
    if (list === undefined) controllers.set(this, [controller]);
    else list.push(controller);
    add.call(this, controller);
  };
}

function isPendingTask(controller: ReactiveController): boolean {
  const task = controller as Partial<Record<'status' | 'run' | 'render', unknown>>;
  return task.status === PENDING && typeof task.run === 'function' && typeof task.render === 'function' && 'taskComplete' in task;
}

/**
 * Called when `element` failed to hydrate: if a `@lit/task` Task of its was
 * already running when it rendered, warns once for its tag why, and what to
 * do. The server never runs a Task (it renders `initial`); in the browser a
 * Task starts before the first render (it renders `pending`): when those two
 * render different templates, hydration fails for good.
 *
 * @example
 * ```ts
 * catch (error) { if (hydrating) explainPendingTask(element); throw error; }
 * ```
 */
export function explainPendingTask(element: LitElement): void {
  const tag = element.localName;
  if (warned.has(tag) || !(controllers.get(element) ?? []).some(isPendingTask)) return;
  warned.add(tag);
  console.warn(
    `litflare: <${tag}> could not hydrate because of its @lit/task Task: the server never runs a Task, so it rendered ` +
      'the initial state, while in the browser the Task starts before the first render, which shows the pending state. ' +
      'Render one template for both (e.g. the same `initial` and `pending` renderer), or load server data with ' +
      "litflare's ServerData, whose result the page carries (see Limits in litflare's README).",
  );
}
