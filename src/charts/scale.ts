// Scale domains computed ahead of Vega, so reference lines and shaded regions always stay in view.

/** [min, max] of the values, widened by `pad` × span on each side (a zero span gets ±1 or ±10%). */
export function paddedDomain(values: number[], pad = 0.06): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  // A span too small to draw (an interval of ±5e-324 from a precomputed file) counts as none: Vega's ticks
  // cannot divide it.
  if (hi - lo <= 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi))) {
    const d = Math.abs(lo) * 0.1 || 1;
    return [lo - d, hi + d];
  }
  const span = hi - lo;
  lo -= span * pad;
  hi += span * pad;
  return [round(lo), round(hi)];
}

/** Drops float noise (0.30000000000000004) so specs and hashes stay readable and stable. */
export function round(x: number): number {
  return Number(x.toPrecision(12));
}
