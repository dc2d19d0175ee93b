#!/usr/bin/env node
// Benchmark: pull the reference deck's 11 metric queries and 10 quality checks over 1M and 10M generated
// event rows. Data is made by DuckDB itself (range() and hash(); no randomness, so the same rows each run) in a
// temp folder; each pull runs in a child process so its peak RSS is its own. Target: 10M rows in under 10 s.
//
//   node --import tsx bench/pull.bench.mjs [--sizes 1000000,10000000 | --rows N] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };

if (args[0] === '--child') {
  // The pull itself, timed from spec to snapshot (the lock is not written: that is the CLI's job).
  const deckDir = args[1];
  const { readFile } = await import('node:fs/promises');
  const { parseSpecText } = await import('../src/spec/load.ts');
  const { pullMetrics } = await import('../src/sources/pull.ts');
  const { stableStringify } = await import('../src/sources/stable-json.ts');
  const t0 = performance.now();
  const { spec } = parseSpecText(await readFile(join(deckDir, 'gonogo.yaml'), 'utf8'), 'gonogo.yaml', deckDir);
  const steps = [];
  const { openDuckDb } = await import('../src/sources/duckdb.ts');
  const engine = await openDuckDb({ dataDir: join(deckDir, 'data'), materialize: process.env.BENCH_MATERIALIZE === '1' });
  const { lock, snapshot } = await pullMetrics(spec, deckDir, {
    engine,
    pulledAt: '2026-11-16T06:00:00Z',
    onProgress: (e) => e.type === 'done' && steps.push([e.id, Math.round(e.ms)]),
  });
  const ms = performance.now() - t0;
  await engine.close();
  const lockBytes = Buffer.byteLength(stableStringify(lock));
  // quantile metrics are held as (value, count) pairs: their number, not the units, is what Node keeps
  const pairs = snapshot.rows.reduce((s, r) => s + (r.value_counts?.length ?? 0), 0);
  const use = process.resourceUsage();
  const cpuS = (use.userCPUTime + use.systemCPUTime) / 1e6;
  process.stdout.write(JSON.stringify({ ms, cpuS, maxRssMiB: use.maxRSS / 1024, steps, lockBytes, pairs }) + '\n');
  process.exit(0);
}

