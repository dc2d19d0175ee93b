// Groups snapshot rows by metric → segment → arm, with receipts for duplicates and unknown metrics.
import { closest, type Diagnostic } from '../diagnostics.js';
import type { MetricRow } from '../model/rows.js';
import { OVERALL } from '../model/rows.js';
import { rowLabel } from './rowChecks.js';

export type ArmRows = Map<string, MetricRow>;
export type RowIndex = Map<string, Map<string, ArmRows>>;

export function indexRows(rows: readonly MetricRow[], metricIds: readonly string[]): { index: RowIndex; diagnostics: Diagnostic[] } {
  const index: RowIndex = new Map();
  const diagnostics: Diagnostic[] = [];
  const unknown = new Set<string>();
  for (const row of rows) {
    if (!metricIds.includes(row.metric)) {
      if (!unknown.has(row.metric)) {
        unknown.add(row.metric);
        const guess = closest(row.metric, metricIds);
        diagnostics.push({
          code: 'metrics/unknown-metric',
          severity: 'warning',
          message: `metrics data has rows for '${row.metric}', which the spec does not define; they are ignored`,
          expected: `one of ${metricIds.join(', ')}`,
          hint: guess ? `did you mean '${guess}'?` : 'add the metric to the spec, or drop it from the query',
        });
      }
      continue;
    }
    const segments = index.get(row.metric) ?? new Map<string, ArmRows>();
    index.set(row.metric, segments);
    const arms = segments.get(row.segment) ?? new Map<string, MetricRow>();
    segments.set(row.segment, arms);
    if (arms.has(row.arm)) {
      diagnostics.push({
        code: 'metrics/duplicate-row',
        severity: 'error',
        message: `${rowLabel(row)} appears more than once; the first row is used`,
        expected: 'one row per metric, segment and arm',
        hint: 'check the query’s GROUP BY',
      });
      continue;
    }
    arms.set(row.arm, row);
  }
  return { index, diagnostics };
}

/** 'all' first, then the others in code-point order (no locale), so the order never depends on the machine. */
export function orderedSegments(segments: Iterable<string>): string[] {
  const list = [...segments];
  const rest = list.filter((s) => s !== OVERALL).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return list.includes(OVERALL) ? [OVERALL, ...rest] : rest;
}

/** 'category=Plumbing' → 'category'; the overall segment has no dimension. */
export function segmentDimension(segment: string): string | null {
  if (segment === OVERALL) return null;
  const eq = segment.indexOf('=');
  return eq < 0 ? segment : segment.slice(0, eq);
}
