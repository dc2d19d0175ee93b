// The embedded DuckDB engine: in memory, the deck's data folder exposed as one view per file, and sandboxed:
// queries may read the data folder (and the files metrics name) and nothing else, and may not write files.
// @duckdb/node-api is loaded on first use only (it is a native module; most verbs never need it).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { GonogoError, errorDiag } from '../diagnostics.js';
import { isInside } from '../spec/deck-path.js';
import { RowsLimitError, type Engine, type QueryOptions, type Row, type SqlValue } from './engine.js';

export interface DuckDbOptions {
  /** Folder whose CSV / Parquet / JSON files become views named after the files (requests.csv → requests). */
  dataDir?: string;
  /** Other files queries may read (a metric's `from: {file}`), already checked to lie inside the deck folder. */
  readableFiles?: string[];
  /** Worker threads; DuckDB's default is all cores. */
  threads?: number;
  /** Load each file into an in-memory table once instead of a view that re-reads it per query. */
  materialize?: boolean;
  /** Deadline for each statement; a statement past it is interrupted. */
  timeoutMs?: number;
  /** DuckDB's memory limit in MiB to start with (default MEMORY_START_MIB); raised when a statement needs more. */
  memoryMiB?: number;
}

/**
 * A pull's memory should not grow with the data: DuckDB starts with a small memory limit and spills the rest to a
 * temp folder of its own (the reference deck's cohort tables hold 300 MB at 10M events). A statement that still
 * runs out of memory (some operators cannot spill) is run again with the limit doubled, up to half the machine's
 * memory: the sandbox locks DuckDB's settings, so that is a new DuckDB, given again the statements that built its
 * state (the setup's temp tables) first.
 */
export const MEMORY_START_MIB = 96;

/**
 * DuckDB allocates through its own jemalloc, which keeps freed pages resident for a while: dirty for DuckDB's 1 s
 * decay, then lazily freed pages the kernel still counts as resident. Under the small memory limit a pull spills and
 * reloads blocks all the time (about 5 GB of 256 KiB blocks freed and allocated again at 10M event rows), so at its
 * peak jemalloc held about as much freed memory as live (10M rows: 100 MB live, 210 MB mapped). Freed pages go
 * straight back to the system (no decay, no lazy step), and allocations of 1 MiB and more (hash tables, large
 * buffers) go to jemalloc's arena that returns them at once. Peak RSS, 1M / 10M event rows: jemalloc's defaults
 * 275 / 320 (300–390) MB; a 100 ms decay 226 / 270 MB, so the 10M pull peaked ≈ 20% above the 1M one; no decay
 * 220 / 250 MB (13%), for ≈ 20% more time at 10M (10.9 → 12.8 s), as each reloaded block faults its pages in
 * again. jemalloc reads this when libduckdb loads, so it is set before the first import; a value already in the
 * environment is kept.
 */
const DUCKDB_JEMALLOC_CONF = 'dirty_decay_ms:0,muzzy_decay_ms:0,oversize_threshold:1048576';

/** Statement types that change what later statements see: run again, in order, in a DuckDB started afresh. */
const STATEFUL = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE_INTO', 'CREATE', 'CREATE_FUNC', 'ALTER', 'DROP', 'TRANSACTION', 'SET', 'VARIABLE_SET']);

export interface DuckDbEngine extends Engine {
  readonly name: 'duckdb';
  /** View name → file (relative to the data folder), sorted by name. */
  readonly tables: Record<string, string>;
}

/** Thrown for a statement DuckDB refused; `userError` is true for SQL mistakes (syntax, names, types, binds). */
export class SqlError extends Error {
  readonly userError: boolean;
  readonly hint?: string;
  constructor(message: string, userError: boolean, hint?: string) {
    super(message);
    this.name = 'SqlError';
    this.userError = userError;
    if (hint) this.hint = hint;
  }
}

const DATA_FILE = /^(.+?)\.(csv|csv\.gz|tsv|parquet|json|ndjson|jsonl)$/i;
const USER_ERROR = /^(Parser|Binder|Catalog|Conversion|Invalid Input|Not implemented|Constraint) Error/;
const OUTSIDE = /^Permission Error: Cannot access (?:file|directory) "([^"]*)"/;

/**
 * Statements deck SQL may run. Everything else is refused before it runs: COPY and EXPORT write files, ATTACH
 * opens other databases, LOAD / INSTALL bring code, PRAGMA and CALL change settings the lock cannot hold
 * (profiling output, for one), PREPARE / EXECUTE and EXPLAIN ANALYZE would run any of those indirectly.
 */
