import { FormController } from 'litflare';
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
      li form {
        display: contents;
      }
      /* Once the element runs (it is defined), choosing a file uploads it: the button is for pages without JavaScript. */
      :host(:defined) .upload {
        display: none;
      }
    `,
  ];

  /** The files the server listed from R2. */
  @property({ attribute: false }) files: StoredFile[] = [];

  /** The name of the file chosen last, for the line beside the button. */
  @state() private chosen = '';

  // Without JavaScript the form posts the file (multipart) to the page; hydrated, the same form goes through RPC.
  readonly #upload = new FormController(this, uploadFile, {
    onSuccess: (stored) => {
      this.files = [stored, ...this.files];
      this.chosen = '';
      this.#uploaded = `Uploaded ${stored.name} (${formatBytes(stored.size)}).`;
    },
  });
  readonly #remove = new FormController(this, deleteFile, { onSuccess: (key) => (this.files = this.files.filter((f) => f.key !== key)) });
  #uploaded = '';

  override render() {
    const upload = this.#upload;
    const problem = upload.issuesFor('file')[0] ?? upload.error?.message ?? this.#remove.error?.message;
    const status = upload.pending
      ? `Uploading ${this.chosen}…`
      : problem !== undefined && this.chosen
        ? `${this.chosen} was not uploaded.`
        : this.#uploaded || 'Up to 256 KB; it goes to R2 at once.';
    return html`
      <h3>R2 files</h3>
      <form class="picker" method="post" enctype="multipart/form-data" action=${uploadFile.action} @submit=${upload.submit}>
        <label>
          <input type="file" name="file" @change=${this.#chosen} />
          ${icon('upload')} Choose a file
        </label>
        <button type="submit" class="upload">Upload</button>
        <span class="muted chosen" aria-live="polite">${status}</span>
      </form>
      ${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
      <ul>
        ${this.files.map(
          (file) => html`<li>
            <a href=${`/files/${file.key}`} download=${file.name}>${file.name}</a>
            <span class="muted size">${formatBytes(file.size)}</span>
            <form method="post" action=${deleteFile.action} @submit=${this.#remove.submit}>
              <input type="hidden" name="key" value=${file.key} />
              <button class="quiet" aria-label=${`Delete ${file.name}`} title="Delete">${icon('close')}</button>
            </form>
          </li>`,
        )}
      </ul>
    `;
  }

  #chosen(event: Event): void {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    this.chosen = file.name;
    this.#uploaded = '';
    input.form?.requestSubmit();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'file-shelf': FileShelf;
  }
}
