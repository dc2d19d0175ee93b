// The data-gap register's facts, read once from the spec's data_gaps and the pull's quality checks: which checks
// measure each gap, which are over their limit, and the status that follows. A gap the lead marked "mitigated"
// whose check is over its limit is open again; a check over its limit that no gap records is a finding of its own.
import type { DataGap } from '../spec/normalized.js';
import type { QualityCheck } from '../sources/snapshot.js';

export type GapStatus = NonNullable<DataGap['status']>;

export interface GapFinding {
  gap: DataGap;
  /** The checks that measure this gap (`gap:` in source.checks). */
  checks: QualityCheck[];
  /** Those over their limit (status warn or fail). */
  breached: QualityCheck[];
  /** The status the register shows: open when a check is over its limit, else the lead's. */
  status?: GapStatus;
  /** True when the measurement overrides the status the lead wrote. */
  overridden: boolean;
}

export interface DataFindings {
  gaps: GapFinding[];
  /** Checks over their limit that no data gap records, in the spec's order. */
  unrecorded: QualityCheck[];
  /** Every check over its limit, by level. */
  failing: QualityCheck[];
  warnings: QualityCheck[];
}

export const isBreached = (q: QualityCheck): boolean => q.status !== 'pass';

export function dataFindings(gaps: readonly DataGap[], quality: readonly QualityCheck[]): DataFindings {
  const ids = new Set(gaps.map((g) => g.id));
  return {
    gaps: gaps.map((gap) => {
      const checks = quality.filter((q) => q.gap === gap.id);
      const breached = checks.filter(isBreached);
      // A known gap is open until the lead marks it mitigated or closed.
      const status: GapStatus = breached.length ? 'open' : (gap.status ?? 'open');
      return { gap, checks, breached, ...(status ? { status } : {}), overridden: breached.length > 0 && gap.status !== undefined && gap.status !== 'open' };
    }),
    unrecorded: quality.filter((q) => isBreached(q) && (q.gap === undefined || !ids.has(q.gap))),
    failing: quality.filter((q) => q.status === 'fail'),
    warnings: quality.filter((q) => q.status === 'warn'),
  };
}

/** Gaps open as measured: marked open (or not marked), or over a limit again whatever the lead marked; not mitigated ones. */
export function openGaps(f: DataFindings): GapFinding[] {
  return f.gaps.filter((g) => g.status === 'open');
}
