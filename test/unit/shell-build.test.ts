import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { clientBuild } from '../../src/vite/client-build.js';
import { documentShell } from '../../src/vite/shell.js';

const projects: string[] = [];
afterAll(() => projects.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'litflare-shell-'));
  projects.push(root);
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  return root;
}

/** The shell the Worker would embed (what `virtual:litflare/shell` exports after the client build). */
async function builtShell(shell: Plugin): Promise<string> {
  const load = shell.load as (id: string) => Promise<string>;
  const module = await load.call({ error: (message: string) => { throw new Error(message); } }, '\0virtual:litflare/shell');
  return JSON.parse(module.slice('export default '.length, -1)) as string;
}

describe('the client build of the document shell', () => {
  it('hands the page to the Worker and keeps the stylesheet the client entry imports, which the page links', async () => {
    const root = project({
      'client/index.html':
        '<!doctype html><html><head><!--ssr-head--><script type="module" src="/client/main.ts"></script></head>' +
        '<body><!--ssr-outlet--></body></html>',
      'client/main.ts': "import './global.css';\nconsole.log('entry');\n",
      'client/global.css': 'body { color: rebeccapurple; }\n',
    });
    const shell = documentShell();
    await build({ root, configFile: false, logLevel: 'silent', plugins: [clientBuild(), shell], build: { outDir: 'dist' } });

    const emitted = readdirSync(join(root, 'dist'), { recursive: true, encoding: 'utf8' });
    // The page itself is not an asset: the asset server would answer `/` with the bare shell.
    expect(emitted.filter((name) => name.endsWith('.html'))).toEqual([]);
    const css = emitted.filter((name) => name.endsWith('.css'));
    expect(css).toHaveLength(1);
    const html = await builtShell(shell);
    expect(html).toContain(`<link rel="stylesheet" crossorigin href="/${css[0]}">`);
  });
});
