// gonogo pull through main(): the lock is written on success and left byte-identical by a failed pull.
import { describe, expect, it, vi } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { tempDeck, UNITS_CSV } from './helpers.js';

const SPEC = `deck: { title: T, owner: O, date: 2026-11-20 }
decision: { question: Go?, options: [{ id: A, label: Go }] }
metrics:
  - { id: conv, label: Conversion, kind: proportion, unit: '%', better: higher, role: primary, from: { sql_file: queries/conv.sql } }
criteria:
  go: { label: Go, all: [{ metric: conv, estimate: { at_least: 0 } }] }
source:
  engine: duckdb
  checks: [{ id: unique_units, kind: uniqueness, table: units, keys: [unit_id], max_duplicate_share: 0 }]
`;
const CONV = `SELECT arm, 'all' AS segment, count(*) AS n, sum(converted) AS successes FROM units WHERE arm IS NOT NULL GROUP BY arm`;

function fakeIo(cwd: string, isTTY = false): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    env: { SOURCE_DATE_EPOCH: '1763596800' },
    isTTY,
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

describe('gonogo pull', () => {
  it('writes the lock and, off a terminal (piped, CI logs), prints results without per-query progress', async () => {
    const dir = await tempDeck({ 'gonogo.yaml': SPEC, 'data/units.csv': UNITS_CSV, 'queries/conv.sql': CONV });
    const io = fakeIo(dir);
    expect(await main(['pull', '.'], io)).toBe(0);
    expect(io.err).toBe(
      'ok    unique_units: units: 0 of 8 rows repeat a key (unit_id): 0.0% (limit 0.0%)\n' +
        'wrote metrics.lock.json: 1 metric, 1 quality check\n',
    );
    const lock = JSON.parse(await readFile(join(dir, 'metrics.lock.json'), 'utf8'));
    expect(lock.pulledAt).toBe('2025-11-20T00:00:00Z');
    expect(lock.metrics.conv.rows).toEqual([
      { metric: 'conv', arm: 'control', segment: 'all', n: 4, successes: 2 },
      { metric: 'conv', arm: 'treatment', segment: 'all', n: 3, successes: 2 },
    ]);
  });

  it('shows elapsed time per query on a terminal and a JSON summary with --json', async () => {
    const dir = await tempDeck({ 'gonogo.yaml': SPEC, 'data/units.csv': UNITS_CSV, 'queries/conv.sql': CONV });
    const tty = fakeIo(dir, true);
    expect(await main(['pull', dir], tty)).toBe(0);
    expect(tty.err).toMatch(/\r\x1b\[2K\[1\/2\] metric conv \(queries\/conv\.sql\): 2 rows in \d+\.\d\d s\n/);
    expect(tty.err).toMatch(/\r\x1b\[2K\[2\/2\] check unique_units \(uniqueness units\) …/);
    // --json on a terminal: the summary on stdout and nothing on stderr
    const json = fakeIo(dir, true);
    expect(await main(['pull', dir, '--json'], json)).toBe(0);
    expect(json.err).toBe('');
    const summary = JSON.parse(json.out);
    expect(summary.metrics.conv).toMatchObject({ rows: 2 });
    expect(summary.quality).toEqual([{ id: 'unique_units', status: 'pass', value: 0, message: expect.stringContaining('0 of 8') }]);
  });

  it('exits 2 naming the SQL file and keeps the previous lock byte for byte', async () => {
    const dir = await tempDeck({ 'gonogo.yaml': SPEC, 'data/units.csv': UNITS_CSV, 'queries/conv.sql': CONV });
    expect(await main(['pull', dir], fakeIo(dir))).toBe(0);
    const before = await readFile(join(dir, 'metrics.lock.json'));
    await writeFile(join(dir, 'queries/conv.sql'), 'SELECT arm, count(*) AS n FROM no_such_table GROUP BY arm');
    const io = fakeIo(dir);
    expect(await main(['pull', dir], io)).toBe(2);
    expect(io.err).toMatch(/queries\/conv\.sql: metric conv failed: Catalog Error: Table with name no_such_table does not exist/);
    expect(io.err).toMatch(/hint: fix queries\/conv\.sql; the previous metrics\.lock\.json is kept/);
    expect(await readFile(join(dir, 'metrics.lock.json'))).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(['data', 'gonogo.yaml', 'metrics.lock.json', 'queries']);
  });

  it('interrupts a DuckDB query at --timeout: exit 3 naming the query, the lock kept', async () => {
    const dir = await tempDeck({ 'gonogo.yaml': SPEC, 'data/units.csv': UNITS_CSV, 'queries/conv.sql': CONV });
    expect(await main(['pull', dir], fakeIo(dir))).toBe(0);
    const before = await readFile(join(dir, 'metrics.lock.json'));
    await writeFile(join(dir, 'queries/conv.sql'), `SELECT 'control' AS arm, 'all' AS segment, count(*) AS n, 0 AS successes FROM range(1000000000000)`);
    const io = fakeIo(dir);
    // range(10^12) would run for hours: the test finishing at all shows the interrupt
    expect(await main(['pull', dir, '--timeout', '0.5'], io)).toBe(3);
    expect(io.err).toMatch(/queries\/conv\.sql: metric conv failed: DuckDB did not finish the query within 0\.5 s/);
    expect(io.err).toMatch(/hint: narrow the query .* --timeout SECONDS or source\.timeout/);
    expect(await readFile(join(dir, 'metrics.lock.json'))).toEqual(before);
    const bad = fakeIo(dir);
    expect(await main(['pull', dir, '--timeout', '-1'], bad)).toBe(2);
    expect(bad.err).toMatch(/--timeout must be a positive number of seconds, got -1/);
  });

  it('exits 2 when the data folder is missing', async () => {
    const dir = await tempDeck({ 'gonogo.yaml': SPEC, 'queries/conv.sql': CONV });
    const io = fakeIo(dir);
    expect(await main(['pull', dir], io)).toBe(2);
    expect(io.err).toMatch(/the data folder does not exist/);
  });
});

describe('pull progress on a terminal', () => {
  it('ticks the seconds a long query has been running, and clears an unfinished line before an error', async () => {
    const { progressPrinter } = await import('../../src/cli/pull.js');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    try {
      const io = fakeIo('/', true);
      const p = progressPrinter(io, false);
      p.onProgress({ type: 'start', step: 'metric', id: 'conv', label: 'queries/conv.sql', index: 0, total: 2 });
      vi.advanceTimersByTime(3000);
      expect(io.err).toMatch(/\[1\/2\] metric conv \(queries\/conv\.sql\) … 3 s$/);
      p.onProgress({ type: 'done', step: 'metric', id: 'conv', label: 'queries/conv.sql', index: 0, total: 2, rows: 2, ms: 3000 });
      expect(io.err.endsWith('\r\x1b[2K[1/2] metric conv (queries/conv.sql): 2 rows in 3.00 s\n')).toBe(true);
      p.onProgress({ type: 'start', step: 'check', id: 'u', label: 'uniqueness units', index: 1, total: 2 });
      p.stop();
      expect(io.err.endsWith('\r\x1b[2K')).toBe(true);
      const before = io.err;
      vi.advanceTimersByTime(5000);
      expect(io.err).toBe(before);
    } finally {
      vi.useRealTimers();
    }
  });

  it('prints nothing piped or with --json', async () => {
    const { progressPrinter } = await import('../../src/cli/pull.js');
    for (const [tty, json] of [[false, false], [true, true]] as const) {
      const io = fakeIo('/', tty);
      const p = progressPrinter(io, json);
      p.onProgress({ type: 'start', step: 'metric', id: 'conv', label: 'x', index: 0, total: 1 });
      p.onProgress({ type: 'done', step: 'metric', id: 'conv', label: 'x', index: 0, total: 1, rows: 1, ms: 5 });
      p.stop();
      expect(io.err).toBe('');
    }
  });
});