const ALLOWED_STATEMENTS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE_INTO', 'CREATE', 'CREATE_FUNC', 'ALTER', 'DROP', 'TRANSACTION', 'SET', 'VARIABLE_SET']);

/** Opens an in-memory DuckDB with the data folder's files as views, sandboxed to that folder. */
export async function openDuckDb(opts: DuckDbOptions = {}): Promise<DuckDbEngine> {
  process.env.DUCKDB_JE_MALLOC_CONF ??= DUCKDB_JEMALLOC_CONF;
  const { DuckDBInstance, StatementType } = await import('@duckdb/node-api');
  const dataReal = opts.dataDir ? realDataDir(opts.dataDir) : undefined;
  const tables = opts.dataDir && dataReal ? await dataFiles(opts.dataDir, dataReal) : {};
  const where = opts.dataDir ?? 'the deck folder';
  let memoryMiB = opts.memoryMiB ?? MEMORY_START_MIB;
  const maxMiB = Math.max(memoryMiB, Math.floor(totalmem() / 2 ** 21));
  const spill = await mkdtemp(join(tmpdir(), 'gonogo-duckdb-'));
  /** Statements that built the current state, with their binds, for a DuckDB started afresh. */
  const history: { sql: string; binds?: SqlValue[] | Record<string, SqlValue> }[] = [];

  async function start() {
    const config: Record<string, string> = {
      memory_limit: `${memoryMiB}MiB`,
      temp_directory: spill,
      // hand freed memory back to the system after each task instead of keeping up to 128 MiB per thread
      allocator_flush_threshold: '16MiB',
      allocator_bulk_deallocation_flush_threshold: '16MiB',
    };
    if (opts.threads) config.threads = String(opts.threads);
    const instance = await DuckDBInstance.create(':memory:', config);
    try {
      const conn = await instance.connect();
      // Timestamps without a zone are read as UTC, whatever the machine's zone is.
      await conn.run(`SET TimeZone = 'UTC'`);
      // Row order is never relied on (metric rows are sorted in Node); dropping it lets temp tables build in parallel.
      await conn.run(`SET preserve_insertion_order = false`);
      // The sandbox, set before any file is touched and then locked, so no statement can widen it again. DuckDB resolves
      // symlinks before it compares a path with these lists; gonogo checks the data files itself too, for a clear message.
      const dirs = dataReal ? [...new Set([opts.dataDir!, dataReal])].map((d) => d.replace(/\/?$/, '/')) : [];
      const files = (opts.readableFiles ?? []).flatMap((f) => [...new Set([f, realOr(f)])]);
      await conn.run(`SET allowed_directories = [${dirs.map(quoteLiteral).join(', ')}]`);
      await conn.run(`SET allowed_paths = [${files.map(quoteLiteral).join(', ')}]`);
      await conn.run(`SET enable_external_access = false`);
      await conn.run(`SET lock_configuration = true`);
      for (const [view, file] of Object.entries(tables)) {
        const path = join(dataReal!, file);
        // A view's body cannot hold a bind variable, so the path goes in as an escaped string literal.
        const kind = opts.materialize ? 'TABLE' : 'VIEW';
        await conn.run(`CREATE ${kind} ${quoteIdent(view)} AS SELECT * FROM ${fileReader(file)}(${quoteLiteral(path)})`);
      }
      return { instance, conn };
    } catch (err) {
      instance.closeSync();
      throw err;
    }
  }

  let db: Awaited<ReturnType<typeof start>>;
  try {
    db = await start();
  } catch (err) {
    await rm(spill, { recursive: true, force: true });
    throw err;
  }

  async function run(sql: string, binds: SqlValue[] | Record<string, SqlValue> | undefined, limit?: number): Promise<{ rows: Row[]; type: string }> {
    let prepared;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const { conn } = db;
    try {
      // Checked before prepare too: DuckDB creates an EXPORT's folder while preparing it.
      const keyword = firstKeyword(sql);
      if (REFUSED_KEYWORDS.has(keyword)) throw refused(keyword, sql);
      prepared = await conn.prepare(sql);
      const type = StatementType[prepared.statementType];
      if (!ALLOWED_STATEMENTS.has(type)) throw refused(type, sql);
      bindValues(prepared, binds);
      if (opts.timeoutMs) {
        timer = setTimeout(() => {
          timedOut = true;
          conn.interrupt();
        }, opts.timeoutMs);
      }
      // With a row limit the result is streamed a chunk at a time and refused as soon as it passes the limit.
      const reader = limit === undefined ? await prepared.runAndReadAll() : await prepared.streamAndReadUntil(limit + 1);
      if (limit !== undefined && reader.currentRowCount > limit) throw new RowsLimitError(limit);
      return { rows: toPlainRows(reader.getRowObjectsJS() as Record<string, unknown>[], reader.columnTypes().map(String)), type };
    } catch (err) {
      if (timedOut) throw timeout(opts.timeoutMs!);
      if (err instanceof SqlError || err instanceof RowsLimitError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      const outside = OUTSIDE.exec(message);
      if (outside) {
        throw new SqlError(`reads ${outside[1]}, outside the data folder ${where}: gonogo's DuckDB reads only the deck's data folder`, true, 'read data through the views named after the files (data/requests.csv is the view requests), or move the file into the data folder');
      }
      throw new SqlError(message, USER_ERROR.test(message));
    } finally {
      clearTimeout(timer);
      prepared?.destroySync();
    }
  }

  return {
    name: 'duckdb',
    tables,
    async query(sql: string, binds?: SqlValue[] | Record<string, SqlValue>, q: QueryOptions = {}): Promise<Row[]> {
      for (;;) {
        try {
          const { rows, type } = await run(sql, binds, q.rowsLimit);
          if (STATEFUL.has(type)) history.push({ sql, binds });
          return rows;
        } catch (err) {
          if (!(err instanceof SqlError && /^Out of Memory Error/.test(err.message) && memoryMiB < maxMiB)) throw err;
          memoryMiB = Math.min(maxMiB, memoryMiB * 2);
          db.conn.closeSync();
          db.instance.closeSync();
          db = await start();
          for (const h of history) await run(h.sql, h.binds);
        }
      }
    },
    async close(): Promise<void> {
      db.conn.closeSync();
      db.instance.closeSync();
      await rm(spill, { recursive: true, force: true });
    },
  };
}

/** Leading keywords of statements outside ALLOWED_STATEMENTS (UPDATE EXTENSIONS aside, which INSTALL covers). */
const REFUSED_KEYWORDS = new Set(['COPY', 'EXPORT', 'IMPORT', 'ATTACH', 'DETACH', 'INSTALL', 'LOAD', 'FORCE', 'PRAGMA', 'CALL', 'PREPARE', 'EXECUTE', 'EXPLAIN', 'VACUUM', 'CHECKPOINT']);

/** The statement's first word in upper case, after leading comments and whitespace. */
function firstKeyword(sql: string): string {
  const body = sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?(?:\*\/|$))*/, '');
  return /^[A-Za-z_]+/.exec(body)?.[0].toUpperCase() ?? '';
}

