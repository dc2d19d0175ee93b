// What the analyze stage returns: per metric and segment, arm reads and the change with its interval.
import type { Scale } from '../model/metric-kinds.js';

export interface Interval {
  lo: number;
  hi: number;
}

export interface ArmRead {
  estimate: number;
  ci: Interval | null;
  n: number | null;
}

export interface ChangeRead {
  estimate: number;
  ci: Interval | null;
  /** Named method, e.g. 'newcombe', 'welch', 'delta-log-ratio', 'bootstrap', 'precomputed'. */
  method: string;
  /** Two-sided p-value of no change, where the method gives one. */
  p?: number;
  /** After Holm / Benjamini–Hochberg within its family. */
  pAdjusted?: number;
}

export interface MetricRead {
  metric: string;
  segment: string;
  control: ArmRead | null;
  treatment: ArmRead | null;
  /** treatment − control, in the metric's unit (proportions as fractions). */
  absolute: ChangeRead | null;
  /** treatment / control − 1, as a fraction. */
  relative: ChangeRead | null;
  /** True for segment reads not pre-specified in the spec. */
  exploratory: boolean;
  /** Design effect applied to the variance (1 when none). */
  designEffect: number;
}

export interface SrmResult {
  counts: Record<string, number>;
  expectedShare: number;
  chiSquare: number;
  p: number;
  /** p below 0.001, as GrowthBook and Statsig flag it. */
  mismatch: boolean;
}

/**
 * What the rows of unknown arm could do to a change: read again with them all in control, then all in
 * treatment. Each pair is [estimate with them in control, estimate with them in treatment].
 */
export interface MissingBound {
  /** Share of the metric's units whose arm is unknown. */
  share: number;
  absolute: [number, number] | null;
  relative: [number, number] | null;
}

export interface Results {
  confidence: number;
  reads: MetricRead[];
  srm?: SrmResult;
  /** Methods used, for the method slide. */
  methods: string[];
  /** Multiple-comparison adjustment applied to segment families. */
  adjustment?: 'holm' | 'bh';
  /** Per metric (overall read), where the data has rows of unknown arm. */
  missingBounds?: Record<string, MissingBound>;
}

/** A read's change on one scale, or null when the read has none there. */
export function changeOn(read: MetricRead | undefined, scale: Scale): ChangeRead | null {
  if (!read) return null;
  return scale === 'relative' ? read.relative : read.absolute;
}

/** The change on the preferred scale, else on the other one (a read may have only one), with its scale. */
export function changeNear(read: MetricRead | undefined, preferred: Scale): { scale: Scale; change: ChangeRead } | null {
  const other: Scale = preferred === 'relative' ? 'absolute' : 'relative';
  const here = changeOn(read, preferred);
  if (here) return { scale: preferred, change: here };
  const there = changeOn(read, other);
  return there ? { scale: other, change: there } : null;
}
