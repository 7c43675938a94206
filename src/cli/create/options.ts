/** What `litflare create` was asked to do. */
export interface CreateOptions {
  /** The folder to write the app into, as typed. */
  folder?: string;
  /** Accept every default without asking. */
  yes: boolean;
  /** `false` with `--no-install`, `true` with `--install`; otherwise ask (or install). */
  install?: boolean;
  help: boolean;
}

/**
 * Reads `litflare create`'s arguments. An unknown option is an error message.
 *
 * @example
 * ```ts
 * parseCreateArgs(['my-app', '--no-install']); // { folder: 'my-app', yes: false, install: false, help: false }
 * ```
 */
export function parseCreateArgs(args: readonly string[]): CreateOptions | { error: string } {
  const options: CreateOptions = { yes: false, help: false };
  for (const arg of args) {
    if (arg === '--yes' || arg === '-y') options.yes = true;
    else if (arg === '--no-install') options.install = false;
    else if (arg === '--install') options.install = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('-')) return { error: `Unknown option ${arg}.` };
    else if (options.folder === undefined) options.folder = arg;
    else return { error: `One folder at a time: got "${options.folder}" and "${arg}".` };
  }
  return options;
}
