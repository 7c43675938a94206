import { stringify } from 'devalue';
import { DATA_SCRIPT_TYPE, escapeScriptJson, type HydrationPayload } from '../../shared/hydration.js';

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
  readonly #tags: string[] = [];

  /** Records an element's properties and returns the id to put in its `data-lf-props`. */
  addProps(tagName: string, props: Record<string, unknown>): number {
    const id = this.#tags.push(tagName) - 1;
    (this.#props ??= {})[id] = props;
    return id;
  }

  /** The `<script>` carrying everything recorded since the last call, or `''` when there is nothing. */
  script(): string {
    const props = this.#props;
    if (props === undefined) return '';
    this.#props = undefined;
    const payload: HydrationPayload = { props };
    let json: string;
    try {
      json = stringify(payload);
    } catch (error) {
      throw this.#explain(props, error);
    }
    return `<script type="${DATA_SCRIPT_TYPE}">${escapeScriptJson(json)}</script>`;
  }

  /** Names the element whose properties could not be serialized. */
  #explain(props: Record<number, Record<string, unknown>>, error: unknown): Error {
    for (const [id, value] of Object.entries(props)) {
      for (const [name, property] of Object.entries(value)) {
        try {
          stringify(property);
        } catch (cause) {
          return new Error(
            `litflare: the page template set .${name} on <${this.#tags[Number(id)]}>, and that value cannot be ` +
              `sent to the browser for hydration (${cause instanceof Error ? cause.message : String(cause)}). ` +
              'Pass plain data (objects, arrays, Date, Map, Set, …), or let the element load it itself.',
            { cause },
          );
        }
      }
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}