/** Tables shaped like the reference deck's, N event rows in all. */
async function generate(n, dir) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  // Shares of the N rows: requests 15%, assignments 10%, quotes 55%, pro activity 15%, the small tables the rest.
  const R = Math.round(n * 0.15);
  const Q = Math.round(n * 0.55);
  const P = Math.max(100, Math.round(R / 15)); // pros
  const sql = [
    `CREATE MACRO u(x, s) AS (hash(x, s) % 1000003) / 1000003.0`,
    `CREATE MACRO created(i) AS TIMESTAMP '2026-10-19 00:00:00' + to_seconds((i * 1814400 // ${R})::BIGINT)`,
    `CREATE MACRO arm(i) AS CASE WHEN hash(i, 3) % 2 = 0 THEN 'control' ELSE 'treatment' END`,
    `CREATE MACRO category(i) AS ['Plumbing', 'Electrical', 'House Cleaning', 'Handyman', 'Local Moving', 'Pest Control'][(1 + hash(i, 1) % 6)::BIGINT]`,
    `COPY (SELECT i AS request_id, created(i) AS created_at, category(i) AS category,
            ['NYC', 'LA', 'CHI', 'HOU', 'SEA', 'ATL', 'PHX', 'DEN'][(1 + hash(i, 2) % 8)::BIGINT] AS geo
          FROM range(1, ${R + 1}) t(i)) TO '${dir}/requests.parquet'`,
    `COPY (SELECT i AS request_id, arm(i) AS variant, created(i) - INTERVAL 1 SECOND AS assigned_at
          FROM range(${Math.round(R / 3)}, ${R + 1}) t(i)) TO '${dir}/assignments.parquet'`,
    `COPY (SELECT r AS request_id, (1 + hash(j, 4) % ${P})::BIGINT AS pro_id,
            created(r) + to_seconds((60 * 40 * -ln(1 - u(j, 5)) * CASE WHEN arm(r) = 'treatment' THEN 0.88 ELSE 1 END)::BIGINT) AS quoted_at,
            CASE WHEN u(j, 6) < 0.18 THEN NULL ELSE arm(r) END AS variant
          FROM (SELECT j, 1 + j % ${R} AS r FROM range(${Q}) t(j))) TO '${dir}/quotes.parquet'`,
    `COPY (SELECT i AS request_id, (1 + hash(i, 7) % ${P})::BIGINT AS pro_id, created(i) + to_seconds((u(i, 8) * 518400)::BIGINT) AS hired_at,
            round(100 + 400 * u(i, 9), 2) AS amount
          FROM range(1, ${R + 1}) t(i) WHERE u(i, 10) < 0.1) TO '${dir}/hires.parquet'`,
    `COPY (SELECT i AS request_id, created(i) + INTERVAL 3 DAY AS refunded_at, 'refund' AS kind
          FROM range(1, ${R + 1}) t(i) WHERE u(i, 10) < 0.005) TO '${dir}/refunds.parquet'`,
    `COPY (SELECT j AS ticket_id, r AS request_id, created(r) + INTERVAL 5 HOUR AS created_at, 'quote' AS topic
          FROM (SELECT j, (1 + hash(j, 11) % ${R})::BIGINT AS r FROM range(${Math.round(R * 0.06)}) t(j))) TO '${dir}/support_tickets.parquet'`,
    `COPY (SELECT r AS request_id, (1 + hash(j, 4) % ${P})::BIGINT AS pro_id, created(r) + INTERVAL 2 HOUR AS flagged_at, 'pattern' AS reason
          FROM (SELECT j, 1 + j % ${R} AS r FROM range(${Q}) t(j) WHERE u(j, 12) < 0.013)) TO '${dir}/spam_flags.parquet'`,
    `COPY (SELECT (1 + hash(j, 13) % ${P})::BIGINT AS pro_id, TIMESTAMP '2026-10-12 00:00:00' + to_seconds((u(j, 14) * 2916000)::BIGINT) AS active_at
          FROM range(${Math.round(n * 0.15)}) t(j)) TO '${dir}/pro_activity.parquet'`,
  ];
  for (const s of sql) await c.run(s);
  const [[rows]] = (await c.runAndReadAll(`SELECT sum(num_rows)::BIGINT FROM parquet_file_metadata('${dir}/*.parquet')`)).getRows();
  c.closeSync();
  db.closeSync();
  return Number(rows);
}

const sizes = (arg('--sizes') ?? arg('--rows') ?? '1000000,10000000').split(',').map(Number);
const results = [];
for (const n of sizes) {
  const deckDir = await mkdtemp(join(tmpdir(), `gonogo-bench-${n}-`));
  await mkdir(join(deckDir, 'data'));
  const tg = performance.now();
  const total = await generate(n, join(deckDir, 'data'));
  const genMs = performance.now() - tg;
  await symlink(join(root, 'decks/quoting-workflow/queries'), join(deckDir, 'queries'));
  await copyFile(join(root, 'test/sources/fixtures/quoting-workflow.yaml'), join(deckDir, 'gonogo.yaml'));
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', deckDir], { encoding: 'utf8', cwd: root });
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    process.exit(1);
  }
  const r = JSON.parse(child.stdout.trim().split('\n').pop());
  results.push({ rows: total, generate_s: +(genMs / 1000).toFixed(2), pull_s: +(r.ms / 1000).toFixed(2), cpu_s: +r.cpuS.toFixed(2), peak_rss_mib: Math.round(r.maxRssMiB), lock_kib: Math.round(r.lockBytes / 1024), quantile_pairs: r.pairs });
  process.stderr.write(`${total.toLocaleString('en-US')} rows: pull ${(r.ms / 1000).toFixed(2)} s (CPU ${r.cpuS.toFixed(1)} s), peak RSS ${Math.round(r.maxRssMiB)} MiB; slowest: ${r.steps.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id, ms]) => `${id} ${ms} ms`).join(', ')}\n`);
  if (!args.includes('--keep')) await rm(deckDir, { recursive: true, force: true });
}
console.table(results);
// last line for bench/run.mjs: the pull's own time and peak memory (not the data generation)
const last = results.at(-1);
process.stdout.write(JSON.stringify({ ms: last.pull_s * 1000, peakRssMiB: last.peak_rss_mib }) + '\n');
const ten = results.find((r) => r.rows >= 9_000_000);
if (ten && ten.pull_s >= 10) process.stderr.write(`over target: 10M rows took ${ten.pull_s} s (target < 10 s)\n`);
