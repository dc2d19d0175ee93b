// Deck SQL is untrusted when `gonogo pull` runs in CI on a pull request: DuckDB may read the deck's data folder and
// the files metrics name, nothing else, and may write nothing. Every escape is exit 2 with a message naming the path,
// the last good lock stays, and nothing appears outside the deck.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { UNITS_CSV } from './helpers.js';

let root: string;
let outside: string;

function io(cwd: string): Io & { err: string } {
  const out = { err: '', cwd, env: { SOURCE_DATE_EPOCH: '1763596800' }, isTTY: false, stdout: () => {}, stderr: (t: string) => void (out.err += t) };
  return out;
}

const CONV = `SELECT arm, 'all' AS segment, count(*) AS n, sum(converted) AS successes FROM units WHERE arm IS NOT NULL GROUP BY arm`;

function spec(extra: { from?: string; source?: string } = {}): string {
  return `deck: { title: T, owner: O, date: 2026-11-20 }
decision: { question: Go?, options: [{ id: A, label: Go }] }
metrics:
  - { id: conv, label: Conversion, kind: proportion, unit: '%', better: higher, role: primary, from: ${extra.from ?? '{ sql_file: queries/conv.sql }'} }
criteria:
  go: { label: Go, all: [{ metric: conv, estimate: { at_least: 0 } }] }
source: { engine: duckdb${extra.source ?? ''} }
`;
}

/** A fresh deck with a good lock already pulled. */
async function deck(name: string): Promise<string> {
  const dir = join(root, name);
  mkdirSync(join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'queries'));
  writeFileSync(join(dir, 'gonogo.yaml'), spec());
  writeFileSync(join(dir, 'data', 'units.csv'), UNITS_CSV);
  writeFileSync(join(dir, 'queries', 'conv.sql'), CONV);
  expect(await main(['pull', dir], io(dir))).toBe(0);
  return dir;
}

