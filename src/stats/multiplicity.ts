// Multiple comparisons: adjusted p-values, equal to R's p.adjust(p, 'holm') and p.adjust(p, 'BH').
// NaN entries stay NaN and do not count toward the family size (as R does with NA).

function order(p: readonly number[]): number[] {
  return p
    .map((v, i) => [v, i] as const)
    .filter(([v]) => !Number.isNaN(v))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([, i]) => i);
}

/** Holm (1979) step-down: p̃₍ᵢ₎ = max_{j≤i} min(1, (m − j + 1)·p₍ⱼ₎). */
export function holm(p: readonly number[]): number[] {
  const idx = order(p);
  const m = idx.length;
  const out = p.map(() => NaN);
  let running = 0;
  idx.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p[i]));
    out[i] = running;
  });
  return out;
}

/** Benjamini–Hochberg (1995) step-up: p̃₍ᵢ₎ = min_{j≥i} min(1, m·p₍ⱼ₎ / j). */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const idx = order(p);
  const m = idx.length;
  const out = p.map(() => NaN);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const i = idx[rank];
    running = Math.min(running, (m * p[i]) / (rank + 1));
    out[i] = Math.min(1, running);
  }
  return out;
}
