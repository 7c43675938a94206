import { isServerError } from 'litflare';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { deleteFile, uploadFile } from '../worker/platform.server.js';
import { cardStyles } from './card-styles.js';
import { formatBytes } from './format-bytes.js';
import { icon } from './icons.js';
import type { StoredFile } from './platform-types.js';

/** Uploads files to R2 through a server function; downloads stream from a Worker route. */
@customElement('file-shelf')
export class FileShelf extends LitElement {
  static override styles = [
    cardStyles,
    css`
      .picker {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
      }
      /* The native input stays in the page (focusable, and what the label
         activates) but out of sight: the label is what people see and click. */
      .picker input {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .picker label {
        position: relative;
        display: inline-flex;
        gap: 0.4rem;
        align-items: center;
        padding: 0.4rem 0.9rem;
        border-radius: 8px;
        color: white;
        background: #f6821f;
        cursor: pointer;
      }
      .picker label:hover {
        background: #e5731a;
      }
      .picker label:has(input:focus-visible) {
        outline: 2px solid #1d4ed8;
        outline-offset: 2px;
      }
      li a {
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The files the server listed from R2. */
  @property({ attribute: false }) files: StoredFile[] = [];

  @state() private error = '';
  /** What happened to the file chosen last, for the line beside the button. */
  @state() private status = '';

  override render() {
    return html`
      <h3>R2 files</h3>
      <div class="picker">
        <label>
          <input type="file" @change=${this.#upload} />
          ${icon('upload')} Choose a file
        </label>
        <span class="muted chosen" aria-live="polite">${this.status || 'Up to 256 KB; it goes to R2 at once.'}</span>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <ul>
        ${this.files.map(
          (file) => html`<li>
            <a href=${`/files/${file.key}`} download=${file.name}>${file.name}</a>
            <span class="muted size">${formatBytes(file.size)}</span>
            <button class="quiet" @click=${() => this.#remove(file)} aria-label=${`Delete ${file.name}`} title="Delete">
              ${icon('close')}
            </button>
          </li>`,
        )}
      </ul>
    `;
  }

  async #upload(event: Event): Promise<void> {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    this.status = `Uploading ${file.name}…`;
    try {
      const stored = await uploadFile({ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
      this.files = [stored, ...this.files];
      this.status = `Uploaded ${stored.name} (${formatBytes(stored.size)}).`;
      this.error = '';
    } catch (error) {
      const issues = isServerError(error) ? (error.data as { issues?: { message: string }[] } | undefined)?.issues : undefined;
      this.status = `${file.name} was not uploaded.`;
      this.error = issues?.[0]?.message ?? (isServerError(error) ? error.message : 'The upload failed.');
    } finally {
      input.value = '';
    }
  }

  async #remove(file: StoredFile): Promise<void> {
    await deleteFile(file.key);
    this.files = this.files.filter((f) => f.key !== file.key);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'file-shelf': FileShelf;
  }
}