/** Pull, expecting the refusal: exit 2, the path named, the lock as it was, nothing new outside the deck. */
async function refused(dir: string, path: RegExp): Promise<string> {
  const lock = readFileSync(join(dir, 'metrics.lock.json'));
  const before = readdirSync(outside).sort();
  const run = io(dir);
  expect(await main(['pull', dir], run), run.err).toBe(2);
  expect(run.err).toMatch(path);
  expect(run.err).not.toMatch(/internal error|at .*\.ts:\d+/);
  expect(readFileSync(join(dir, 'metrics.lock.json')).equals(lock)).toBe(true);
  expect(readdirSync(outside).sort()).toEqual(before);
  return run.err;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gonogo-sandbox-'));
  outside = join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.csv'), 'arm,segment,n,successes\ncontrol,all,1,1\ntreatment,all,1,1\n');
  writeFileSync(join(outside, 'secret.sql'), CONV);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the DuckDB sandbox', () => {
  it('refuses a symlinked sql_file that leads out of the deck', async () => {
    const dir = await deck('symlinked-sql');
    symlinkSync(join(outside, 'secret.sql'), join(dir, 'queries', 'leak.sql'));
    writeFileSync(join(dir, 'gonogo.yaml'), spec({ from: '{ sql_file: queries/leak.sql }' }));
    const err = await refused(dir, /SQL file queries\/leak\.sql is outside the deck folder .* \(it resolves to .*outside\/secret\.sql\)/);
    expect(err).toContain('field: metrics.conv.from.sql_file');
  });

  it('refuses data_dir: ../outside, and a data folder that is a link to elsewhere', async () => {
    const dir = await deck('data-dir');
    writeFileSync(join(dir, 'gonogo.yaml'), spec({ source: ', data_dir: ../outside' }));
    expect(await refused(dir, /data folder \.\.\/outside is outside the deck folder/)).toContain('field: source.data_dir');
    writeFileSync(join(dir, 'gonogo.yaml'), spec({ source: ', data_dir: linked' }));
    symlinkSync(outside, join(dir, 'linked'));
    await refused(dir, /data folder linked is outside the deck folder .* \(it resolves to .*\/outside\)/);
  });

  it('refuses a data file that is a link out of the data folder', async () => {
    const dir = await deck('data-link');
    symlinkSync(join(outside, 'secret.csv'), join(dir, 'data', 'leak.csv'));
    await refused(dir, /data file .*data\/leak\.csv is a link to .*outside\/secret\.csv, outside the data folder/);
  });

  it("refuses read_text('/etc/passwd') and a path climbing out of the data folder", async () => {
    const dir = await deck('read-text');
    writeFileSync(join(dir, 'queries', 'conv.sql'), `SELECT 'control' AS arm, 'all' AS segment, length(content) AS n, 1 AS successes FROM read_text('/etc/passwd')`);
    const err = await refused(dir, /queries\/conv\.sql: metric conv failed: reads \/etc\/passwd, outside the data folder/);
    expect(err).not.toContain('root:');
    writeFileSync(join(dir, 'queries', 'conv.sql'), `SELECT * FROM read_csv('${join(dir, 'data', '..', '..', 'outside', 'secret.csv')}')`);
    await refused(dir, /reads .*outside\/secret\.csv, outside the data folder/);
  });

  it("refuses COPY … TO '/tmp/x' and any other write, even into the data folder", async () => {
    const dir = await deck('copy');
    const target = join(outside, 'written.csv');
    writeFileSync(join(dir, 'gonogo.yaml'), spec({ source: ', setup: [queries/setup.sql]' }));
    writeFileSync(join(dir, 'queries', 'setup.sql'), `COPY (SELECT 1 AS x) TO '${target}';\n`);
    await refused(dir, new RegExp(`queries/setup\\.sql: setup failed: a COPY statement writes files \\(${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)`));
    writeFileSync(join(dir, 'queries', 'setup.sql'), `COPY (SELECT 1 AS x) TO '${join(dir, 'data', 'copy.csv')}';\n`);
    await refused(dir, /a COPY statement writes files/);
    expect(readdirSync(join(dir, 'data'))).toEqual(['units.csv']);
    writeFileSync(join(dir, 'queries', 'setup.sql'), `EXPORT DATABASE '${join(dir, 'data', 'x')}';\n`);
    await refused(dir, /an EXPORT statement writes files \(.*data\/x\)/);
    for (const statement of [`ATTACH '${join(outside, 'x.duckdb')}'`, `INSTALL httpfs`, `LOAD httpfs`, `PRAGMA enable_profiling`, `SET enable_external_access = true`, `SET allowed_directories = ['/']`]) {
      writeFileSync(join(dir, 'queries', 'setup.sql'), `${statement};\n`);
      await refused(dir, /queries\/setup\.sql: setup failed: /);
    }
    expect(readdirSync(join(dir, 'data'))).toEqual(['units.csv']);
  });

  it('still reads what the deck holds: the views, a data file by its full path, a metric file outside the data folder', async () => {
    const dir = await deck('allowed');
    writeFileSync(join(dir, 'queries', 'conv.sql'), `SELECT arm, 'all' AS segment, count(*) AS n, sum(converted) AS successes FROM read_csv('${join(dir, 'data', 'units.csv')}') WHERE arm IS NOT NULL GROUP BY arm`);
    expect(await main(['pull', dir], io(dir))).toBe(0);
    mkdirSync(join(dir, 'exports'));
    writeFileSync(join(dir, 'exports', 'conv.csv'), 'arm,segment,n,successes\ncontrol,all,10,4\ntreatment,all,10,6\n');
    writeFileSync(join(dir, 'gonogo.yaml'), spec({ from: '{ file: exports/conv.csv }' }));
    expect(await main(['pull', dir], io(dir))).toBe(0);
    const lock = JSON.parse(readFileSync(join(dir, 'metrics.lock.json'), 'utf8'));
    expect(lock.metrics.conv.rows).toEqual([
      { metric: 'conv', arm: 'control', segment: 'all', n: 10, successes: 4 },
      { metric: 'conv', arm: 'treatment', segment: 'all', n: 10, successes: 6 },
    ]);
  });
});
