#!/usr/bin/env node
// Benchmark: `gonogo pull` of the reference deck's 11 metric queries and 10 quality checks over generated event
// rows (1M and 10M). Data is made by DuckDB itself (range() and hash(); no randomness, so the same rows each run)
// in a temp deck folder, then the real command runs in a child process (`node bin/gonogo.js pull DECK --json`),
// so its wall time and peak RSS are the command's own. bench/run.mjs uses makePullDeck() and times the pulls.
//
//   node bench/pull.bench.mjs [--sizes 1000000,10000000 | --rows N] [--keep]
import { mkdtemp, mkdir, rm, cp, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runOnce } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

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

/** A deck folder with the reference deck's metrics and source over about `n` generated event rows; returns its path and row count. */
export async function makePullDeck(n) {
  const deckDir = await mkdtemp(join(tmpdir(), `gonogo-bench-pull-${n}-`));
  await mkdir(join(deckDir, 'data'));
  const rows = await generate(n, join(deckDir, 'data'));
  // copied, not linked: the pull reads only SQL inside the deck folder
  await cp(join(root, 'decks/quoting-workflow/queries'), join(deckDir, 'queries'), { recursive: true });
  await copyFile(join(root, 'test/sources/fixtures/quoting-workflow.yaml'), join(deckDir, 'gonogo.yaml'));
  return { deckDir, rows };
}

/** One `gonogo pull` in a fresh process: wall ms, peak RSS (MB) and the command's own summary. */
export function pullOnce(deckDir) {
  const r = runOnce(process.execPath, [join(root, 'bin', 'gonogo.js'), 'pull', deckDir, '--json']);
  return { ...r, summary: JSON.parse(r.stdout) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const arg = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const sizes = (arg('--sizes') ?? arg('--rows') ?? '1000000,10000000').split(',').map(Number);
  const results = [];
  for (const n of sizes) {
    const tg = performance.now();
    const { deckDir, rows } = await makePullDeck(n);
    const genMs = performance.now() - tg;
    const r = pullOnce(deckDir);
    results.push({ rows, generate_s: +(genMs / 1000).toFixed(2), pull_s: +(r.ms / 1000).toFixed(2), peak_rss_mib: r.rssMb === undefined ? undefined : Math.round(r.rssMb), deck: args.includes('--keep') ? deckDir : undefined });
    if (!args.includes('--keep')) await rm(deckDir, { recursive: true, force: true });
  }
  console.table(results);
}
