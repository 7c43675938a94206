import { stringify } from 'devalue';
import { DATA_SCRIPT_TYPE, escapeScriptJson, type HydrationPayload } from '../../shared/hydration.js';
import type { FormRecord } from '../../shared/forms/form-state.js';
import type { Settled } from '../../shared/server-data/settled.js';
import { LitValueError, refuseLitValues } from './lit-values.js';

/**
 * Collects what one page render must hand to the browser so that hydration
 * reproduces the server's DOM: the properties a page template set on
 * page-level elements (which no parent element re-renders on the client).
 *
 * @example
 * ```ts
 * const data = new HydrationData();
 * const id = data.addProps('product-list', { products });
 * html += data.script(); // <script type="application/litflare+devalue">…</script>
 * ```
 */
export class HydrationData {
  #props: Record<number, Record<string, unknown>> | undefined;
  #data: Record<string, Settled> | undefined;
  #form: FormRecord | undefined;
  readonly #tags: string[] = [];

  /** Records an element's properties and returns the id to put in its `data-lf-props`. */
  addProps(tagName: string, props: Record<string, unknown>): number {
    const id = this.#tags.push(tagName) - 1;
    (this.#props ??= {})[id] = props;
    return id;
  }

  /** Records the result of a server-data call, for the browser to take instead of calling again. */
  addData(key: string, settled: Settled): void {
    (this.#data ??= {})[key] = settled;
  }

  /** Records the state of a form posted without JavaScript, for `formState()` in the browser. */
  addForm(form: FormRecord): void {
    this.#form = form;
  }

  /** The `<script>` carrying everything recorded since the last call, or `''` when there is nothing. */
  script(): string {
    const { props, data, form } = { props: this.#props, data: this.#data, form: this.#form };
    if (props === undefined && data === undefined && form === undefined) return '';
    this.#props = undefined;
    this.#data = undefined;
    this.#form = undefined;
    const payload: HydrationPayload = {};
    if (props !== undefined) payload.props = props;
    if (data !== undefined) payload.data = data;
    if (form !== undefined) payload.form = form;
    let json: string;
    try {
      json = stringify(payload, refuseLitValues);
    } catch (error) {
      throw props === undefined ? dataError(error) : this.#explain(props, error);
    }
    return `<script type="${DATA_SCRIPT_TYPE}">${escapeScriptJson(json)}</script>`;
  }

  /** Names the element whose properties could not be serialized (or the data, if they all can). */
  #explain(props: Record<number, Record<string, unknown>>, error: unknown): Error {
    for (const [id, value] of Object.entries(props)) {
      for (const [name, property] of Object.entries(value)) {
        try {
          stringify(property, refuseLitValues);
        } catch (cause) {
          const what = `litflare: the page template set .${name} on <${this.#tags[Number(id)]}>, and that value cannot be sent to the browser for hydration`;
          if (cause instanceof LitValueError) {
            return new Error(
              `${what}: ${cause.message}. Render templates and directives where they are shown — as the element's ` +
                'children (into a <slot>), or inside its own render() — and pass it plain data.',
              { cause },
            );
          }
          return new Error(
            `${what} (${cause instanceof Error ? cause.message : String(cause)}). ` +
              'Pass plain data (objects, arrays, Date, Map, Set, …), or let the element load it itself.',
            { cause },
          );
        }
      }
    }
    return dataError(error);
  }
}

function dataError(error: unknown): Error {
  return new Error(
    `litflare: a server function's result cannot be sent to the browser for hydration (${
      error instanceof Error ? error.message : String(error)
    }). Return plain data (objects, arrays, Date, Map, Set, …).`,
    { cause: error },
  );
}
