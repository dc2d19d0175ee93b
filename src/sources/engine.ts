// A query engine: DuckDB (embedded, default) or Snowflake. Bind variables only, never pasted values.

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;

export interface Engine {
  readonly name: 'duckdb' | 'snowflake';
  /** Runs one statement with positional (?) or named binds; returns plain JS rows (numbers, strings, ISO timestamps). */
  query(sql: string, binds?: SqlValue[] | Record<string, SqlValue>): Promise<Row[]>;
  close(): Promise<void>;
}
