import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { staticHeaders } from '../../src/vite/static-headers.js';

const projects: string[] = [];
afterAll(() => projects.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Builds a one-page client with `public/` files, returning the `_headers` file it wrote. */
async function builtHeaders(publicFiles: Record<string, string>): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'litflare-headers-'));
  projects.push(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><head></head><body><p>static</p></body></html>');
  mkdirSync(join(root, 'public'));
  for (const [name, source] of Object.entries(publicFiles)) writeFileSync(join(root, 'public', name), source);
  await build({ root, configFile: false, logLevel: 'silent', plugins: [staticHeaders()], build: { outDir: 'dist' } });
  return readFileSync(join(root, 'dist/_headers'), 'utf8');
}

describe('the _headers file of the client build', () => {
  it('gives every path the secure headers the Worker sends (without the CSP)', async () => {
    const file = await builtHeaders({});
    const [path, ...headers] = file.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(path).toBe('/*');
    expect(headers).toContain('  X-Content-Type-Options: nosniff');
    expect(headers).toContain('  X-Frame-Options: SAMEORIGIN');
    expect(headers).toContain('  Strict-Transport-Security: max-age=15552000; includeSubDomains');
    expect(headers).toContain('  Cross-Origin-Resource-Policy: same-origin');
    expect(headers.every((line) => /^ {2}[\w-]+: \S/.test(line))).toBe(true);
    expect(file).not.toMatch(/Content-Security-Policy/i);
  });

  it('keeps the app’s own public/_headers after litflare’s rules, so it can add to them or remove one', async () => {
    const own = '/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n/embed/*\n  ! X-Frame-Options\n';
    const file = await builtHeaders({ _headers: own });
    expect(file.startsWith('# litflare:')).toBe(true);
    expect(file.endsWith(`\n${own}`)).toBe(true);
    expect(file.indexOf('X-Content-Type-Options: nosniff')).toBeLessThan(file.indexOf(own));
  });
});
