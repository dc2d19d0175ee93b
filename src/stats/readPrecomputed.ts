// Precomputed reads: estimate, ci_low, ci_high (and n) per arm, and optional abs_change / rel_change rows,
// taken as they are. A change without its own row is derived from the arms' intervals (normal approximation).
import type { MetricRow } from '../model/rows.js';
import type { ArmRead, ChangeRead } from './results.js';
import { zFor, pFromZ } from './dist.js';
import { relativeRead, warn, type PairRead, type ReadContext } from './readContext.js';

export const PRECOMPUTED = 'Precomputed (taken as supplied)';
const FROM_ARMS = 'Normal approximation from the arms’ intervals';

function arm(row: MetricRow): ArmRead {
  const ci = row.ci_low !== undefined && row.ci_high !== undefined ? { lo: row.ci_low, hi: row.ci_high } : null;
  return { estimate: row.estimate!, ci, n: row.n ?? null };
}

/** A change row given as is. */
export function changeFromRow(row: MetricRow): ChangeRead {
  const ci = row.ci_low !== undefined && row.ci_high !== undefined ? { lo: row.ci_low, hi: row.ci_high } : null;
  return { estimate: row.estimate!, ci, method: PRECOMPUTED };
}

/** Standard error implied by a symmetric-normal interval: (hi − lo) / (2z). */
function seOf(a: ArmRead, z: number): number | null {
  return a.ci ? (a.ci.hi - a.ci.lo) / (2 * z) : null;
}

export function readPrecomputed(t: MetricRow, c: MetricRow, ctx: ReadContext, abs?: MetricRow, rel?: MetricRow): PairRead {
  const treatment = arm(t);
  const control = arm(c);
  const z = zFor(ctx.confidence);
  const st = seOf(treatment, z);
  const sc = seOf(control, z);
  const methods = [PRECOMPUTED];
  const warnings = [];
  let absolute: ChangeRead | null = abs ? changeFromRow(abs) : null;
  if (!absolute) {
    const d = treatment.estimate - control.estimate;
    if (st !== null && sc !== null) {
      const se = Math.sqrt(st * st + sc * sc);
      absolute = { estimate: d, ci: { lo: d - z * se, hi: d + z * se }, method: FROM_ARMS, ...(se > 0 ? { p: pFromZ(d / se) } : {}) };
      methods.push(FROM_ARMS);
    } else {
      absolute = { estimate: d, ci: null, method: 'Difference of precomputed estimates (no interval)' };
      warnings.push(warn(ctx, 'metrics/no-interval', 'an arm has no ci_low/ci_high, so the change has no interval', 'add ci_low and ci_high to both arms, or an abs_change row'));
    }
  }
  let relative: ChangeRead | null = rel ? changeFromRow(rel) : null;
  if (!relative && control.estimate !== 0) {
    if (st !== null && sc !== null) {
      const r = relativeRead({ estimate: treatment.estimate, se: st }, { estimate: control.estimate, se: sc }, ctx);
      relative = r.read;
      warnings.push(...r.warnings);
      if (r.read) methods.push(r.read.method);
    } else {
      relative = { estimate: treatment.estimate / control.estimate - 1, ci: null, method: 'Ratio of precomputed estimates (no interval)' };
    }
  }
  return { control, treatment, absolute, relative, designEffect: 1, methods, warnings };
}
