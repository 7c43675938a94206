import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs `litflare …` in a fresh folder, recording what it prints. */
async function run(argv: string[], options: { tty?: boolean; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'litflare-cli-'));
  folders.push(cwd);
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
    stdin: new PassThrough(),
    env: options.env ?? {},
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, cwd };
}

const ANSI = /\x1b\[/;

describe('the litflare command', () => {
  it('names an unknown command and says how to see the commands', async () => {
    const { code, stderr } = await run(['deploy']);
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown command "deploy".');
    expect(stderr).toContain('Run `litflare --help` to see the commands: create, types.');
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
    expect(stdout).toContain('created My App (19 files)');
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

describe('litflare types', () => {
  it('says to run wrangler types first when its output is missing', async () => {
    const { code, stderr } = await run(['types']);
    expect(code).toBe(1);
    expect(stderr).toContain('worker/worker-configuration.d.ts does not exist');
    expect(stderr).toContain('Run `npx wrangler types worker/worker-configuration.d.ts` first');
  });
});
