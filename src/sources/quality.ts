// Data-quality checks declared in source.checks, measured in the engine at pull time.
// Every figure is relative to the as-of reference (never the wall clock), so a re-pull of the same data agrees.
import type { QualityCheckSpec } from '../spec/schema.js';
import type { Spec } from '../spec/normalized.js';
import type { Engine, SqlValue } from './engine.js';
import type { QualityCheck } from './snapshot.js';
import { dialectOf, ident as q, lowerKeys } from './dialect.js';

export interface CheckOutcome {
  check: QualityCheck;
  /** Freshness: the last event time seen (ISO), a candidate for the data's as-of. */
  lastEvent?: string;
}

/** The as-of reference: source.as_of, else the deck's date at 23:59:59 UTC. */
export function asOfOf(spec: Spec): string {
  const a = spec.source?.as_of;
  if (a) return a.length === 17 ? a.replace('Z', ':00Z') : a;
  return `${spec.deck.date}T23:59:59Z`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function runCheck(engine: Engine, spec: Spec, c: QualityCheckSpec, asOf: string, params: Record<string, SqlValue>): Promise<CheckOutcome> {
  const d = dialectOf(engine.name);
  const t = q(c.table);
  const base = { id: c.id, table: c.table, ...(c.gap ? { gap: c.gap } : {}) };
  const judge = (value: number, threshold: number) => (value > threshold ? (c.level ?? 'warn') : 'pass');
  // Aliases are lower-case and unquoted: each engine returns them in its own case, lowerKeys reads both.
  const one = async (sql: string, binds?: Record<string, SqlValue>) => lowerKeys((await engine.query(sql, binds))[0] ?? {});
  switch (c.kind) {
    case 'freshness': {
      const last = d.utcTimestamp(`max(${q(c.column)})`);
      const r = await one(
        `SELECT ${last} AS last_event, DATEDIFF('second', ${last}, ${d.utcTimestampParam('as_of')}) / 3600.0 AS hours FROM ${t}`,
        { as_of: asOf.replace('Z', '') },
      );
      const hours = r.hours === null || r.hours === undefined ? Infinity : Number(r.hours);
      const lastEvent = r.last_event === null || r.last_event === undefined ? undefined : String(r.last_event);
      const status = judge(hours, c.max_hours);
      const message = lastEvent
        ? `${c.table}: last ${c.column} is ${round(hours, 1)} h before ${asOf} (limit ${c.max_hours} h)`
        : `${c.table}: no ${c.column} values at all`;
      return { check: { ...base, kind: 'freshness', status, value: round(hours, 2), threshold: c.max_hours, message }, lastEvent };
    }
    case 'completeness': {
      const cols = c.columns.map((col, i) => `avg(CASE WHEN ${q(col)} IS NULL THEN 1.0 ELSE 0.0 END) AS null_share_${i}`).join(', ');
      const r = await one(`SELECT ${cols} FROM ${t}`);
      const shares = c.columns.map((col, i) => [col, Number(r[`null_share_${i}`] ?? 0)] as const);
      const worst = shares.reduce((a, b) => (b[1] > a[1] ? b : a));
      const detail = shares.map(([col, s]) => `${col} ${pct(s)}`).join(', ');
      return {
        check: { ...base, kind: 'completeness', status: judge(worst[1], c.max_null_share), value: round(worst[1], 6), threshold: c.max_null_share, message: `${c.table}: NULL share ${detail} (limit ${pct(c.max_null_share)})` },
      };
    }
    case 'uniqueness': {
      const keys = c.keys.map(q).join(', ');
      const r = await one(`SELECT (SELECT count(*) FROM ${t}) AS n, (SELECT count(*) FROM (SELECT DISTINCT ${keys} FROM ${t}) k) AS d`);
      const n = Number(r.n);
      const share = n === 0 ? 0 : (n - Number(r.d)) / n;
      return {
        check: { ...base, kind: 'uniqueness', status: judge(share, c.max_duplicate_share), value: round(share, 6), threshold: c.max_duplicate_share, message: `${c.table}: ${n - Number(r.d)} of ${n} rows repeat a key (${c.keys.join(', ')}): ${pct(share)} (limit ${pct(c.max_duplicate_share)})` },
      };
    }
    case 'referential': {
      // A join, not `NOT IN (subquery)` inside the aggregate: Snowflake does not take a subquery there.
      const ref = `SELECT DISTINCT ${q(c.references.key)} AS ref_key FROM ${q(c.references.table)} WHERE ${q(c.references.key)} IS NOT NULL`;
      const r = await one(
        `SELECT count(*) AS n, count_if(x.${q(c.key)} IS NOT NULL AND r.ref_key IS NULL) AS orphans FROM ${t} x LEFT JOIN (${ref}) r ON x.${q(c.key)} = r.ref_key`,
      );
      const n = Number(r.n);
      const orphans = Number(r.orphans ?? 0);
      const share = n === 0 ? 0 : orphans / n;
      return {
        check: { ...base, kind: 'referential', status: judge(share, c.max_orphan_share), value: round(share, 6), threshold: c.max_orphan_share, message: `${c.table}: ${orphans} of ${n} rows have no ${c.references.table}.${c.references.key}: ${pct(share)} (limit ${pct(c.max_orphan_share)})` },
      };
    }
    case 'missing_variant': {
      const a = spec.source?.assignments;
      if (!a) throw new Error(`check ${c.id}: missing_variant needs source.assignments (table, unit, arm)`);
      // max(), not any_value(): the same arm on every engine when the log disagrees with itself.
      const r = await one(
        `WITH asg AS (SELECT ${q(a.unit)} AS unit_key, max(${q(a.arm)}) AS arm FROM ${q(a.table)} GROUP BY 1)
         SELECT avg(CASE WHEN x.${q(c.column)} IS NULL THEN 1.0 ELSE 0.0 END) AS before_share,
                avg(CASE WHEN coalesce(x.${q(c.column)}, asg.arm) IS NULL THEN 1.0 ELSE 0.0 END) AS after_share
         FROM ${t} x LEFT JOIN asg ON x.${q(c.key)} = asg.unit_key`,
      );
      const before = Number(r.before_share ?? 0);
      const after = Number(r.after_share ?? 0);
      return {
        check: {
          ...base, kind: 'missing_variant', status: judge(after, c.max_share), value: round(after, 6), threshold: c.max_share,
          before: round(before, 6), after: round(after, 6),
          message: `${c.table}: ${pct(before)} of rows miss ${c.column}; ${pct(after)} after joining ${a.table} on ${c.key} (limit ${pct(c.max_share)})`,
        },
      };
    }
    case 'sql': {
      const rows = (await engine.query(c.sql, { ...params, as_of: asOf.replace('Z', '') })).map(lowerKeys);
      const value = rows.length === 1 ? Number(rows[0].value) : NaN;
      if (!Number.isFinite(value)) throw new Error(`check ${c.id}: the SQL must return one row with a numeric \`value\` column`);
      return {
        check: { ...base, kind: 'other', status: judge(value, c.max), value: round(value, 6), threshold: c.max, message: `${c.description ?? c.id}: ${round(value, 4)} (limit ${c.max})` },
      };
    }
  }
}

/** Units per arm in the assignment log, for the sample-ratio-mismatch test; arm values mapped to control/treatment. */
export async function countAssignments(engine: Engine, spec: Spec, arms: Record<string, string>): Promise<Record<string, number> | undefined> {
  const a = spec.source?.assignments;
  if (!a) return undefined;
  const rows = (await engine.query(`SELECT ${q(a.arm)} AS arm, count(DISTINCT ${q(a.unit)}) AS units FROM ${q(a.table)} WHERE ${q(a.arm)} IS NOT NULL GROUP BY 1 ORDER BY 1`)).map(lowerKeys);
  const out: Record<string, number> = {};
  for (const r of rows) {
    const arm = arms[String(r.arm)] ?? String(r.arm);
    out[arm] = (out[arm] ?? 0) + Number(r.units);
  }
  return out;
}

function round(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
