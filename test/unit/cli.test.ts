import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCreateArgs } from '../../src/cli/create/options.js';
import { litflareUnpublished } from '../../src/cli/create/npm.js';
import { cliFolders, runCli as run } from '../support/cli.js';

afterAll(() => cliFolders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const ANSI = /\x1b\[/;

describe('the litflare command', () => {
  it('names an unknown command and says how to see the commands', async () => {
    const { code, stderr } = await run(['deploy']);
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown command "deploy".');
    expect(stderr).toContain('Run `litflare --help` to see the commands: create, types, migration.');
  });

  it('prints its commands for --help, exit code 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/create \[folder\]/);
    expect(stdout).toMatch(/types \[--worker/);
  });

  it('writes no colour codes when the output is not a terminal', async () => {
    const results = [await run(['nope']), await run(['--help']), await run(['create', 'app', '--no-install'])];
    for (const { stdout, stderr } of results) expect(stdout + stderr).not.toMatch(ANSI);
  });

  it('colours a terminal, unless NO_COLOR; FORCE_COLOR colours a pipe', async () => {
    expect((await run(['nope'], { tty: true })).stderr).toMatch(ANSI);
    expect((await run(['nope'], { tty: true, env: { NO_COLOR: '1' } })).stderr).not.toMatch(ANSI);
    expect((await run(['nope'], { env: { FORCE_COLOR: '1' } })).stderr).toMatch(ANSI);
    expect((await run(['nope'], { tty: true, env: { FORCE_COLOR: '0' } })).stderr).not.toMatch(ANSI);
  });
});

describe('litflare create', () => {
  it('writes the app into a new folder and says what to run next', async () => {
    const { code, stdout, cwd } = await run(['create', 'My App', '--yes', '--no-install']);
    expect(code).toBe(0);
    expect(stdout).toContain('created My App (20 files)');
    expect(stdout).toMatch(/Next:\n {2}cd My App\n {2}npm install\n {2}npm run dev\n {2}npm test\n/);
    const app = join(cwd, 'My App');
    expect(readdirSync(app).sort()).toEqual(
      ['.gitignore', 'README.md', 'client', 'components', 'index.html', 'migrations', 'package.json', 'public', 'test', 'tsconfig.json', 'vite.config.ts', 'vitest.config.ts', 'worker', 'wrangler.toml'],
    );
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(manifest.name).toBe('my-app');
    expect(manifest.dependencies).toEqual({ litflare: '0.1.0', lit: '3.3.3' });
    expect(Object.keys(manifest.scripts)).toEqual(expect.arrayContaining(['dev', 'build', 'preview', 'test', 'types', 'deploy']));
    expect(readFileSync(join(app, 'wrangler.toml'), 'utf8')).toContain('name = "my-app"');
    expect(readdirSync(join(app, 'migrations'))).toEqual(['0001_create_entries.sql', '0002_sessions.sql']);
  });

  it('refuses a folder that is not empty, changes nothing and says what to do', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'litflare-cli-'));
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'notes.txt'), 'mine');
    const { code, stderr, stdout } = await run(['create', 'taken', '--yes'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('taken is not empty');
    expect(stderr).toContain('Pick another name (npx litflare create taken-2) or empty taken first.');
    expect(readdirSync(join(cwd, 'taken'))).toEqual(['notes.txt']);
  });

  it('asks for a folder name only on a terminal, and says how to give one', async () => {
    const { code, stderr } = await run(['create']);
    expect(code).toBe(1);
    expect(stderr).toContain('Run `npx litflare create my-app`');
  });

  it('names an unknown option', async () => {
    const { code, stderr } = await run(['create', 'app', '--typo']);
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown option --typo.');
    expect(stderr).toContain('litflare create --help');
  });
});

// The environment of a real npm, without what the test runner's own npm set.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

/** A folder with an `npm` that fails as npm does for a version the registry does not have. */
function failingNpm(): NodeJS.ProcessEnv {
  const bin = mkdtempSync(join(tmpdir(), 'litflare-npm-'));
  cliFolders.push(bin);
  writeFileSync(join(bin, 'npm'), '#!/bin/sh\necho "npm error code ETARGET" >&2\necho "npm error notarget No matching version found for litflare@0.1.0." >&2\nexit 1\n');
  chmodSync(join(bin, 'npm'), 0o755);
  return { ...npmEnv, PATH: `${bin}:${process.env.PATH}` };
}

/** A tarball as `npm pack` names it (its contents do not matter until npm installs it). */
function tarball(cwd: string): string {
  writeFileSync(join(cwd, 'litflare-0.1.0.tgz'), 'packed');
  return 'litflare-0.1.0.tgz';
}

