import { isServerError } from 'litflare';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { deleteFile, uploadFile } from '../worker/platform.server.js';
import { cardStyles } from './card-styles.js';
import type { StoredFile } from './platform-types.js';

/** Uploads files to R2 through a server function; downloads stream from a Worker route. */
@customElement('file-shelf')
export class FileShelf extends LitElement {
  static override styles = cardStyles;

  /** The files the server listed from R2. */
  @property({ attribute: false }) files: StoredFile[] = [];

  @state() private error = '';

  override render() {
    return html`
      <h3>R2 files</h3>
      <input type="file" aria-label="Upload a file" @change=${this.#upload} />
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <ul>
        ${this.files.map(
          (file) => html`<li>
            <a href=${`/files/${file.key}`} download=${file.name}>${file.name}</a>
            <span class="muted">${(file.size / 1024).toFixed(1)} KB</span>
            <button class="quiet" @click=${() => this.#remove(file)} aria-label=${`Delete ${file.name}`}>✕</button>
          </li>`,
        )}
      </ul>
    `;
  }

  async #upload(event: Event): Promise<void> {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    try {
      const stored = await uploadFile({ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
      this.files = [stored, ...this.files];
      this.error = '';
    } catch (error) {
      const issues = isServerError(error) ? (error.data as { issues?: { message: string }[] } | undefined)?.issues : undefined;
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
