// The embedded DuckDB engine: in memory, the deck's data folder exposed as one view per file.
// @duckdb/node-api is loaded on first use only (it is a native module; most verbs never need it).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { RowsLimitError, type Engine, type QueryOptions, type Row, type SqlValue } from './engine.js';

export interface DuckDbOptions {
  /** Folder whose CSV / Parquet / JSON files become views named after the files (requests.csv → requests). */
  dataDir?: string;
  /** Worker threads; DuckDB's default is all cores. */
  threads?: number;
  /** Load each file into an in-memory table once instead of a view that re-reads it per query. */
  materialize?: boolean;
  /** DuckDB's memory limit in MiB to start with (default MEMORY_START_MIB); raised when a statement needs more. */
  memoryMiB?: number;
}

/**
 * A pull's memory should not grow with the data: DuckDB starts with a small memory limit and spills the rest to a
 * temp folder (the reference deck's cohort tables hold 300 MB at 10M events). A statement that still runs out of
 * memory (some operators cannot spill) is run again with the limit doubled, up to half the machine's memory.
 */
export const MEMORY_START_MIB = 96;

export interface DuckDbEngine extends Engine {
  readonly name: 'duckdb';
  /** View name → file (relative to the data folder), sorted by name. */
  readonly tables: Record<string, string>;
}

/** Thrown for a statement DuckDB refused; `userError` is true for SQL mistakes (syntax, names, types, binds). */
export class SqlError extends Error {
  readonly userError: boolean;
  constructor(message: string, userError: boolean) {
    super(message);
    this.name = 'SqlError';
    this.userError = userError;
  }
}

const DATA_FILE = /^(.+?)\.(csv|csv\.gz|tsv|parquet|json|ndjson|jsonl)$/i;
const USER_ERROR = /^(Parser|Binder|Catalog|Conversion|Invalid Input|Not implemented|Constraint) Error/;

/** Opens an in-memory DuckDB with the data folder's files as views. */
export async function openDuckDb(opts: DuckDbOptions = {}): Promise<DuckDbEngine> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  let memoryMiB = opts.memoryMiB ?? MEMORY_START_MIB;
  const maxMiB = Math.max(memoryMiB, Math.floor(totalmem() / 2 ** 21));
  const spill = await mkdtemp(join(tmpdir(), 'gonogo-duckdb-'));
  const config: Record<string, string> = {
    memory_limit: `${memoryMiB}MiB`,
    temp_directory: spill,
    // hand freed memory back to the system after each task instead of keeping up to 128 MiB per thread
    allocator_flush_threshold: '16MiB',
    allocator_bulk_deallocation_flush_threshold: '16MiB',
  };
  if (opts.threads) config.threads = String(opts.threads);
  let instance: Awaited<ReturnType<typeof DuckDBInstance.create>> | undefined;
  let conn: Awaited<ReturnType<NonNullable<typeof instance>['connect']>>;
  let tables: Record<string, string>;
  try {
    instance = await DuckDBInstance.create(':memory:', config);
    conn = await instance.connect();
    // Timestamps without a zone are read as UTC, whatever the machine's zone is.
    await conn.run(`SET TimeZone = 'UTC'`);
    // Row order is never relied on (metric rows are sorted in Node); dropping it lets temp tables build in parallel.
    await conn.run(`SET preserve_insertion_order = false`);
    tables = opts.dataDir ? await dataFiles(opts.dataDir) : {};
    for (const [view, file] of Object.entries(tables)) {
      const path = resolve(opts.dataDir!, file);
      // A view's body cannot hold a bind variable, so the path goes in as an escaped string literal.
      const kind = opts.materialize ? 'TABLE' : 'VIEW';
      await conn.run(`CREATE ${kind} ${quoteIdent(view)} AS SELECT * FROM ${fileReader(file)}(${quoteLiteral(path)})`);
    }
  } catch (err) {
    instance?.closeSync();
    await rm(spill, { recursive: true, force: true });
    throw err;
  }

  return {
    name: 'duckdb',
    tables,
    async query(sql: string, binds?: SqlValue[] | Record<string, SqlValue>, opts: QueryOptions = {}): Promise<Row[]> {
      for (;;) {
        try {
          return await runOnce(sql, binds, opts);
        } catch (err) {
          if (!(err instanceof SqlError && /^Out of Memory Error/.test(err.message) && memoryMiB < maxMiB)) throw err;
          memoryMiB = Math.min(maxMiB, memoryMiB * 2);
          await conn.run(`SET memory_limit = '${memoryMiB}MiB'`);
        }
      }
    },
    async close(): Promise<void> {
      conn.closeSync();
      instance!.closeSync();
      await rm(spill, { recursive: true, force: true });
    },
  };

  async function runOnce(sql: string, binds: SqlValue[] | Record<string, SqlValue> | undefined, opts: QueryOptions): Promise<Row[]> {
    let prepared;
    try {
      prepared = await conn.prepare(sql);
      bindValues(prepared, binds);
      const limit = opts.rowsLimit;
      // With a limit the result is streamed a chunk at a time and refused as soon as it passes the limit.
      const reader = limit === undefined ? await prepared.runAndReadAll() : await prepared.streamAndReadUntil(limit + 1);
      if (limit !== undefined && reader.currentRowCount > limit) throw new RowsLimitError(limit);
      return toPlainRows(reader.getRowObjectsJS() as Record<string, unknown>[], reader.columnTypes().map(String));
    } catch (err) {
      if (err instanceof SqlError || err instanceof RowsLimitError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      throw new SqlError(message, USER_ERROR.test(message));
    } finally {
      prepared?.destroySync();
    }
  }
}

