import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A module as the dev server transformed it: its file, and the map from what it served back to that file. */
export interface ServedModule {
  /** The module's source file (absolute). */
  file: string;
  /** The transform's source map (Vite's `transformResult.map`). */
  map: SourceMapPayload;
}

/** A position in a source file: absolute path, line and column counted from 1. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

// `    at fn (LOCATION:12:5)` or `    at LOCATION:12:5`, as V8 prints them.
const FRAME = /^(\s*at (?:.*? \()?)(.+?):(\d+):(\d+)(\)?)$/;

/**
 * Maps every frame of a V8 stack whose location `lookup` knows (a module the
 * dev server served, e.g. `http://localhost:5173/components/card.ts:40:7`) to
 * its source file, line and column; other lines stay as they are. Source
 * positions are absolute paths, so Vite's overlay can open them in the editor.
 *
 * @example
 * ```ts
 * const stack = await mapStack(error.stack, async (url) => served(url));
 * // '    at MyCard.render (/app/components/my-card.ts:12:11)'
 * ```
 */
export async function mapStack(stack: string, lookup: (location: string) => Promise<ServedModule | undefined>): Promise<string> {
  const lines = await Promise.all(
    stack.split('\n').map(async (line) => {
      const frame = FRAME.exec(line);
      if (frame === null) return line;
      const [, before, location, lineText, columnText, after] = frame as unknown as [string, string, string, string, string, string];
      const module = await lookup(location).catch(() => undefined);
      if (module === undefined) return line;
      const origin = originalPosition(module, Number(lineText), Number(columnText));
      return origin === undefined ? line : `${before}${origin.file}:${origin.line}:${origin.column}${after}`;
    }),
  );
  return lines.join('\n');
}

/**
 * The source position of a position (counted from 1) in a served module, or
 * `undefined` when its map has nothing for it.
 *
 * @example
 * ```ts
 * originalPosition({ file: '/app/components/card.ts', map }, 40, 7); // { file: '/app/components/card.ts', line: 12, column: 11 }
 * ```
 */
export function originalPosition(module: ServedModule, line: number, column: number): SourcePosition | undefined {
  if (module.map.mappings === '') return undefined;
  const entry = new SourceMap(module.map).findEntry(line - 1, column - 1) as Partial<{
    originalSource: string;
    originalLine: number;
    originalColumn: number;
  }>;
  if (entry.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return undefined;
  return { file: sourcePath(module.file, entry.originalSource), line: entry.originalLine + 1, column: entry.originalColumn + 1 };
}

function sourcePath(file: string, source: string): string {
  if (source.startsWith('file://')) return fileURLToPath(source);
  return isAbsolute(source) ? source : resolve(dirname(file), source);
}

/**
 * The first frame of a stack whose file `isAppFile` accepts: where the app's
 * own code was when the error happened (frames in dependencies and in the
 * framework are skipped).
 *
 * @example
 * ```ts
 * firstAppFrame(stack, (file) => !file.includes('/node_modules/')); // { file: '/app/worker/todos.server.ts', line: 30, column: 11 }
 * ```
 */
export function firstAppFrame(stack: string, isAppFile: (file: string) => boolean): SourcePosition | undefined {
  for (const line of stack.split('\n')) {
    const frame = FRAME.exec(line);
    if (frame === null) continue;
    const [, , location, lineText, columnText] = frame as unknown as [string, string, string, string, string];
    const file = location.startsWith('file://') ? fileURLToPath(location) : location;
    if (isAbsolute(file) && isAppFile(file)) return { file, line: Number(lineText), column: Number(columnText) };
  }
  return undefined;
}

/**
 * The stack with only the frames in the app's own code (`isAppFile`): the
 * framework's wrappers and the dependencies' frames are left out, message
 * lines stay. When no frame is the app's, the first frame stays, so the stack
 * still says where it came from.
 *
 * @example
 * ```ts
 * appFrames(stack, (file) => !file.includes('/node_modules/'));
 * // 'Error: boom\n    at renameTodo (/app/worker/todos.server.ts:30:11)'
 * ```
 */
export function appFrames(stack: string, isAppFile: (file: string) => boolean): string {
  const lines = stack.split('\n');
  const isFrame = (line: string) => FRAME.test(line);
  const isApp = (line: string) => {
    const frame = FRAME.exec(line);
    if (frame === null) return false;
    const location = frame[2] ?? '';
    const file = location.startsWith('file://') ? fileURLToPath(location) : location;
    return isAbsolute(file) && isAppFile(file);
  };
  const first = lines.find(isFrame);
  if (!lines.some(isApp)) return lines.filter((line) => !isFrame(line) || line === first).join('\n');
  return lines.filter((line) => !isFrame(line) || isApp(line)).join('\n');
}
