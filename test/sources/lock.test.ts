// metrics.lock.json: stable, key-sorted, round-trips, and refuses to be read when missing or stale.
import { describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pullMetrics } from '../../src/sources/pull.js';
import { LOCK_FILE, readLock, writeLock } from '../../src/sources/lock.js';
import { stableStringify } from '../../src/sources/stable-json.js';
import { GonogoError } from '../../src/diagnostics.js';
import { makeSpec, tempDeck, UNITS_CSV } from './helpers.js';

const metrics = [
  { id: 'conv', label: 'Conversion', kind: 'proportion', unit: '%', better: 'higher', role: 'primary', from: { sql_file: 'queries/conv.sql' } },
  { id: 'minutes', label: 'Minutes', kind: 'median', unit: 'min', better: 'lower', role: 'secondary', from: { sql: `SELECT arm, 'all' AS segment, minutes AS value FROM units` } },
] as const;
const CONV = `SELECT arm, 'all' AS segment, count(*) AS n, sum(converted) AS successes FROM units GROUP BY arm`;
const source = {
  engine: 'duckdb',
  checks: [{ id: 'fresh', kind: 'freshness', table: 'units', column: 'seen_at', max_hours: 24 }],
} as const;

async function pulled() {
  const dir = await tempDeck({ 'data/units.csv': UNITS_CSV, 'queries/conv.sql': CONV });
  const spec = makeSpec([...metrics], source);
  const result = await pullMetrics(spec, dir, { pulledAt: '2026-11-20T08:00:00Z' });
  return { dir, spec, ...result };
}

function keysSorted(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(keysSorted);
  if (v === null || typeof v !== 'object') return true;
  const keys = Object.keys(v);
  return keys.join('\u0000') === [...keys].sort().join('\u0000') && Object.values(v).every(keysSorted);
}

describe('metrics lock', () => {
  it('is written key-sorted, pretty and byte-stable, and round-trips to the same snapshot', async () => {
    const { dir, spec, lock, snapshot } = await pulled();
    await writeLock(dir, lock);
    const first = await readFile(join(dir, LOCK_FILE), 'utf8');
    const again = await pullMetrics(spec, dir, { pulledAt: '2026-11-20T08:00:00Z' });
    await writeLock(dir, again.lock);
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first).toContain('\n  "metrics": {\n');
    expect(keysSorted(JSON.parse(first))).toBe(true);
    expect(stableStringify(JSON.parse(first))).toBe(first);
    expect(await readLock(dir, spec)).toEqual(snapshot);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('records engine, sha256 of the SQL, row counts, as-of and pull time per metric', async () => {
    const { lock } = await pulled();
    expect(lock.metrics.conv).toMatchObject({ engine: 'duckdb', file: 'queries/conv.sql', rowCount: 3, pulledAt: '2026-11-20T08:00:00Z' });
    // no as_of column in the SQL: the freshness check's last event stands in
    expect(lock.metrics.conv.asOf).toBe('2026-11-15T15:00:00.000Z');
    expect(lock.checkedAt).toBe('2026-11-20T23:59:59Z');
    expect(lock.quality[0]).toMatchObject({ id: 'fresh', status: 'warn', value: 129 });
    // a warehouse session and query ids are Snowflake's; an embedded DuckDB pull has neither, so its lock stays byte-stable
    expect(lock.session).toBeUndefined();
    expect(lock.queryIds).toBeUndefined();
    // raw values are stored as sorted [value, count] pairs
    expect(lock.metrics.minutes.rows[0]).toEqual({ metric: 'minutes', arm: 'control', segment: 'all', n: 3, value_counts: [[10, 1], [20, 1], [30, 1]] });
  });

  it('counts a row per unit into (value, count) pairs: the snapshot holds distinct values, never one per unit', async () => {
    const dir = await tempDeck({ 'data/units.csv': UNITS_CSV, 'queries/conv.sql': CONV });
    const perUnit = { ...metrics[1], from: { sql: `SELECT arm, 'all' AS segment, 7 AS value FROM units UNION ALL SELECT arm, 'all', 3 FROM units` } };
    const spec = makeSpec([metrics[0], perUnit], source);
    const { lock, snapshot } = await pullMetrics(spec, dir, { pulledAt: '2026-11-20T08:00:00Z' });
    const control = snapshot.rows.find((r) => r.metric === 'minutes' && r.arm === 'control')!;
    expect(control.value_counts).toEqual([[3, control.n! / 2], [7, control.n! / 2]]);
    await writeLock(dir, lock);
    expect((await readLock(dir, spec)).rows).toEqual(snapshot.rows);
  });

  it('says to run gonogo pull when the lock is missing', async () => {
    const dir = await tempDeck({ 'queries/conv.sql': CONV });
    const err = await readLock(dir, makeSpec([...metrics], source)).catch((e) => e);
    expect(err).toBeInstanceOf(GonogoError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/metrics\.lock\.json does not exist/);
    expect(err.diagnostics[0].hint).toBe(`run gonogo pull ${dir}`);
  });

  it('is stale when a metric’s SQL, the metric list or the checks changed since the pull', async () => {
    const { dir, spec, lock } = await pulled();
    await writeLock(dir, lock);
    await writeFile(join(dir, 'queries/conv.sql'), CONV + ' -- edited');
    const err = await readLock(dir, spec).catch((e) => e);
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/stale: the SQL of metric conv changed since the pull \(queries\/conv\.sql\)/);
    await writeFile(join(dir, 'queries/conv.sql'), CONV);
    await expect(readLock(dir, spec)).resolves.toBeTruthy();
    const added = makeSpec([...metrics, { ...metrics[1], id: 'extra' }], source);
    await expect(readLock(dir, added)).rejects.toThrow(/metric extra was added since the pull/);
    const rechecked = makeSpec([...metrics], { ...source, checks: [{ ...source.checks[0], max_hours: 48 }] });
    await expect(readLock(dir, rechecked)).rejects.toThrow(/quality checks/);
  });

  it('is stale when a setup SQL file changed since the pull', async () => {
    const dir = await tempDeck({ 'data/units.csv': UNITS_CSV, 'queries/conv.sql': CONV, 'queries/setup.sql': 'CREATE TEMP TABLE t AS SELECT 1 AS x;\n' });
    const spec = makeSpec([...metrics], { ...source, setup: ['queries/setup.sql'] });
    await writeLock(dir, (await pullMetrics(spec, dir, { pulledAt: 'x' })).lock);
    await expect(readLock(dir, spec)).resolves.toBeTruthy();
    await writeFile(join(dir, 'queries/setup.sql'), 'CREATE TEMP TABLE t AS SELECT 2 AS x;\n');
    await expect(readLock(dir, spec)).rejects.toThrow(/the setup SQL changed since the pull \(queries\/setup\.sql\)/);
  });
});
