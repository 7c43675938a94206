/** What `litflare create` was asked to do. */
export interface CreateOptions {
  /** The folder to write the app into, as typed. */
  folder?: string;
  /** Accept every default without asking. */
  yes: boolean;
  /** `false` with `--no-install`, `true` with `--install`; otherwise ask (or install). */
  install?: boolean;
  /** `--from`: a litflare checkout or packed `.tgz` to install instead of the registry's litflare, as typed. */
  from?: string;
  help: boolean;
}

/**
 * Reads `litflare create`'s arguments. An unknown option is an error message.
 *
 * @example
 * ```ts
 * parseCreateArgs(['my-app', '--no-install']); // { folder: 'my-app', yes: false, install: false, help: false }
 * parseCreateArgs(['my-app', '--from', '../litflare']); // { folder: 'my-app', from: '../litflare', yes: false, help: false }
 * ```
 */
export function parseCreateArgs(args: readonly string[]): CreateOptions | { error: string } {
  const options: CreateOptions = { yes: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--from' || arg.startsWith('--from=')) {
      const from = arg === '--from' ? args[++i] : arg.slice('--from='.length);
      if (from === undefined || from === '' || from.startsWith('-')) return { error: '--from needs a path: a litflare checkout or a .tgz.' };
      if (options.from !== undefined) return { error: `One --from at a time: got "${options.from}" and "${from}".` };
      options.from = from;
    } else if (arg === '--yes' || arg === '-y') options.yes = true;
    else if (arg === '--no-install') options.install = false;
    else if (arg === '--install') options.install = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('-')) return { error: `Unknown option ${arg}.` };
    else if (options.folder === undefined) options.folder = arg;
    else return { error: `One folder at a time: got "${options.folder}" and "${arg}".` };
  }
  return options;
}
