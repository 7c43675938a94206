import { stringify } from 'devalue';
import { DATA_SCRIPT_TYPE, escapeScriptJson, type HydrationPayload } from '../../shared/hydration.js';
import type { FormRecord } from '../../shared/forms/form-state.js';
import { jsonShaped } from './json-shaped.js';
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
 * data.addProps('product-list', { products }); // its start tag gets `data-lf-props`
 * html += data.script(); // <script type="application/litflare+devalue">{"props":[{"products":[…]}]}</script>
 * ```
 */
export class HydrationData {
  #props: Record<string, unknown>[] | undefined;
  #data: Record<string, Settled> | undefined;
  #form: FormRecord | undefined;
  readonly #tags: string[] = [];

  /**
   * Records the properties of the next element marked with `data-lf-props`
   * (the browser pairs them in document order, so the mark needs no id).
   */
  addProps(tagName: string, props: Record<string, unknown>): void {
    this.#tags.push(tagName);
    (this.#props ??= []).push(props);
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
    // Plain data goes as JSON (an object: `{`), read with JSON.parse; anything
    // else as devalue (an array: `[`), which already escapes for <script>.
    if (jsonShaped(payload)) return `<script type="${DATA_SCRIPT_TYPE}">${escapeScriptJson(JSON.stringify(payload))}</script>`;
    let encoded: string;
    try {
      encoded = stringify(payload, refuseLitValues);
    } catch (error) {
      throw props === undefined ? dataError(error) : this.#explain(props, error);
    }
    return `<script type="${DATA_SCRIPT_TYPE}">${encoded}</script>`;
  }

  /** Names the element whose properties could not be serialized (or the data, if they all can). */
  #explain(props: Record<string, unknown>[], error: unknown): Error {
    const first = this.#tags.length - props.length;
    for (const [id, value] of props.entries()) {
      for (const [name, property] of Object.entries(value)) {
        try {
          stringify(property, refuseLitValues);
        } catch (cause) {
          const what = `litflare: the page template set .${name} on <${this.#tags[first + id]}>, and that value cannot be sent to the browser for hydration`;
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
