// The pull: every metric's SQL and every quality check run in the engine; the result is a snapshot and its lock.
// Nothing is written here: the CLI writes the lock only after the whole pull succeeded.
import { EXIT, GonogoError, errorDiag, type Diagnostic } from '../diagnostics.js';
import type { Spec } from '../spec/normalized.js';
import { resolveInsideDeck } from '../spec/deck-path.js';
import { RowsLimitError, type Engine, type Row, type SqlValue } from './engine.js';
import { type MetricsSnapshot, type QualityCheck, type TrendPoint } from './snapshot.js';
import { UNASSIGNED } from '../model/rows.js';
import { SqlError, openDuckDb } from './duckdb.js';
import { lowerKeys } from './dialect.js';
import { LOCK_VERSION, checksHashOf, metricSqlHash, setupHashOf, snapshotFromLock, type LockedMetric, type MetricsLock } from './lock.js';
import { metricSourceText, setupSql, type MetricSourceText } from './metric-source.js';
import { shapeMetricRows } from './metric-rows.js';
import { asOfOf, countAssignments, runCheck } from './quality.js';
import { asPullError, checkGapIds, metricsWithoutSource, run } from './pull-checks.js';

export type PullProgress =
  | { type: 'start'; step: 'setup' | 'metric' | 'check'; id: string; label: string; index: number; total: number }
  | { type: 'done'; step: 'setup' | 'metric' | 'check'; id: string; label: string; index: number; total: number; rows: number; ms: number };

export interface PullOptions {
  /** An open engine (tests, Snowflake); otherwise a DuckDB over the deck's data folder is opened and closed here. */
  engine?: Engine;
  onProgress?: (e: PullProgress) => void;
  /** Most rows one query may return (quantile values are the big ones); default 2,000,000. */
  rowsLimit?: number;
  /** The pull time; default SOURCE_DATE_EPOCH, else the clock. */
  pulledAt?: string;
  /** Monotonic milliseconds for progress timing only; never reaches the snapshot or the lock. */
  now?: () => number;
  /** Environment for warehouse credentials (SNOWFLAKE_*); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Deadline for the warehouse login and for each query, in seconds: --timeout, else source.timeout, else 10 minutes. */
  timeoutSeconds?: number;
  /** Receives warnings found while connecting (a connections file others can read), before any query runs. */
  onWarning?: (d: Diagnostic) => void;
}

export const DEFAULT_TIMEOUT_SECONDS = 600;

export interface PullResult {
  snapshot: MetricsSnapshot;
  lock: MetricsLock;
  diagnostics: Diagnostic[];
}

