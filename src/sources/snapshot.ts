// What the pull (or a precomputed file) hands to the analyze stage.
import type { EngineSession } from './engine.js';
import type { MetricRow } from '../model/rows.js';

export interface Provenance {
  engine: 'files' | 'duckdb' | 'snowflake';
  /** File or SQL file relative to the deck folder. */
  file?: string;
  sqlHash?: string;
  rowCount?: number;
  /** The data's as-of time: max event time, ISO. */
  asOf?: string;
  pulledAt?: string;
}

export type QualityStatus = 'pass' | 'warn' | 'fail';

export interface QualityCheck {
  id: string;
  kind: 'freshness' | 'completeness' | 'uniqueness' | 'referential' | 'missing_variant' | 'srm' | 'other';
  table?: string;
  status: QualityStatus;
  /** The measured figure, e.g. 0.18 for 18% missing. */
  value: number;
  threshold?: number;
  message: string;
  /** Data-gap id this check measures, if any. */
  gap?: string;
  /** For missing_variant: share before and after the assignment join. */
  before?: number;
  after?: number;
}

/** One day of a metric in one arm, for the time-series chart. */
export interface TrendPoint {
  date: string; // YYYY-MM-DD
  arm: string;
  value: number;
}

export interface MetricsSnapshot {
  rows: MetricRow[];
  /** Daily values per metric (from a metric's `trend` SQL). */
  trends?: Record<string, TrendPoint[]>;
  provenance: Record<string, Provenance>;
  quality: QualityCheck[];
  /** Units assigned per arm, for the sample-ratio-mismatch test. */
  assignments?: Record<string, number>;
  /** The warehouse session the numbers were pulled in (Snowflake). */
  session?: EngineSession;
}
