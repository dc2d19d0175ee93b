// metrics.lock.json: what the last pull read, so builds run offline and only from locked numbers.
// The lock records per metric the rows, the engine, a sha256 of the SQL text and row counts; a build refuses a
// lock whose SQL (or quality checks) changed since the pull.
import { createHash } from 'node:crypto';
import { rename, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readUserText } from '../spec/source-file.js';
import { readJson } from '../spec/json-read.js';
import { lockSchema } from './lock-schema.js';
import { MAX_LOCK_BYTES } from '../limits.js';
import { EXIT, GonogoError, errorDiag, type Diagnostic } from '../diagnostics.js';
import type { Spec } from '../spec/normalized.js';
import type { MetricsSnapshot, Provenance, QualityCheck, TrendPoint } from './snapshot.js';
import type { MetricRow } from '../model/rows.js';
import type { EngineSession } from './engine.js';
import { stableStringify } from './stable-json.js';
import { metricSourceText, setupSql } from './metric-source.js';
import { homedir } from 'node:os';

export const LOCK_FILE = 'metrics.lock.json';
export const LOCK_VERSION = 1;

/** Provenance (engine, file, sqlHash, rowCount, asOf, pulledAt) plus the rows. */
export interface LockedMetric extends Provenance {
  /** As the snapshot holds them (quantile values as sorted [value, count] pairs). */
  rows: MetricRow[];
  trend?: TrendPoint[];
}

/** The hash that ties a locked metric to its SQL: the metric's source and, when it has one, its trend's. */
export function metricSqlHash(text: string | Buffer, trendText?: string | Buffer): string {
  return trendText === undefined ? sha256(text) : sha256(Buffer.concat([Buffer.from(text), Buffer.from('\u0000trend\u0000'), Buffer.from(trendText)]));
}

export interface MetricsLock {
  version: typeof LOCK_VERSION;
  engine: Provenance['engine'];
  /** Snowflake: the account, user, role, warehouse, database and schema the pull ran as (never a secret). */
  session?: EngineSession;
  /** Snowflake: the query id of every statement, by what ran it ('metric conv', 'check fresh', 'setup x.sql'…). */
  queryIds?: Record<string, string[]>;
  /** When the pull ran: SOURCE_DATE_EPOCH when set, else the clock. A fact about the pull, never read by a build. */
  pulledAt: string;
  /** The reference time quality checks were measured against (source.as_of or deck.date end of day). */
  checkedAt: string;
  /** sha256 of the spec's quality-check and assignment settings. */
  checksHash: string;
  /** sha256 of the source.setup SQL files (names and texts), when there are any. */
  setupHash?: string;
  metrics: Record<string, LockedMetric>;
  quality: QualityCheck[];
  assignments?: Record<string, number>;
}

export function sha256(text: string | Buffer): string {
  return 'sha256:' + createHash('sha256').update(text).digest('hex');
}

/** Hash of the settings that decide the quality section, so a changed check makes the lock stale. */
export function checksHashOf(spec: Spec): string {
  const s = spec.source;
  return sha256(stableStringify({ as_of: s?.as_of, assignments: s?.assignments, checks: s?.checks ?? [], params: s?.params }));
}

export function setupHashOf(setup: readonly { file: string; text: string }[]): string | undefined {
  return setup.length === 0 ? undefined : sha256(stableStringify(setup.map((s) => [s.file, s.text])));
}

/** Writes the lock atomically: a temp file beside it, then a rename, so a reader never sees half a lock. */
export async function writeLock(deckDir: string, lock: MetricsLock): Promise<string> {
  const file = join(deckDir, LOCK_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, stableStringify(lock), 'utf8');
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return file;
}

