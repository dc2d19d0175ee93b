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

/**
 * 'all' first, then the others in code-point order with their numbers read as numbers ("Moving 2" before
 * "Moving 10", "0-30 days" before "120+ days"); no locale, so the order never depends on the machine.
 */
export function orderedSegments(segments: Iterable<string>): string[] {
  const list = [...segments];
  const rest = list.filter((s) => s !== OVERALL).sort(naturalOrder);
  return list.includes(OVERALL) ? [OVERALL, ...rest] : rest;
}

/** Runs of digits compare by value (then as written, so "07" and "7" keep one order), the rest by code point. */
export function naturalOrder(a: string, b: string): number {
  const [x, y] = [a.match(/\d+|\D+/g) ?? [], b.match(/\d+|\D+/g) ?? []];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i], y[i]];
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) {
      const [u, v] = [p.replace(/^0+(?=\d)/, ''), q.replace(/^0+(?=\d)/, '')];
      if (u.length !== v.length) return u.length - v.length;
      if (u !== v) return u < v ? -1 : 1;
    }
    return p < q ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** 'category=Plumbing' → 'category'; the overall segment has no dimension. */
export function segmentDimension(segment: string): string | null {
  if (segment === OVERALL) return null;
  const eq = segment.indexOf('=');
  return eq < 0 ? segment : segment.slice(0, eq);
}
