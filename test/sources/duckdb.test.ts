// The DuckDB engine: data files as views, binds (never pasted), plain JS values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDuckDb, SqlError, type DuckDbEngine } from '../../src/sources/duckdb.js';
import { RowsLimitError } from '../../src/sources/engine.js';
import { tempDeck, UNITS_CSV } from './helpers.js';

let engine: DuckDbEngine;
const userJemallocConf = process.env.DUCKDB_JE_MALLOC_CONF;
beforeAll(async () => {
  const dir = await tempDeck({ 'data/units.csv': UNITS_CSV, 'data/notes.txt': 'not data', 'data/more-units.csv': 'a\n1\n' });
  engine = await openDuckDb({ dataDir: join(dir, 'data'), threads: 1 });
});
afterAll(() => engine.close());

describe('openDuckDb', () => {
  it('exposes each CSV / Parquet file as a view named after it', async () => {
    expect(engine.tables).toEqual({ more_units: 'more-units.csv', units: 'units.csv' });
    expect(await engine.query('SELECT count(*) AS n FROM units')).toEqual([{ n: 8 }]);
  });

  it('returns plain values: BigInt as number, timestamps as ISO strings, dates as YYYY-MM-DD', async () => {
    const [row] = await engine.query(
      `SELECT 42::BIGINT AS big, 9007199254740993::HUGEINT AS huge, TIMESTAMP '2026-11-10 08:00:00' AS ts,
              DATE '2026-11-10' AS d, 1.25::DECIMAL(5,2) AS dec, NULL AS nothing, 'x' AS s, true AS b`,
    );
    expect(row).toEqual({ big: 42, huge: '9007199254740993', ts: '2026-11-10T08:00:00.000Z', d: '2026-11-10', dec: 1.25, nothing: null, s: 'x', b: true });
  });

  it('binds positional and named variables, passing only the names a statement uses', async () => {
    expect(await engine.query('SELECT count(*) AS n FROM units WHERE minutes > ? AND category = ?', [12, 'Plumbing'])).toEqual([{ n: 2 }]);
    const named = await engine.query('SELECT count(*) AS n FROM units WHERE category = $cat', { cat: 'Other', unused: 1 });
    expect(named).toEqual([{ n: 4 }]);
  });

  it('refuses a result over rowsLimit while streaming it, and returns one at the limit whole', async () => {
    // 3 million generated rows: refused after the first chunks, never materialised
    await expect(engine.query('SELECT range AS i FROM range(3000000)', [], { rowsLimit: 5000 })).rejects.toThrow(RowsLimitError);
    expect(await engine.query('SELECT range AS i FROM range(5000)', [], { rowsLimit: 5000 })).toHaveLength(5000);
    expect(await engine.query('SELECT count(*) AS n FROM units', [], { rowsLimit: 1 })).toEqual([{ n: 8 }]);
  });

  it('starts with a small memory limit and runs a statement that needs more again with the limit doubled', async () => {
    const small = await openDuckDb({ memoryMiB: 8, threads: 1 });
    try {
      // list() cannot spill to disk: 3 million values need more than 8 MiB
      expect(await small.query('SELECT length(list(i)) AS n FROM range(3000000) t(i)')).toEqual([{ n: 3000000 }]);
      const [{ m }] = await small.query(`SELECT current_setting('memory_limit') AS m`);
      expect(String(m)).not.toBe('8.0 MiB');
    } finally {
      await small.close();
    }
  });

  it('configures DuckDB’s jemalloc to return freed pages promptly, unless the environment already says otherwise', async () => {
    // Its effect, a peak RSS that stays flat from 1M to 10M rows, is measured by bench/pull.bench.mjs, not here.
    if (userJemallocConf === undefined) expect(process.env.DUCKDB_JE_MALLOC_CONF).toBe('dirty_decay_ms:0,muzzy_decay_ms:0,oversize_threshold:1048576');
    else expect(process.env.DUCKDB_JE_MALLOC_CONF).toBe(userJemallocConf);
  });

  it('treats a hostile bind value as data, not SQL', async () => {
    const rows = await engine.query('SELECT count(*) AS n FROM units WHERE category = $cat', { cat: "Other' OR '1'='1" });
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('names a missing bind variable and flags SQL mistakes as the user’s', async () => {
    await expect(engine.query('SELECT $nope AS x', { cat: 'a' })).rejects.toThrow(/\$nope has no value \(known: \$cat\)/);
    const err = await engine.query('SELEC 1').catch((e) => e);
    expect(err).toBeInstanceOf(SqlError);
    expect(err.userError).toBe(true);
    const missing = await engine.query('SELECT * FROM no_such_table').catch((e) => e);
    expect(missing.userError).toBe(true);
    expect(missing.message).toMatch(/no_such_table/);
  });
});
