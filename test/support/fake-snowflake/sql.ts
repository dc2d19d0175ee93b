// Runs a Snowflake query-request in DuckDB and answers in Snowflake's JSON result format (rowtype + rowset).
import { DuckDBConnection, DuckDBTypeId, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** One entry of the query-request's `bindings` map: {"1": {type: 'FIXED', value: '42'}}. */
export interface SnowflakeBinding {
  type: string;
  value: string | null | (string | null)[];
}

export interface RowType {
  name: string;
  type: string;
  precision: number | null;
  scale: number | null;
  length: number | null;
  byteLength: number | null;
  nullable: boolean;
}

export interface JsonResult {
  rowtype: RowType[];
  rowset: (string | null)[][];
}

/** A failure carried back as a Snowflake error: DuckDB's message, or Snowflake's own for syntax it would refuse. */
export class FakeSqlError extends Error {
  constructor(
    message: string,
    readonly code = '001003',
    readonly sqlState = '42000',
  ) {
    super(message);
  }
}

/**
 * DuckDB-only functions a real account does not have (Snowflake: EXTRACT(EPOCH …)/DATEDIFF, PERCENTILE_CONT,
 * LISTAGG, MAX_BY, TO_CHAR, GENERATOR…). The server runs DuckDB underneath, so without this list it would accept them.
 */
const DUCKDB_ONLY_FUNCTIONS = new Set([
  'epoch', 'epoch_ms', 'epoch_us', 'epoch_ns', 'quantile', 'quantile_cont', 'quantile_disc', 'list_position', 'list_value',
  'list_contains', 'list_aggregate', 'read_csv', 'read_csv_auto', 'read_parquet', 'read_json', 'read_json_auto', 'read_text',
  'read_blob', 'date_diff', 'strftime', 'strptime', 'string_agg', 'arg_max', 'arg_min', 'regexp_matches', 'struct_pack',
  'range', 'generate_series', 'glob', 'to_seconds', 'to_minutes', 'to_hours', 'to_days',
]);

/**
 * Refuses what Snowflake refuses and DuckDB would run: `$name` (a session variable in Snowflake, not a bind),
 * `FILTER (WHERE …)` after an aggregate, DuckDB-only functions, and `INTERVAL 24 HOUR` without quotes.
 */
export function checkSnowflakeSyntax(sql: string): void {
  const code = maskLiterals(sql);
  const at = (index: number) => {
    const before = sql.slice(0, index).split('\n');
    return `line ${before.length} at position ${before[before.length - 1].length}`;
  };
  const variable = /\$([A-Za-z_][A-Za-z0-9_]*)/.exec(code);
  if (variable) throw new FakeSqlError(`SQL compilation error: error ${at(variable.index)}\nSession variable '$${variable[1].toUpperCase()}' does not exist`, '002211', '02000');
  const filter = /\bFILTER\s*(\()\s*WHERE\b/i.exec(code);
  if (filter) throw new FakeSqlError(`SQL compilation error:\nsyntax error ${at(filter.index + filter[0].indexOf('('))} unexpected '('.`);
  const interval = /\bINTERVAL\s+([0-9])/i.exec(code);
  if (interval) throw new FakeSqlError(`SQL compilation error:\nsyntax error ${at(interval.index + interval[0].length - 1)} unexpected '${interval[1]}'.`);
  for (const call of code.matchAll(/(?<![.\w$])([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) {
    if (DUCKDB_ONLY_FUNCTIONS.has(call[1].toLowerCase())) throw new FakeSqlError(`SQL compilation error:\nUnknown function ${call[1].toUpperCase()}`, '002140', '42601');
  }
}

/** The SQL with string literals, quoted identifiers and comments blanked out (same length), so patterns see code only. */
function maskLiterals(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const two = sql.slice(i, i + 2);
    let end = i + 1;
    if (ch === "'" || ch === '"') end = closingQuote(sql, i, ch);
    else if (two === '--') end = sql.indexOf('\n', i) === -1 ? sql.length : sql.indexOf('\n', i);
    else if (two === '/*') end = sql.indexOf('*/', i + 2) === -1 ? sql.length : sql.indexOf('*/', i + 2) + 2;
    else if (two === '$$') end = sql.indexOf('$$', i + 2) === -1 ? sql.length : sql.indexOf('$$', i + 2) + 2;
    out += end === i + 1 ? ch : ' '.repeat(end - i);
    i = end;
  }
  return out;
}

/** Snowflake names DuckDB lacks, defined once in the server's DuckDB so Snowflake-dialect SQL runs there. */
export const SNOWFLAKE_SHIMS = [
  `CREATE TYPE TIMESTAMP_NTZ AS TIMESTAMP`,
  `CREATE TYPE TIMESTAMP_LTZ AS TIMESTAMPTZ`,
  `CREATE TYPE TIMESTAMP_TZ AS TIMESTAMPTZ`,
  // Two-argument form: the target zone and a timestamp; an NTZ value is read in the session's zone (UTC here).
  `CREATE MACRO convert_timezone(tz, ts) AS timezone(tz, ts)`,
];

/**
 * Snowflake's positional placeholders (`?` in order, `:1`, `:2`) become DuckDB's `$1`, `$2`.
 * String literals, quoted identifiers, comments and `::` casts are left alone.
 */
export function translatePlaceholders(sql: string): string {
  let out = '';
  let next = 1;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const two = sql.slice(i, i + 2);
    if (ch === "'" || ch === '"') {
      const end = closingQuote(sql, i, ch);
      out += sql.slice(i, end);
      i = end;
    } else if (two === '--') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (two === '/*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (two === '::') {
      out += two;
      i += 2;
    } else if (ch === '?') {
      out += `$${next++}`;
      i += 1;
    } else if (ch === ':' && /[0-9]/.test(sql[i + 1] ?? '')) {
      const digits = /^[0-9]+/.exec(sql.slice(i + 1))![0];
      out += `$${digits}`;
      i += 1 + digits.length;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}

/** Snowflake sends every bind as text plus a logical type; DuckDB wants typed JS values. */
export function bindValues(bindings: Record<string, SnowflakeBinding> | undefined): DuckDBValue[] {
  if (!bindings) return [];
  const keys = Object.keys(bindings).sort((a, b) => Number(a) - Number(b));
  return keys.map((k) => {
    const { type, value } = bindings[k];
    if (value === null || Array.isArray(value)) return null;
    switch (type) {
      case 'FIXED':
      case 'REAL':
        return Number(value);
      case 'BOOLEAN':
        return value === 'true' || value === '1';
      default:
        return value;
    }
  });
}

export async function runQuery(
  conn: DuckDBConnection,
  sqlText: string,
  bindings?: Record<string, SnowflakeBinding>,
): Promise<JsonResult> {
  checkSnowflakeSyntax(sqlText);
  let reader;
  try {
    reader = await conn.runAndReadAll(translatePlaceholders(sqlText), bindValues(bindings));
  } catch (err) {
    throw new FakeSqlError((err as Error).message);
  }
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const rowtype = names.map((name, i) => rowTypeOf(displayName(name, sqlText), types[i]));
  const rowset = reader.getRows().map((row) => row.map((v, i) => wireValue(v, types[i])));
  return { rowtype, rowset };
}

/** Snowflake folds unquoted identifiers to upper case; a name quoted in the SQL keeps its case. */
function displayName(name: string, sqlText: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name)) return name;
  return sqlText.includes(`"${name}"`) ? name : name.toUpperCase();
}

function rowTypeOf(name: string, t: DuckDBType): RowType {
  const base = { name, precision: null, scale: null, length: null, byteLength: null, nullable: true };
  switch (t.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { ...base, type: 'boolean' };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
      return { ...base, type: 'fixed', precision: 38, scale: 0 };
    case DuckDBTypeId.DECIMAL: {
      const d = t as unknown as { width: number; scale: number };
      return { ...base, type: 'fixed', precision: d.width, scale: d.scale };
    }
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return { ...base, type: 'real' };
    case DuckDBTypeId.DATE:
      return { ...base, type: 'date' };
    case DuckDBTypeId.TIMESTAMP:
      return { ...base, type: 'timestamp_ntz', scale: 9 };
    default:
      return { ...base, type: 'text', length: 16777216, byteLength: 16777216 };
  }
}

/** Values travel as strings: numbers in decimal, dates as days since 1970, NTZ timestamps as epoch seconds.nanos. */
function wireValue(v: DuckDBValue, t: DuckDBType): string | null {
  if (v === null || v === undefined) return null;
  switch (t.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return v ? '1' : '0';
    case DuckDBTypeId.DATE:
      return String((v as unknown as { days: number }).days);
    case DuckDBTypeId.TIMESTAMP: {
      const micros = (v as unknown as { micros: bigint }).micros;
      const secs = micros / 1_000_000n - (micros % 1_000_000n < 0n ? 1n : 0n);
      const frac = micros - secs * 1_000_000n;
      return `${secs}.${String(frac).padStart(6, '0')}000`;
    }
    default:
      return String(v);
  }
}
