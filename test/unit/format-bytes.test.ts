import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../components/format-bytes.js';

describe('formatBytes (the demo’s file sizes)', () => {
  it('shows small files in whole bytes, not as "0.0 KB"', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(22)).toBe('22 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('shows one decimal below 10 of a unit and none from 10 on', () => {
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10_188)).toBe('9.9 KB');
    expect(formatBytes(10_200)).toBe('10 KB');
    expect(formatBytes(18_500)).toBe('18 KB');
    expect(formatBytes(256 * 1024)).toBe('256 KB');
    expect(formatBytes(2.3 * 1024 * 1024)).toBe('2.3 MB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB');
  });

  it('moves to the next unit when rounding would write 1024 of this one', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MB');
    expect(formatBytes(1023.4 * 1024)).toBe('1023 KB');
    expect(formatBytes(1024 ** 3 - 1)).toBe('1.0 GB');
  });

  it('says nothing false about a size that is not one', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatBytes(bad)).toBe('? B');
  });
});
