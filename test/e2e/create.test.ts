// `npx litflare create` as a user meets it: the framework packed as npm would
// publish it, the app written by the packed bin and installed from that tarball
// (`--from`; everything else from the npm cache), then the app's own scripts.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from './setup/browser.js';
import { startVite } from './setup/vite-server.js';
import { scaffoldApp, textOf, tourSteps, walkTour } from './tour-steps.js';

const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'litflare-create-'));
const app = join(work, 'my-app');
let tarball = '';
let bin = '';

// Nothing phones home; and nothing of this test runner (npm's or Vitest's
// variables, NODE_ENV=test) leaks into the app's own npm, Vite and Vitest.
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(npm_|VITEST|NODE_ENV$|TEST$)/i.test(name)),
);
Object.assign(env, {
  // The app's dependencies from the npm cache when it has them.
  npm_config_prefer_offline: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  NO_COLOR: '1',
});

/** Runs a command; a failure shows its whole output. */
async function run(command: string, args: string[], cwd: string, timeout: number): Promise<string> {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024 });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

/**
 * What a new user must not see from a fresh app's own scripts: each line the
 * framework or its tools printed that the user did not cause (issue 18), and
 * any other warning or error.
 */
const NOISE: [string, RegExp][] = [
  ["Lit's dev-mode notice", /Lit is in dev mode/],
  ['workerd logging the test pool closing its WebSocket', /WebSocket peer disconnected/],
  ['workerd warning about reading a binary body as text', /Called \.text\(\) on an HTTP body/],
  ['wrangler types asking for @types/node', /Install @types\/node/],
  ["npm's warnings (install scripts no one reviewed)", /^npm (?:warn|error)/i],
  ['a warning or an error', /\b(?:warn(?:ing)?|error|exception|failed)\b/i],
];

/** The lines of `output` that match {@link NOISE}, with the reason. */
function noise(output: string): string[] {
  return output.split('\n').flatMap((line) => NOISE.filter(([, pattern]) => pattern.test(line)).map(([why]) => `${why}: ${line}`));
}

