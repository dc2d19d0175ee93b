// gonogo pull through main(): the lock is written on success and left byte-identical by a failed pull.
import { describe, expect, it } from 'vitest';
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
  it('writes the lock and prints plain progress lines off a terminal', async () => {
    const dir = await tempDeck({ 'gonogo.yaml': SPEC, 'data/units.csv': UNITS_CSV, 'queries/conv.sql': CONV });
    const io = fakeIo(dir);
    expect(await main(['pull', '.'], io)).toBe(0);
    expect(io.err).toBe(
      '[1/2] metric conv (queries/conv.sql): 2 rows\n' +
        '[2/2] check unique_units (uniqueness units): 1 row\n' +
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
    const json = fakeIo(dir);
    expect(await main(['pull', dir, '--json'], json)).toBe(0);
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

  it('exits 2 when the data folder is missing', async () => {
    const dir = await tempDeck({ 'gonogo.yaml': SPEC, 'queries/conv.sql': CONV });
    const io = fakeIo(dir);
    expect(await main(['pull', dir], io)).toBe(2);
    expect(io.err).toMatch(/the data folder does not exist/);
  });
});
