const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count as people read it: whole bytes below 1 KB ("22 B"), then KB,
 * MB… (1,024 of the one below, as the upload limit counts them) with one
 * decimal below 10 ("1.5 KB", "2.3 MB") and none from 10 on ("18 KB").
 * Rounding never shows 1,024 of a unit: 1,048,575 bytes is "1.0 MB".
 */
export function formatBytes(bytes: number): string {
  // Sizes come from R2 (whole, non-negative); anything else says so rather than lie.
  if (!Number.isFinite(bytes) || bytes < 0) return '? B';
  const whole = Math.round(bytes);
  if (whole < 1024) return `${whole} B`;
  let value = whole / 1024;
  let unit = 0;
  // Move up while the number, as it will be written, would reach 1,024.
  while (unit < UNITS.length - 1 && round(value) >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${round(value).toFixed(value < 9.95 ? 1 : 0)} ${UNITS[unit]}`;
}

/** The value as written: one decimal below 10 (9.95 already rounds to 10), whole from there. */
function round(value: number): number {
  return value < 9.95 ? Math.round(value * 10) / 10 : Math.round(value);
}
