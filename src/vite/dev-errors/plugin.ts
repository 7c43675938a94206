import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { SourceMapPayload } from 'node:module';
import { sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { DEV_ERROR_PATH, type DevErrorOverlay, type DevErrorReport } from '../../shared/dev-error.js';
import { codeFrame } from './code-frame.js';
import { elementLine } from './element-source.js';
import { appFrames, firstAppFrame, mapStack, type ServedModule } from './map-stack.js';
import { FRAMEWORK_DIR } from '../runtime-paths.js';

/** litflare's own sources: never "the app's code" in an error. */
const FRAMEWORK = FRAMEWORK_DIR + sep;
const MAX_BODY = 256 * 1024;

/**
 * Serves, in `vite dev` only, the endpoint through which litflare's client
 * runtime shows errors in Vite's error overlay: it maps a browser stack to the
 * app's sources with the client environment's module graph (Worker stacks
 * arrive mapped already: the module runner in workerd maps them), keeps the
 * frames in the app's own code (not litflare's, not its dependencies'), and
 * adds a code frame for the first of them.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [devErrors(), cloudflare()] });
 * ```
 */
export function devErrors(): Plugin {
  return {
    name: 'litflare:dev-errors',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(`${server.config.base}${DEV_ERROR_PATH}`, (req, res, next) => {
        if (req.method !== 'POST') return next();
        readReport(req)
          .then((report) => overlayFor(server, report))
          .then(
            (overlay) => {
              res.setHeader('content-type', 'application/json');
              res.end(JSON.stringify(overlay));
            },
            (error: unknown) => {
              res.statusCode = 400;
              res.end(String(error));
            },
          );
      });
    },
  };
}

async function overlayFor(server: ViteDevServer, report: DevErrorReport): Promise<DevErrorOverlay> {
  const raw = report.stack ?? '';
  const mapped = report.environment === 'client' ? await mapStack(raw, (location) => clientModule(server, location)) : raw;
  const loc = firstAppFrame(mapped, (file) => isAppFile(server, file));
  const hmr = server.config.server.hmr;
  const overlay: DevErrorOverlay = {
    message: report.message,
    // The user's frames: litflare's wrappers and Lit's internals say nothing about their bug.
    stack: appFrames(mapped, (file) => isAppFile(server, file)),
    plugin: 'litflare',
    overlay: !(hmr === false || (typeof hmr === 'object' && hmr.overlay === false)),
  };
  if (loc === undefined) return overlay;
  const source = await readFile(loc.file, 'utf8').catch(() => undefined);
  if (source === undefined) return { ...overlay, loc };
  const element = report.element === undefined ? undefined : elementLine(source, report.element);
  const at = element === undefined ? loc : { file: loc.file, ...element };
  return { ...overlay, loc: at, frame: codeFrame(source, at.line, at.column) };
}

/** The module the browser loaded from `location` (a URL the dev server served), with its transform's map. */
async function clientModule(server: ViteDevServer, location: string): Promise<ServedModule | undefined> {
  const client = server.environments['client'];
  if (client === undefined || !/^https?:\/\//.test(location)) return undefined;
  const url = new URL(location);
  const base = server.config.base;
  const path = url.pathname.startsWith(base) ? `/${url.pathname.slice(base.length)}` : url.pathname;
  const module = await client.moduleGraph.getModuleByUrl(`${path}${url.search}`);
  const map = module?.transformResult?.map;
  if (module?.file == null || map == null || !('version' in map)) return undefined;
  return { file: module.file, map: map as unknown as SourceMapPayload };
}

/** A file of the app itself that the dev server serves: not a dependency, not litflare. */
function isAppFile(server: ViteDevServer, file: string): boolean {
  if (file.includes(`${sep}node_modules${sep}`) || file.startsWith(FRAMEWORK)) return false;
  // Only files some environment loaded: the code frame never reads anything else from disk.
  return Object.values(server.environments).some((environment) => (environment.moduleGraph.getModulesByFile(file)?.size ?? 0) > 0);
}

async function readReport(req: IncomingMessage): Promise<DevErrorReport> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_BODY) throw new Error('litflare: error report too large');
  }
  const report = JSON.parse(body) as Partial<DevErrorReport>;
  if (typeof report.message !== 'string' || (report.stack !== undefined && typeof report.stack !== 'string')) {
    throw new Error('litflare: malformed error report');
  }
  return {
    message: report.message,
    stack: report.stack,
    environment: report.environment === 'client' ? 'client' : 'worker',
    ...(typeof report.element === 'string' ? { element: report.element } : {}),
  };
}
