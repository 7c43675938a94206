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

  it('lets the Worker answer / instead of the asset server’s bare index.html', () => {
    expect(withLitflareDefaults(undefined)(base).assets).toEqual({ directory: 'dist/client', html_handling: 'none' });
  });

  it('keeps what the app chose', () => {
    const custom = withLitflareDefaults(() => ({ assets: { html_handling: 'auto-trailing-slash' } }) as Partial<WorkerConfig>);
    expect(custom(base).assets?.html_handling).toBe('auto-trailing-slash');
  });
});
