// Medians and spreads of a benchmark's rounds.

/** The median (the mean of the two middle values of an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, min and max. */
export function spread(values) {
  if (values.length === 0 || values.some(Number.isNaN)) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * The ratio of two contestants' figure (`key`) round by round (turns of the same
 * round ran side by side): its median and its spread over the rounds.
 */
export function roundRatio(a, b, key) {
  return spread(a.rounds.map((turn, i) => turn[key] / b.rounds[i][key]));
}
