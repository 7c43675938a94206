// Browser tests: real Chromium (Debian's, never a downloaded one) driven by
// web-test-runner. Server HTML for the tests is rendered by litflare's own SSR
// code in Node, loaded through Vite so it sees the same TypeScript transforms
// as the app.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { countingReporter } from './support/counting-reporter.mjs';
import { socketPlugin } from './support/socket-plugin.mjs';
import { ssrPlugin } from './support/ssr-plugin.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

const ssr = ssrPlugin(root);

export default {
  rootDir: root,
  // Server function calls from fixture frames, answered by litflare's dispatcher.
  middleware: [(context, next) => ssr.rpcMiddleware(context, next)],
  files: ['test/browser/**/*.test.ts'],
  // `litflare/*` as the app imports it, served from the sources (package.json exports).
  nodeResolve: { exportConditions: ['litflare-source', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
      // A fresh profile every run.
      createBrowserContext: ({ browser }) => browser.newContext(),
    }),
  ],
  plugins: [
    esbuildPlugin({
      ts: true,
      tsconfig: join(root, 'tsconfig.json'),
      target: 'es2022',
      define: { 'import.meta.env.DEV': 'true', 'import.meta.env': '{"DEV":true}' },
    }),
    ssr,
    socketPlugin(),
  ],
  reporters: [defaultReporter(), countingReporter(process.env.LITFLARE_RESULTS)],
};