beforeAll(async () => {
  // `npm pack` runs prepack, which compiles the framework to lib/.
  await run('npm', ['pack', '--pack-destination', work], process.cwd(), 120_000);
  tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz')) ?? 'no tarball');
  const unpacked = join(work, 'unpacked');
  mkdirSync(unpacked);
  await run('tar', ['-xzf', tarball, '-C', unpacked], work, 30_000);
  const manifest = JSON.parse(readFileSync(join(unpacked, 'package/package.json'), 'utf8')) as { bin: { litflare: string } };
  bin = join(unpacked, 'package', manifest.bin.litflare);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

// A test of the app's own, beside the scaffold's: a signature is remembered in a D1 session.
const sessionTest = `import { env } from 'cloudflare:workers';
import { testClient } from 'litflare/test';
import { expect, it } from 'vitest';
import { sign } from '../worker/guestbook.server.js';

it('remembers who signed, in a session kept in D1', async () => {
  const visitor = testClient();
  await visitor.call(sign, 'Grace');
  expect(visitor.cookie('lf_session')).toBeDefined();
  expect((await visitor.page('/')).html).toContain('Welcome back, Grace');
  const stored = await env.DB.prepare('SELECT COUNT(*) AS sessions FROM litflare_sessions').first<{ sessions: number }>();
  expect(stored?.sessions).toBeGreaterThanOrEqual(1);
});
`;

describe('npx litflare create, from the packed package', () => {
  it('writes the app with the packed bin and installs it --from the tarball (no TypeScript sources of litflare involved)', async () => {
    expect(existsSync(join(work, 'unpacked/package/src'))).toBe(false);
    const output = await run('node', [bin, 'create', 'my-app', '--yes', '--from', tarball], work, 300_000);
    expect(output).toContain(`created my-app (21 files, litflare from ${basename(tarball)})`);
    expect(output).toMatch(/✔ Installing dependencies \(npm install\)/);
    expect(noise(output)).toEqual([]);
    for (const file of ['package.json', 'vite.config.ts', 'wrangler.toml', 'index.html', 'public/favicon.svg', 'worker/index.ts', 'worker/guestbook.server.ts', 'components/guest-book.ts', 'test/app.test.ts', 'README.md', '.gitignore', basename(tarball)]) {
      expect(existsSync(join(app, file)), file).toBe(true);
    }
    expect(readdirSync(join(app, 'migrations'))).toEqual(['0001_create_entries.sql', '0002_sessions.sql']);
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies.litflare).toBe(`file:${basename(tarball)}`);
    expect(existsSync(join(app, 'node_modules/litflare/lib/worker/index.js'))).toBe(true);
    writeFileSync(join(app, 'test/session.test.ts'), sessionTest);
  }, 330_000);

  it('refuses to write into a folder that is not empty', async () => {
    await expect(run('node', [bin, 'create', 'my-app', '--yes', '--no-install'], work, 30_000)).rejects.toThrow(
      /my-app is not empty[\s\S]*Pick another name/,
    );
  });

  it('has its session migration already: litflare migration sessions finds it', async () => {
    const output = await run('npx', ['litflare', 'migration', 'sessions'], app, 60_000);
    expect(output).toContain('migrations/0002_sessions.sql already creates litflare_sessions: nothing to write.');
  }, 90_000);

  it('serves its page in npm run dev with nothing in the terminal or the console the user did not cause', async () => {
    const server = await startVite('dev', app, { ...env, NODE_ENV: 'development' });
    const browser = await launchChromium();
    try {
      const { page, problems } = await openPage(browser);
      await page.goto(`${server.baseURL}/`);
      await page.waitForFunction(() => customElements.get('guest-book') !== undefined);
      // Whatever the page loads after its scripts (the favicon) has had its answer.
      await page.waitForLoadState('networkidle');
      expect(await page.locator('guest-book').count()).toBe(1);
      expect(problems).toEqual({ console: [], failedRequests: [] });
      expect(server.output()).toMatch(/ready in \d+ ms/);
      expect(noise(server.output())).toEqual([]);
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 120_000);

  it('typechecks as created (npm run typecheck types the bindings first), and types its bindings from wrangler.toml (npm run types)', async () => {
    // Nothing has written the binding types yet: typecheck writes them.
    rmSync(join(app, 'worker/worker-configuration.d.ts'), { force: true });
    rmSync(join(app, 'client/worker-types.d.ts'), { force: true });
    expect(noise(await run('npm', ['run', 'typecheck'], app, 60_000))).toEqual([]);
    const output = await run('npm', ['run', 'types'], app, 60_000);
    expect(output).toContain('Types written to worker/worker-configuration.d.ts');
    expect(noise(output)).toEqual([]);
    expect(readFileSync(join(app, 'worker/worker-configuration.d.ts'), 'utf8')).toMatch(/DB: D1Database/);
    expect(readFileSync(join(app, 'client/worker-types.d.ts'), 'utf8')).toMatch(/DB: D1Database/);
    await run('npm', ['run', 'typecheck'], app, 60_000);
  }, 120_000);

  it('builds the client and the Worker (npm run build), printing nothing it did not cause', async () => {
    const output = await run('npm', ['run', 'build'], app, 120_000);
    expect(output).toMatch(/✓ built in/);
    expect(noise(output)).toEqual([]);
    expect(existsSync(join(app, 'dist/client'))).toBe(true);
    expect(readdirSync(join(app, 'dist')).length).toBe(2);
  }, 150_000);

  it('is ready to deploy: npm run deploy -- --dry-run builds and bundles it with its D1 binding and assets', async () => {
    const output = await run('npm', ['run', 'deploy', '--', '--dry-run'], app, 150_000);
    expect(output).toMatch(/Read \d+ files from the assets directory \S+\/dist\/client/);
    expect(output).toMatch(/env\.DB \(my-app\)\s+D1 Database/);
    expect(output).toContain('--dry-run: exiting now.');
  }, 180_000);

  it('passes its own tests in workerd (npm test, with litflare/test), printing nothing it did not cause', async () => {
    expect(readFileSync(join(app, 'test/app.test.ts'), 'utf8')).toContain("from 'litflare/test'");
    const output = await run('npm', ['test'], app, 120_000);
    expect(output).toMatch(/Tests\s+4 passed/);
    expect(noise(output)).toEqual([]);
  }, 150_000);
});

// The README's guided tour, as a reader follows it, on the app the tests above
// installed: each step's new files written, its diffs applied with `git apply`,
// its commands run, then the app's own typecheck and tests (the step's own
// tests included), in order. A step that drifts from the scaffold fails here.
describe("the README's guided tour, walked on the new app", () => {
  const steps = tourSteps(readFileSync('README.md', 'utf8'));
  // What each step leaves, from the template: the files on disk must be these.
  const apps = walkTour(scaffoldApp('src/cli/template', 'my-app'), steps);

  beforeAll(() => {
    // The app as `litflare create` wrote it: without the test of the app's own added above.
    rmSync(join(app, 'test/session.test.ts'), { force: true });
  });

  for (const [k, step] of steps.entries()) {
    it(`step ${step.number} (${step.title}, README.md:${step.line}): applies, then npm run typecheck and npm test pass, printing nothing the user did not cause`, async () => {
      for (const change of step.changes) {
        if (change.kind === 'new') {
          mkdirSync(dirname(join(app, change.path)), { recursive: true });
          writeFileSync(join(app, change.path), `${change.lines.join('\n')}\n`);
        } else {
          const patch = join(work, `tour-${step.number}.diff`);
          writeFileSync(patch, change.text);
          await run('git', ['apply', patch], app, 30_000);
        }
        expect(readFileSync(join(app, change.path), 'utf8'), `${change.path} after README.md:${change.line}`).toBe(textOf(apps[k + 1]!.get(change.path)!));
      }
      const outputs = [];
      for (const { command } of step.commands) outputs.push(await run('npm', command.split(' ').slice(1), app, 120_000));
      // Independent: side by side.
      const [typecheck, tests] = await Promise.all([run('npm', ['run', 'typecheck'], app, 60_000), run('npm', ['test'], app, 120_000)]);
      outputs.push(typecheck);
      // The app the tour ends with builds too (client code that reached server-only code would fail only here).
      if (k === steps.length - 1) outputs.push(await run('npm', ['run', 'build'], app, 150_000));
      expect(tests).toMatch(/Tests\s+\d+ passed/);
      expect(tests).not.toMatch(/failed|skipped/);
      expect(outputs.concat(tests).flatMap(noise)).toEqual([]);
    }, 300_000);
  }
});
