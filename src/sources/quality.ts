// Data-quality checks declared in source.checks, measured in the engine at pull time.
// Every figure is relative to the as-of reference (never the wall clock), so a re-pull of the same data agrees.
import type { QualityCheckSpec } from '../spec/schema.js';
import type { Spec } from '../spec/normalized.js';
import type { Engine, SqlValue } from './engine.js';
import type { QualityCheck } from './snapshot.js';

/** Plain names (and schema.table) go as written, so Snowflake's upper-casing still applies; others are quoted. */
function q(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)*$/.test(name) ? name : '"' + name.replace(/"/g, '""') + '"';
}

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
  const t = q(c.table);
  const base = { id: c.id, table: c.table, ...(c.gap ? { gap: c.gap } : {}) };
  const judge = (value: number, threshold: number) => (value > threshold ? (c.level ?? 'warn') : 'pass');
  switch (c.kind) {
    case 'freshness': {
      const [r] = await engine.query(
        `SELECT max(${q(c.column)})::TIMESTAMP AS last_event,
                (epoch($as_of::TIMESTAMP) - epoch(max(${q(c.column)})::TIMESTAMP)) / 3600.0 AS hours
         FROM ${t}`,
        { as_of: asOf.replace('Z', '') },
      );
      const hours = r.hours === null ? Infinity : Number(r.hours);
      const last = r.last_event === null ? undefined : String(r.last_event);
      const status = judge(hours, c.max_hours);
      const message = last
        ? `${c.table}: last ${c.column} is ${round(hours, 1)} h before ${asOf} (limit ${c.max_hours} h)`
        : `${c.table}: no ${c.column} values at all`;
      return { check: { ...base, kind: 'freshness', status, value: round(hours, 2), threshold: c.max_hours, message }, lastEvent: last };
    }
    case 'completeness': {
      const cols = c.columns.map((col) => `avg(CASE WHEN ${q(col)} IS NULL THEN 1.0 ELSE 0.0 END) AS ${q(col)}`).join(', ');
      const [r] = await engine.query(`SELECT ${cols} FROM ${t}`);
      const shares = c.columns.map((col) => [col, Number(r[col] ?? 0)] as const);
      const worst = shares.reduce((a, b) => (b[1] > a[1] ? b : a));
      const detail = shares.map(([col, s]) => `${col} ${pct(s)}`).join(', ');
      return {
        check: { ...base, kind: 'completeness', status: judge(worst[1], c.max_null_share), value: round(worst[1], 6), threshold: c.max_null_share, message: `${c.table}: NULL share ${detail} (limit ${pct(c.max_null_share)})` },
      };
    }
    case 'uniqueness': {
      const keys = c.keys.map(q).join(', ');
      const [r] = await engine.query(`SELECT (SELECT count(*) FROM ${t}) AS n, (SELECT count(*) FROM (SELECT DISTINCT ${keys} FROM ${t})) AS d`);
      const n = Number(r.n);
      const share = n === 0 ? 0 : (n - Number(r.d)) / n;
      return {
        check: { ...base, kind: 'uniqueness', status: judge(share, c.max_duplicate_share), value: round(share, 6), threshold: c.max_duplicate_share, message: `${c.table}: ${n - Number(r.d)} of ${n} rows repeat a key (${c.keys.join(', ')}): ${pct(share)} (limit ${pct(c.max_duplicate_share)})` },
      };
    }
    case 'referential': {
      const [r] = await engine.query(
        `SELECT count(*) AS n, count(*) FILTER (WHERE ${q(c.key)} IS NOT NULL AND ${q(c.key)} NOT IN (SELECT ${q(c.references.key)} FROM ${q(c.references.table)} WHERE ${q(c.references.key)} IS NOT NULL)) AS orphans FROM ${t}`,
      );
      const n = Number(r.n);
      const share = n === 0 ? 0 : Number(r.orphans) / n;
      return {
        check: { ...base, kind: 'referential', status: judge(share, c.max_orphan_share), value: round(share, 6), threshold: c.max_orphan_share, message: `${c.table}: ${Number(r.orphans)} of ${n} rows have no ${c.references.table}.${c.references.key}: ${pct(share)} (limit ${pct(c.max_orphan_share)})` },
      };
    }
    case 'missing_variant': {
      const a = spec.source?.assignments;
      if (!a) throw new Error(`check ${c.id}: missing_variant needs source.assignments (table, unit, arm)`);
      const [r] = await engine.query(
        `WITH asg AS (SELECT ${q(a.unit)} AS unit, any_value(${q(a.arm)}) AS arm FROM ${q(a.table)} GROUP BY 1)
         SELECT avg(CASE WHEN x.${q(c.column)} IS NULL THEN 1.0 ELSE 0.0 END) AS before,
                avg(CASE WHEN coalesce(x.${q(c.column)}, asg.arm) IS NULL THEN 1.0 ELSE 0.0 END) AS after
         FROM ${t} x LEFT JOIN asg ON x.${q(c.key)} = asg.unit`,
      );
      const before = Number(r.before ?? 0);
      const after = Number(r.after ?? 0);
      return {
        check: {
          ...base, kind: 'missing_variant', status: judge(after, c.max_share), value: round(after, 6), threshold: c.max_share,
          before: round(before, 6), after: round(after, 6),
          message: `${c.table}: ${pct(before)} of rows miss ${c.column}; ${pct(after)} after joining ${a.table} on ${c.key} (limit ${pct(c.max_share)})`,
        },
      };
    }
    case 'sql': {
      const rows = await engine.query(c.sql, { ...params, as_of: asOf.replace('Z', '') });
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
  const rows = await engine.query(`SELECT ${q(a.arm)} AS arm, count(DISTINCT ${q(a.unit)}) AS units FROM ${q(a.table)} WHERE ${q(a.arm)} IS NOT NULL GROUP BY 1 ORDER BY 1`);
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
