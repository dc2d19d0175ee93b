// metrics.lock.json as a schema: gonogo pull writes it, a user may edit or merge it, so a build reads it like any
// other input — a row that is null, a count that is text, a date that is not in the calendar or value counts that
// would expand past memory are located errors, not crashes. Unknown keys pass through (a newer gonogo may add some).
import { z } from 'zod';
import { MAX_LOCK_VALUES } from '../limits.js';
import { NUMERIC } from './metrics-text.js';

const finite = z.number();
const count = z.number().int().nonnegative();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'a date in the calendar');

const lockedRow = z.looseObject({
  metric: z.string(),
  arm: z.string(),
  segment: z.string(),
  unit: z.string().optional(),
  ...Object.fromEntries(NUMERIC.map((k) => [k, finite.optional()])),
  /** [value, how many units had it], for quantile metrics: checked below in one plain loop (tens of thousands of pairs). */
  value_counts: z.unknown().optional(),
});

const lockedMetric = z.looseObject({
  engine: z.enum(['files', 'duckdb', 'snowflake']),
  file: z.string().optional(),
  sqlHash: z.string().optional(),
  rowCount: count.optional(),
  asOf: z.string().optional(),
  pulledAt: z.string().optional(),
  rows: z.array(lockedRow),
  trend: z.array(z.looseObject({ date: isoDate, arm: z.string(), value: finite })).optional(),
});

const qualityCheck = z.looseObject({
  id: z.string(),
  kind: z.enum(['freshness', 'completeness', 'uniqueness', 'referential', 'missing_variant', 'srm', 'other']),
  table: z.string().optional(),
  status: z.enum(['pass', 'warn', 'fail']),
  value: finite,
  threshold: finite.optional(),
  message: z.string(),
  gap: z.string().optional(),
  before: finite.optional(),
  after: finite.optional(),
});

export const lockSchema = z
  .looseObject({
    version: z.literal(1),
    engine: z.enum(['files', 'duckdb', 'snowflake']),
    pulledAt: z.string(),
    checkedAt: z.string(),
    checksHash: z.string(),
    setupHash: z.string().optional(),
    metrics: z.record(z.string(), lockedMetric),
    quality: z.array(qualityCheck).default([]),
    assignments: z.record(z.string(), count).optional(),
    /** Snowflake: where the pull ran; a build compares the account with the connection configured now. */
    session: z
      .looseObject({
        connection: z.string().optional(),
        account: z.string().min(1),
        user: z.string().min(1),
        role: z.string().optional(),
        warehouse: z.string().optional(),
        database: z.string().optional(),
        schema: z.string().optional(),
      })
      .optional(),
    queryIds: z.record(z.string(), z.array(z.string())).optional(),
  })
  .superRefine((lock, ctx) => {
    // Quantile rows expand to one number per unit: a lock promising more than memory holds is refused up front.
    let values = 0;
    for (const [id, m] of Object.entries(lock.metrics))
      for (let i = 0; i < m.rows.length; i++) {
        const counts = m.rows[i].value_counts;
        if (counts === undefined) continue;
        const path = ['metrics', id, 'rows', i, 'value_counts'];
        const bad = badPair(counts);
        if (bad !== undefined) {
          ctx.addIssue({ code: 'custom', path: bad < 0 ? path : [...path, bad], message: 'a list of [value, count] pairs: a finite value and a whole count above 0' });
          return;
        }
        for (const p of counts as [number, number][]) values += p[1];
        if (values > MAX_LOCK_VALUES) {
          ctx.addIssue({ code: 'custom', path, message: `value counts that expand to more than ${MAX_LOCK_VALUES.toLocaleString('en-US')} values` });
          return;
        }
      }
  });

/** Index of the first pair that is not [finite value, count ≥ 1]; -1 when the whole is not a list; undefined when fine. */
function badPair(v: unknown): number | undefined {
  if (!Array.isArray(v)) return -1;
  for (let j = 0; j < v.length; j++) {
    const p = v[j];
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'number' || !Number.isFinite(p[0]) || !Number.isInteger(p[1]) || p[1] <= 0) return j;
  }
  return undefined;
}