/** Named binds: only those the statement names are passed (spec params are offered to every query). */
function bindValues(
  prepared: { parameterCount: number; parameterName(i: number): string; bind(v: unknown): void },
  binds: SqlValue[] | Record<string, SqlValue> | undefined,
): void {
  const count = prepared.parameterCount;
  if (count === 0) return;
  if (binds === undefined) throw new SqlError(`the statement has ${count} bind variable(s) but none were given`, true);
  if (Array.isArray(binds)) {
    if (binds.length !== count) throw new SqlError(`the statement has ${count} bind variable(s), ${binds.length} given`, true);
    prepared.bind(binds);
    return;
  }
  const chosen: Record<string, SqlValue> = {};
  for (let i = 1; i <= count; i++) {
    const name = prepared.parameterName(i);
    if (!(name in binds)) {
      const known = Object.keys(binds).sort();
      throw new SqlError(`bind variable $${name} has no value (known: ${known.length ? known.map((k) => '$' + k).join(', ') : 'none'})`, true);
    }
    chosen[name] = binds[name];
  }
  prepared.bind(chosen);
}

/** BigInt → number when safe (else a decimal string); dates → YYYY-MM-DD; timestamps → ISO strings. */
export function toPlainRows(rows: Record<string, unknown>[], types: string[] = []): Row[] {
  return rows.map((row) => {
    const out: Row = {};
    Object.keys(row).forEach((key, i) => {
      out[key] = plainValue(row[key], types[i]);
    });
    return out;
  });
}

function plainValue(v: unknown, type: string | undefined): SqlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
  }
  if (v instanceof Date) return type === 'DATE' ? v.toISOString().slice(0, 10) : v.toISOString();
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  // Lists, structs, maps: JSON text keeps rows plain and comparable.
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
}

async function dataFiles(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  const out: Record<string, string> = {};
  for (const file of names) {
    const m = DATA_FILE.exec(file);
    if (!m) continue;
    const view = m[1].replace(/[^A-Za-z0-9_]/g, '_');
    // Two files with one stem (x.csv, x.parquet): the first by name is kept, deterministically.
    if (!(view in out)) out[view] = file;
  }
  return out;
}

/** The DuckDB table function that reads a data file, by its extension. */
export function fileReader(file: string): string {
  const lower = file.toLowerCase();
  if (lower.endsWith('.parquet')) return 'read_parquet';
  if (/\.(json|ndjson|jsonl)$/.test(lower)) return 'read_json_auto';
  return 'read_csv_auto';
}

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

function quoteLiteral(text: string): string {
  return "'" + text.replace(/'/g, "''") + "'";
}

/** The data folder of a deck: source.data_dir or `data`. */
export function dataDirOf(deckDir: string, dataDir?: string): string {
  return join(deckDir, dataDir ?? 'data');
}
