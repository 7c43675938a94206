import type { WorkerConfig } from '@cloudflare/vite-plugin';
import { describe, expect, it } from 'vitest';
import { withLitflareDefaults } from '../../src/vite/worker-config.js';
import { swapBrowserForNode } from '../../src/vite/worker-conditions.js';

describe('swapBrowserForNode', () => {
  it('drops browser and adds node, keeping the order of the rest', () => {
    expect(swapBrowserForNode(['workerd', 'worker', 'module', 'browser', 'development|production'])).toEqual([
      'workerd',
      'worker',
      'module',
      'development|production',
      'node',
    ]);
    expect(swapBrowserForNode(['node', 'browser'])).toEqual(['node']);
  });
});

describe('withLitflareDefaults', () => {
  const base = { assets: { directory: 'dist/client' } } as unknown as WorkerConfig;

  it('lets a prerendered page’s file answer its path (the shell is never a client file, so / reaches the Worker unless prerendered)', () => {
    expect(withLitflareDefaults(undefined)(base).assets).toEqual({ directory: 'dist/client', html_handling: 'auto-trailing-slash' });
  });

  it('keeps what the app chose', () => {
    const custom = withLitflareDefaults(() => ({ assets: { html_handling: 'none' } }) as Partial<WorkerConfig>);
    expect(custom(base).assets?.html_handling).toBe('none');
  });
});