/** When the pull ran: SOURCE_DATE_EPOCH (seconds) when set, else the real clock. */
export function pullTime(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace('.000Z', 'Z');
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Data value → canonical arm: 'control'/'treatment' and the spec's own arm names both map. */
export function armMap(spec: Spec): Record<string, string> {
  // abs_change / rel_change: precomputed differences from a file pass through as they are.
  // unassigned: units whose arm is unknown (kept apart; the missing-data bounds add them to one arm or the other)
  const map: Record<string, string> = { control: 'control', treatment: 'treatment', abs_change: 'abs_change', rel_change: 'rel_change', [UNASSIGNED]: UNASSIGNED };
  if (spec.arms?.control) map[spec.arms.control] = 'control';
  if (spec.arms?.treatment) map[spec.arms.treatment] = 'treatment';
  return map;
}

export async function pullMetrics(spec: Spec, deckDir: string, opts: PullOptions = {}): Promise<PullResult> {
  const timeoutMs = 1000 * (opts.timeoutSeconds ?? spec.source?.timeout ?? DEFAULT_TIMEOUT_SECONDS);
  const files = metricFiles(spec, deckDir);
  const engine = opts.engine ?? (await openEngine(spec, deckDir, files, timeoutMs, opts));
  // Snowflake cannot read the deck's local files: a metric `from: {file}` is read by a local, sandboxed DuckDB.
  let local: Engine | undefined;
  const fileEngine = async () => (engine.name === 'duckdb' ? engine : (local ??= await openDuckDb({ readableFiles: files, timeoutMs })));
  try {
    return await pullWith(engine, fileEngine, spec, deckDir, opts);
  } finally {
    await local?.close();
    if (!opts.engine) await engine.close();
  }
}

/** The files metrics and trends name (`from: {file}`), checked to lie inside the deck folder. */
function metricFiles(spec: Spec, deckDir: string): string[] {
  return spec.metrics.flatMap((m) =>
    (['from', 'trend'] as const).flatMap((key) => {
      const from = m[key];
      return from && 'file' in from ? [resolveInsideDeck(deckDir, from.file, { what: 'data file', field: `metrics.${m.id}.${key}.file` })] : [];
    }),
  );
}

async function openEngine(spec: Spec, deckDir: string, files: string[], timeoutMs: number, opts: PullOptions): Promise<Engine> {
  if (spec.source?.engine === 'snowflake') {
    // Loaded only here: snowflake-sdk brings ~185 packages and must not slow down DuckDB decks.
    const { openSnowflake } = await import('./snowflake.js');
    return openSnowflake({ connection: spec.source.connection, env: opts.env ?? process.env, timeoutMs, onWarning: opts.onWarning });
  }
  const rel = spec.source?.data_dir ?? 'data';
  const dataDir = resolveInsideDeck(deckDir, rel, { what: 'data folder', field: 'source.data_dir', hint: 'data_dir is relative to the deck folder and stays inside it; default: data' });
  try {
    return await openDuckDb({ dataDir, readableFiles: files, timeoutMs });
  } catch (err) {
    if (err instanceof GonogoError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new GonogoError(errorDiag('pull/data-dir', `the data folder does not exist: ${dataDir}`, { field: 'source.data_dir', hint: 'data_dir is relative to the deck folder; default: data' }));
    }
    if (err instanceof SqlError && err.userError) throw new GonogoError(errorDiag('pull/data-file', `a data file cannot be read: ${message}`));
    throw new GonogoError(errorDiag('pull/engine', `DuckDB could not start: ${message}`), EXIT.external);
  }
}

/** A trend query's rows (day, arm, value) → sorted points with the spec's arm labels; anything else is the user's SQL mistake. */
function trendPoints(result: Row[], label: string, metricId: string, arms: Record<string, string>): TrendPoint[] {
  const rows = result.map(lowerKeys);
  const points = rows.filter((r) => arms[String(r.arm)] !== UNASSIGNED).map((r, i) => {
    const day = r.day ?? r.date;
    const value = typeof r.value === 'number' ? r.value : Number(r.value);
    const arm = arms[String(r.arm)];
    if ((arm !== 'control' && arm !== 'treatment') || typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(day) || !Number.isFinite(value))
      throw new GonogoError(
        errorDiag('pull/trend', `${label}: row ${i + 1} of the trend of ${metricId} is not (day, arm, value)`, {
          expected: `columns day (a date), arm (one of ${Object.keys(arms).join(', ')}) and value (a number)`,
          hint: 'SELECT CAST(created_at AS DATE) AS day, arm, median(x) AS value … GROUP BY 1, 2',
        }),
      );
    return { date: day.slice(0, 10), arm, value: Number(value.toPrecision(12)) };
  });
  return points.sort((a, b) => (a.date === b.date ? (a.arm < b.arm ? -1 : 1) : a.date < b.date ? -1 : 1));
}

async function pullWith(engine: Engine, fileEngine: () => Promise<Engine>, spec: Spec, deckDir: string, opts: PullOptions): Promise<PullResult> {
  const diagnostics: Diagnostic[] = [];
  const now = opts.now ?? (() => performance.now());
  const pulledAt = opts.pulledAt ?? pullTime();
  const rowsLimit = opts.rowsLimit ?? 2_000_000;
  const arms = armMap(spec);
  const params: Record<string, SqlValue> = { ...(spec.source?.params ?? {}) };
  const asOf = asOfOf(spec);
  const metrics = spec.metrics.filter((m) => m.from);
  const checks = spec.source?.checks ?? [];
  checkGapIds(spec);
  const setup = await setupSql(spec.source?.setup ?? [], deckDir);
  const total = setup.length + metrics.length + checks.length;
  let index = 0;
  // The warehouse's id of every statement, by what ran it: the lock's audit trail (Snowflake only).
  const queryIds: Record<string, string[]> = {};
  const noteQuery = (key: string, by: Engine) => {
    if (by.lastQueryId) (queryIds[key] ??= []).push(by.lastQueryId);
  };
  /** A metric's SQL runs in the engine; a data file it names is read by DuckDB (the engine itself, or a local one). */
  const runSource = async (src: MetricSourceText, what: string, where: string, key: string, rowsLimit?: number) => {
    const by = src.kind === 'file' ? await fileEngine() : engine;
    const rows = await run(by, src.sql, src.binds ?? params, what, where, { rowsLimit });
    noteQuery(key, by);
    return rows;
  };

  // Setup first: statements that build what every metric reads (a cohort temp table, say), once.
  for (const s of setup) {
    opts.onProgress?.({ type: 'start', step: 'setup', id: s.file, label: `${s.statements.length} statement(s)`, index, total });
    const t0 = now();
    for (const statement of s.statements) {
      await run(engine, statement, params, 'setup', s.file);
      noteQuery(`setup ${s.file}`, engine);
    }
    opts.onProgress?.({ type: 'done', step: 'setup', id: s.file, label: `${s.statements.length} statement(s)`, index: index++, total, rows: 0, ms: now() - t0 });
  }

  const locked: Record<string, LockedMetric> = {};
  for (const metric of metrics) {
    const src = await metricSourceText(metric.from!, deckDir, `metrics.${metric.id}.from`);
    const label = src.label;
    opts.onProgress?.({ type: 'start', step: 'metric', id: metric.id, label, index, total });
    const t0 = now();
    const raw = await runSource(src, `metric ${metric.id}`, src.file ?? `metrics.${metric.id}.from.sql`, `metric ${metric.id}`, rowsLimit).catch((err) => {
      if (!(err instanceof RowsLimitError)) throw err;
      throw new GonogoError(errorDiag('pull/too-many-rows', `${label}: the query for metric ${metric.id} returned ${err.message}`, {
        hint: 'aggregate in SQL: one row per arm and segment, or for quantiles GROUP BY arm, segment, value with a weight column; or raise --rows-limit',
      }));
    });
    const shaped = shapeMetricRows(metric, raw, label, arms);
    diagnostics.push(...shaped.diagnostics);
    const trendSrc = metric.trend ? await metricSourceText(metric.trend, deckDir, `metrics.${metric.id}.trend`) : undefined;
    const trend = trendSrc
      ? trendPoints(await runSource(trendSrc, `trend of ${metric.id}`, trendSrc.file ?? `metrics.${metric.id}.trend.sql`, `trend ${metric.id}`), trendSrc.label, metric.id, arms)
      : undefined;
    locked[metric.id] = {
      engine: src.kind === 'file' ? 'duckdb' : engine.name,
      ...(src.file ? { file: src.file } : {}),
      sqlHash: metricSqlHash(src.text, trendSrc?.text),
      ...(trend ? { trend } : {}),
      rowCount: raw.length,
      ...(shaped.asOf ? { asOf: shaped.asOf } : {}),
      pulledAt,
      rows: shaped.rows,
    };
    opts.onProgress?.({ type: 'done', step: 'metric', id: metric.id, label, index: index++, total, rows: raw.length, ms: now() - t0 });
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new GonogoError(errors);

  const quality: QualityCheck[] = [];
  let lastEvent: string | undefined;
  for (const check of checks) {
    opts.onProgress?.({ type: 'start', step: 'check', id: check.id, label: `${check.kind} ${check.table}`, index, total });
    const t0 = now();
    let outcome;
    try {
      outcome = await runCheck(engine, spec, check, asOf, params);
    } catch (err) {
      throw asPullError(err, `quality check ${check.id}`, `source.checks (${check.id})`);
    }
    noteQuery(`check ${check.id}`, engine);
    quality.push(outcome.check);
    if (outcome.lastEvent && (lastEvent === undefined || outcome.lastEvent > lastEvent)) lastEvent = outcome.lastEvent;
    opts.onProgress?.({ type: 'done', step: 'check', id: check.id, label: `${check.kind} ${check.table}`, index: index++, total, rows: 1, ms: now() - t0 });
  }
  // A metric whose SQL returned no as_of takes the latest event the freshness checks saw.
  if (lastEvent) for (const m of Object.values(locked)) m.asOf ??= lastEvent;

  let assignments: Record<string, number> | undefined;
  try {
    assignments = await countAssignments(engine, spec, arms);
    if (assignments) noteQuery('assignments', engine);
  } catch (err) {
    throw asPullError(err, 'the assignment count', 'source.assignments');
  }

  const lock: MetricsLock = {
    version: LOCK_VERSION,
    engine: engine.name,
    ...(engine.session ? { session: engine.session } : {}),
    pulledAt,
    checkedAt: asOf,
    checksHash: checksHashOf(spec),
    ...(setupHashOf(setup) ? { setupHash: setupHashOf(setup) } : {}),
    metrics: locked,
    quality,
    ...(assignments ? { assignments } : {}),
    ...(Object.keys(queryIds).length ? { queryIds } : {}),
  };
  for (const d of metricsWithoutSource(spec)) diagnostics.push(d);
  return { snapshot: snapshotFromLock(lock, spec), lock, diagnostics };
}