/** A statement outside ALLOWED_STATEMENTS, named by what it would do; a COPY … TO names its target. */
function refused(type: string, sql: string): SqlError {
  const target = /\b(?:TO|DATABASE)\s+'((?:[^']|'')*)'/i.exec(sql)?.[1]?.replace(/''/g, "'");
  const what = type === 'COPY' || type === 'EXPORT' ? `writes files${target ? ` (${target})` : ''}` : 'changes what DuckDB may read, write or load';
  return new SqlError(`${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type} statement ${what}; deck SQL may only query and build temporary tables`, true, 'keep intermediate results with CREATE TEMP TABLE … AS SELECT; gonogo writes metrics.lock.json itself');
}

/** A statement interrupted at its deadline: the engine's failure (exit 3), not the SQL's. */
function timeout(ms: number): SqlError {
  return new SqlError(
    `DuckDB did not finish the query within ${Math.round(ms / 100) / 10} s`,
    false,
    'narrow the query (a shorter date range, an aggregate in SQL), or allow more time with --timeout SECONDS or source.timeout',
  );
}

/** The data folder's real path; a missing folder is reported by the caller (ENOENT). */
function realDataDir(dir: string): string {
  return realpathSync(dir);
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
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

/** The data files by view name; a file whose real path (symlinks resolved) leaves the data folder is refused. */
async function dataFiles(dir: string, real: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  const out: Record<string, string> = {};
  for (const file of names) {
    const m = DATA_FILE.exec(file);
    if (!m) continue;
    const target = realOr(join(dir, file));
    if (!isInside(real, target)) {
      throw new GonogoError(
        errorDiag('path/outside-deck', `data file ${join(dir, file)} is a link to ${target}, outside the data folder ${dir}`, {
          field: 'source.data_dir',
          expected: 'data files inside the data folder, without symlinks that lead out of it',
          hint: 'copy the file into the data folder instead of linking to it',
        }),
      );
    }
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
