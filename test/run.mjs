// Runs every test layer in order and prints one line, `N passed, N failed`,
// summed over all runners. Exits non-zero if anything failed.
//   node test/run.mjs [layer ...]   layers: typecheck unit worker browser e2e
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quietEnv } from '../.ci/quiet-env.mjs';

const env = quietEnv;
const results = mkdtempSync(join(tmpdir(), 'litflare-test-'));

const vitest = (name) => ({
  name,
  command: [
    'npx',
    'vitest',
    'run',
    '--config',
    `test/${name}/vitest.config.ts`,
    '--configLoader',
    'runner',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(results, `${name}.json`)}`,
  ],
  count: (file) => {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    // A file that fails to load has no tests but is still a failure.
    const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
  },
});

const layers = [
  {
    name: 'typecheck',
    command: ['npm', 'run', '--silent', 'typecheck'],
    count: null,
  },
  vitest('unit'),
  vitest('types'),
  vitest('worker'),
  {
    name: 'browser',
    command: ['npx', 'wtr', '--config', 'test/browser/web-test-runner.config.mjs'],
    env: { LITFLARE_RESULTS: join(results, 'browser.json') },
    count: (file) => JSON.parse(readFileSync(file, 'utf8')),
  },
  vitest('e2e'),
];

const wanted = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const layer of layers) {
  if (wanted.length > 0 && !wanted.includes(layer.name)) continue;
  console.log(`\n── ${layer.name} ──`);
  const started = Date.now();
  const run = spawnSync(layer.command[0], layer.command.slice(1), {
    stdio: 'inherit',
    env: { ...env, ...layer.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts;
  if (layer.count === null) {
    // A check without individual tests counts as one test.
    counts = run.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  } else {
    const file = join(results, `${layer.name}.json`);
    counts = existsSync(file) ? layer.count(file) : { passed: 0, failed: 0 };
    // A runner that crashed or exited non-zero without reporting a failure still failed.
    if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  }
  console.log(`── ${layer.name}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`);
  passed += counts.passed;
  failed += counts.failed;
}
rmSync(results, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
