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

/** Where a warehouse session ran, as the lock records it: never a secret. */
export interface EngineSession {
  /** The connection's name in connections.toml / config.toml, when one was used. */
  connection?: string;
  account: string;
  user: string;
  role?: string;
  warehouse?: string;
  database?: string;
  schema?: string;
}

export interface Engine {
  readonly name: 'duckdb' | 'snowflake';
  /** Runs one statement with positional (?) or named binds; returns plain JS rows (numbers, strings, ISO timestamps). */
  query(sql: string, binds?: SqlValue[] | Record<string, SqlValue>, opts?: QueryOptions): Promise<Row[]>;
  /** The warehouse's id of the last statement that ran (Snowflake), for the lock's audit trail. */
  readonly lastQueryId?: string;
  /** The session as the warehouse reported it (Snowflake). */
  readonly session?: EngineSession;
  close(): Promise<void>;
}
