import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { domSafeWorkerTypes } from '../../src/cli/types/dom-safe.js';
import { writeDomSafeWorkerTypes } from '../../src/cli/types/write-dom-safe.js';

const lib = `
interface ParentNode { append(...nodes: (Node | string)[]): void; }
interface Element extends ParentNode { tagName: string; }
interface Request { url: string; }
declare var Request: { new (input: string): Request };
declare function fetch(input: string): Promise<Response>;
declare namespace WebAssembly { interface Module {} }
`;

const worker = `
declare namespace Cloudflare { interface Env { DB: D1Database; } }
interface Env extends Cloudflare.Env {}
declare namespace NodeJS { interface ProcessEnv { APP_NAME: string } }
declare abstract class D1Database { prepare(query: string): unknown; }
interface Request { url: string; cf?: IncomingRequestCfProperties; }
declare var Request: { new (input: string): Request };
interface Element { append(content: string): Element; setInnerContent(content: string): Element; }
declare function fetch(input: string): Promise<Response>;
declare namespace WebAssembly { interface Module { x: 1 } }
declare module 'cloudflare:workers' { export const env: Cloudflare.Env; }
interface IncomingRequestCfProperties { colo: string; }
`;

describe('domSafeWorkerTypes', () => {
  const out = domSafeWorkerTypes(worker, [lib]);

  it('keeps what the DOM does not declare: bindings, Env, Worker modules', () => {
    expect(out).toContain('declare abstract class D1Database');
    expect(out).toContain('declare namespace Cloudflare { interface Env { DB: D1Database; } }');
    expect(out).toContain("declare module 'cloudflare:workers'");
    expect(out).toContain('interface IncomingRequestCfProperties');
  });

  it('adds only the members a DOM interface lacks, inherited members included', () => {
    expect(out).toMatch(/interface Request \{\s*cf\?: IncomingRequestCfProperties;\s*\}/);
    expect(out).toMatch(/interface Element \{\s*setInnerContent\(content: string\): Element;\s*\}/);
    expect(out).not.toMatch(/append\(content/);
  });

  it('leaves colliding values, functions and namespaces to the DOM, and drops process.env typing', () => {
    expect(out).not.toContain('declare var Request');
    expect(out).not.toContain('declare function fetch');
    expect(out).not.toContain('WebAssembly');
    expect(out).not.toContain('NodeJS');
  });
});

describe('the committed generated types', () => {
  it('match wrangler.toml (npm run types)', () => {
    const check = spawnSync('npx', ['wrangler', 'types', 'worker/worker-configuration.d.ts', '--check'], {
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
  });

  it('include the browser-safe copy of the Worker types', () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'litflare-types-')), 'worker-types.d.ts');
    writeDomSafeWorkerTypes('worker/worker-configuration.d.ts', fresh);
    expect(readFileSync('client/worker-types.d.ts', 'utf8')).toBe(readFileSync(fresh, 'utf8'));
  });
});
