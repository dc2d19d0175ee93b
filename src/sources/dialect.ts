// The SQL gonogo writes itself (the quality checks, the assignment count) in each engine's dialect. Only what
// differs lives here; the rest of the generated SQL is written in the subset both engines read the same way
// (CASE, count_if, DATEDIFF('second', …), CAST, LEFT JOIN, GROUP BY 1).
import type { Engine, Row } from './engine.js';

export interface Dialect {
  /** A bind holding an ISO UTC time ('2026-11-16T06:00:00') as a timestamp without zone. */
  utcTimestampParam(name: string): string;
  /** An event-time expression as a UTC timestamp without zone, whether its type carries a zone or not. */
  utcTimestamp(expr: string): string;
}

const DIALECTS: Record<Engine['name'], Dialect> = {
  duckdb: {
    utcTimestampParam: (name) => `CAST($${name} AS TIMESTAMP)`,
    // The session's TimeZone is UTC (openDuckDb), so a TIMESTAMPTZ casts to its UTC wall clock.
    utcTimestamp: (expr) => `CAST(${expr} AS TIMESTAMP)`,
  },
  snowflake: {
    // TIMESTAMP_NTZ by name: what plain TIMESTAMP means depends on the account's TIMESTAMP_TYPE_MAPPING.
    utcTimestampParam: (name) => `CAST(:${name} AS TIMESTAMP_NTZ)`,
    // CONVERT_TIMEZONE's two-argument form reads a TIMESTAMP_TZ by its own offset and an NTZ or LTZ value in the
    // session's time zone, which openSnowflake sets to UTC.
    utcTimestamp: (expr) => `CAST(CONVERT_TIMEZONE('UTC', ${expr}) AS TIMESTAMP_NTZ)`,
  },
};

export function dialectOf(engine: Engine['name']): Dialect {
  return DIALECTS[engine];
}

/**
 * A table or column name from the spec. Plain names (and schema.table) go unquoted, so each engine folds them as
 * it folds the deck's own SQL (Snowflake upper-cases them, DuckDB ignores case); any other name is quoted.
 */
export function ident(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)*$/.test(name) ? name : '"' + name.replace(/"/g, '""') + '"';
}

/**
 * A result row with its column names in lower case. Both engines compare unquoted names without regard to case
 * (Snowflake returns them upper-cased, DuckDB as written), so `AS N`, `AS n` and `AS "N"` all give column `n`.
 */
export function lowerKeys(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    const key = k.toLowerCase();
    if (!(key in out)) out[key] = v;
  }
  return out;
}