describe('litflare create --from', () => {
  it('reads its path, with or without =, and refuses a missing or second one', () => {
    expect(parseCreateArgs(['my-app', '--from', '../litflare'])).toMatchObject({ folder: 'my-app', from: '../litflare' });
    expect(parseCreateArgs(['--from=litflare-0.1.0.tgz', 'my-app', '--no-install'])).toMatchObject({ folder: 'my-app', from: 'litflare-0.1.0.tgz', install: false });
    expect(parseCreateArgs(['my-app', '--from'])).toEqual({ error: '--from needs a path: a litflare checkout or a .tgz.' });
    expect(parseCreateArgs(['my-app', '--from', '--yes'])).toEqual({ error: '--from needs a path: a litflare checkout or a .tgz.' });
    expect(parseCreateArgs(['--from', 'a.tgz', '--from', 'b.tgz'])).toEqual({ error: 'One --from at a time: got "a.tgz" and "b.tgz".' });
  });

  it('refuses a path that is not a litflare checkout or a .tgz, and writes nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'litflare-cli-'));
    mkdirSync(join(cwd, 'other'));
    writeFileSync(join(cwd, 'other/package.json'), '{"name":"not-litflare"}');
    writeFileSync(join(cwd, 'notes.txt'), 'mine');
    const cases: [string, string][] = [
      ['missing.tgz', '--from missing.tgz: there is no such file or folder.'],
      ['notes.txt', '--from notes.txt is not a .tgz.'],
      ['other', `--from other is not a litflare checkout (its package.json is "not-litflare"'s).`],
    ];
    for (const [from, problem] of cases) {
      const { code, stderr } = await run(['create', 'app', '--from', from, '--no-install'], { cwd });
      expect(code).toBe(1);
      expect(stderr.replaceAll(`${cwd}/`, '')).toContain(problem);
      expect(stderr).toContain('Pass a litflare checkout (a folder) or the .tgz `npm pack` wrote in one: --from ../litflare');
    }
    expect(existsSync(join(cwd, 'app'))).toBe(false);
  });

  it('gives the app its own copy of a .tgz, and points its package.json at it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'litflare-cli-'));
    const { code, stdout } = await run(['create', 'app', '--from', tarball(cwd), '--no-install'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('created app (21 files, litflare from litflare-0.1.0.tgz)');
    const manifest = JSON.parse(readFileSync(join(cwd, 'app/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies.litflare).toBe('file:litflare-0.1.0.tgz');
    expect(readFileSync(join(cwd, 'app/litflare-0.1.0.tgz'), 'utf8')).toBe('packed');
  });

  it('packs a checkout with npm pack (its prepack runs) and installs from that', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'litflare-cli-'));
    const checkout = join(cwd, 'litflare');
    mkdirSync(checkout);
    writeFileSync(
      join(checkout, 'package.json'),
      JSON.stringify({ name: 'litflare', version: '9.9.9', files: ['lib/'], scripts: { prepack: "node -e \"require('fs').mkdirSync('lib');require('fs').writeFileSync('lib/built.js','')\"" } }),
    );
    const { code, stdout } = await run(['create', 'app', '--from', 'litflare', '--no-install'], { cwd, env: npmEnv });
    expect(code).toBe(0);
    expect(stdout).toContain('Packing litflare from litflare (npm pack)');
    expect(stdout).toContain('created app (21 files, litflare from litflare-9.9.9.tgz)');
    const manifest = JSON.parse(readFileSync(join(cwd, 'app/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies.litflare).toBe('file:litflare-9.9.9.tgz');
    expect(existsSync(join(checkout, 'lib/built.js')), 'prepack built lib/').toBe(true);
    expect(existsSync(join(cwd, 'app/litflare-9.9.9.tgz'))).toBe(true);
  }, 60_000);

  it('says to create the app --from a checkout when npm cannot find this litflare, and to npm install when it came --from one', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'litflare-cli-'));
    const unpublished = await run(['create', 'my app', '--yes'], { cwd, env: failingNpm() });
    expect(unpublished.code).toBe(1);
    expect(unpublished.stderr).toContain('No matching version found for litflare@0.1.0.');
    expect(unpublished.stderr).toContain("remove my app, then run `npx litflare create 'my app' --from ../litflare`.");
    const local = await run(['create', 'local', '--yes', '--from', tarball(cwd)], { cwd, env: failingNpm() });
    expect(local.code).toBe(1);
    expect(local.stderr).toContain('Run `npm install` yourself in local, then `npm run dev`.');
  });

  it('recognises npm saying a litflare version is not published', () => {
    expect(litflareUnpublished('npm error code ETARGET\nnpm error notarget No matching version found for litflare@0.2.0.')).toBe(true);
    expect(litflareUnpublished("npm error code E404\nnpm error 404  'litflare@0.1.0' is not in this registry.")).toBe(true);
    expect(litflareUnpublished('npm error code E404\nnpm error 404  Not Found - GET https://registry.npmjs.org/valibot')).toBe(false);
    expect(litflareUnpublished('npm error code ECONNRESET\nlitflare@0.1.0')).toBe(false);
  });
});

describe('litflare types', () => {
  it('says to run wrangler types first when its output is missing', async () => {
    const { code, stderr } = await run(['types']);
    expect(code).toBe(1);
    expect(stderr).toContain('worker/worker-configuration.d.ts does not exist');
    expect(stderr).toContain('Run `npx wrangler types worker/worker-configuration.d.ts` first');
  });
});