/** The locked snapshot, or exit 2 when the lock is missing, unreadable or stale against the spec. `cwd` only shapes messages. */
export async function readLock(deckDir: string, spec: Spec, cwd?: string): Promise<MetricsSnapshot> {
  const path = join(deckDir, LOCK_FILE);
  const file = cwd ? relative(cwd, path) || path : path;
  if (!existsSync(path))
    throw new GonogoError(
      errorDiag('lock/missing', `${file} does not exist: the metrics have not been pulled`, { hint: `run gonogo pull ${deckDir}` }),
      EXIT.usage,
    );
  const text = await readUserText(path, 'metrics lock', MAX_LOCK_BYTES, file);
  const lock = readJson(text, file, lockSchema, { code: 'lock', what: `version ${LOCK_VERSION} metrics lock`, hint: `the lock is written by gonogo pull: run gonogo pull ${relative(cwd ?? process.cwd(), deckDir) || '.'} rather than editing it` }) as MetricsLock;
  const stale: string[] = [];
  for (const metric of spec.metrics) {
    if (!metric.from) continue;
    const locked = lock.metrics[metric.id];
    if (!locked) {
      stale.push(`metric ${metric.id} was added since the pull`);
      continue;
    }
    const current = await metricSourceText(metric.from, deckDir).catch(() => undefined);
    const trend = metric.trend ? await metricSourceText(metric.trend, deckDir).catch(() => null) : undefined;
    if (current === undefined || trend === null) stale.push(`the source of metric ${metric.id} cannot be read`);
    else if (metricSqlHash(current.text, trend?.text) !== locked.sqlHash) stale.push(`the ${current.kind} of metric ${metric.id} changed since the pull (${trend ? `${current.label} or its trend ${trend.label}` : current.label})`);
  }
  if (lock.checksHash !== checksHashOf(spec)) stale.push('the quality checks, assignments, params or as_of changed since the pull');
  const setup = await setupSql(spec.source?.setup ?? [], deckDir).catch(() => undefined);
  if (setup === undefined) stale.push('a source.setup SQL file cannot be read');
  else if (setupHashOf(setup) !== lock.setupHash) stale.push(`the setup SQL changed since the pull (${(spec.source?.setup ?? []).join(', ') || 'removed'})`);
  if (stale.length > 0) {
    throw new GonogoError(
      stale.map((s) => errorDiag('lock/stale', `${file} is stale: ${s}`, { hint: `run gonogo pull ${deckDir}` })),
      EXIT.usage,
    );
  }
  return snapshotFromLock(lock, spec);
}

/** The snapshot a lock holds, restricted to the spec's metrics, in the spec's order. */
export function snapshotFromLock(lock: MetricsLock, spec: Spec): MetricsSnapshot {
  const rows: MetricRow[] = [];
  const provenance: Record<string, Provenance> = {};
  const trends: Record<string, TrendPoint[]> = {};
  for (const metric of spec.metrics) {
    const locked = lock.metrics[metric.id];
    if (!locked) continue;
    const { rows: lockedRows, trend, ...prov } = locked;
    provenance[metric.id] = prov;
    rows.push(...lockedRows);
    if (trend?.length) trends[metric.id] = trend;
  }
  return {
    rows,
    provenance,
    quality: lock.quality ?? [],
    ...(Object.keys(trends).length ? { trends } : {}),
    ...(lock.assignments ? { assignments: lock.assignments } : {}),
    ...(lock.session ? { session: lock.session } : {}),
  };
}

/**
 * A warning when the lock was pulled from another Snowflake account than the connection configured now: a
 * stray SNOWFLAKE_ACCOUNT or a renamed connection would otherwise go unnoticed until the next pull. Nothing is
 * said when no connection is configured here (a reviewer building from the committed lock).
 */
export async function sessionDrift(spec: Spec, session: MetricsSnapshot['session'], env: NodeJS.ProcessEnv, home = homedir()): Promise<Diagnostic[]> {
  if (spec.source?.engine !== 'snowflake' || !session) return [];
  // Loaded only for Snowflake decks: a DuckDB build never reads a TOML file.
  const { resolveSnowflakeSettings } = await import('./snowflake-config.js');
  let now;
  try {
    now = resolveSnowflakeSettings({ connection: spec.source.connection, env, home });
  } catch {
    return [];
  }
  const norm = (a: string) => a.trim().toLowerCase().replace(/\.snowflakecomputing\.com$/, '');
  if (norm(now.account) === norm(session.account)) return [];
  return [
    {
      code: 'lock/account-changed',
      severity: 'warning',
      message: `${LOCK_FILE} was pulled from Snowflake account "${session.account}" (user ${session.user}), but the connection configured now is account "${now.account}" (${now.described})`,
      hint: `the deck shows the locked numbers from "${session.account}"; run gonogo pull to read "${now.account}", or fix ${now.origin.account ?? 'the connection'} if it points at the wrong account`,
    },
  ];
}
