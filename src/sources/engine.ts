// A query engine: DuckDB (embedded, default) or Snowflake. Bind variables only, never pasted values.

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;

export interface QueryOptions {
  /** Most rows the result may have: a larger one is refused while it is read, before it is held (RowsLimitError). */
  rowsLimit?: number;
}

/** A result over QueryOptions.rowsLimit; `rows` is its size when the engine knows it before reading. */
export class RowsLimitError extends Error {
  constructor(
    readonly limit: number,
    readonly rows?: number,
  ) {
    super(rows === undefined ? `more than ${limit} rows` : `${rows} rows, over the limit of ${limit}`);
    this.name = 'RowsLimitError';
  }
}

export interface Engine {
  readonly name: 'duckdb' | 'snowflake';
  /** Runs one statement with positional (?) or named binds; returns plain JS rows (numbers, strings, ISO timestamps). */
  query(sql: string, binds?: SqlValue[] | Record<string, SqlValue>, opts?: QueryOptions): Promise<Row[]>;
  close(): Promise<void>;
}
