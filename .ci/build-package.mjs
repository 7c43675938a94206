// npm run build:package (and npm pack, through prepack): compiles src/ to lib/,
// the JavaScript and .d.ts files the published package points at. The repository
// itself never needs it: there `litflare/*` resolves to src/ (the `litflare-source`
// export condition). Two tsc programs, because Worker and browser globals differ.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quietEnv } from './quiet-env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = quietEnv;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`build-package: ${command} ${args.join(' ')} failed\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
}

rmSync(join(root, 'lib'), { recursive: true, force: true });
// The Workers runtime types alone (no demo bindings), for compiling src/worker.
// They depend on wrangler.toml's compatibility settings and on workerd's version.
const runtimeTypes = join(root, '.build/worker-runtime.d.ts');
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
if (mtime(runtimeTypes) < Math.max(mtime(join(root, 'wrangler.toml')), mtime(join(root, 'package-lock.json')))) {
  mkdirSync(join(root, '.build'), { recursive: true });
  run('npx', ['wrangler', 'types', '--include-env=false', '.build/worker-runtime.d.ts']);
}
run('npx', ['tsc', '-p', 'tsconfig.build.worker.json']);
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
cpSync(join(root, 'src/cli/bin.mjs'), join(root, 'lib/cli/bin.mjs'));
// The files `litflare create` writes, as they are.
cpSync(join(root, 'src/cli/template'), join(root, 'lib/cli/template'), { recursive: true });

// The compiled code must not reach back into TypeScript sources.
const files = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
for (const file of files(join(root, 'lib'))) {
  if (!file.endsWith('.js')) continue;
  if (/from ['"][^'"]+\.ts['"]|import\(['"][^'"]+\.ts['"]\)/.test(readFileSync(file, 'utf8'))) {
    console.error(`build-package: ${file} imports a .ts file`);
    process.exit(1);
  }
}
console.error('build-package: wrote lib/'); // stderr: `npm pack --json` owns stdout
