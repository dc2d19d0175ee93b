#!/usr/bin/env node
// Deterministic event tables for the quoting-workflow reference deck (a seeded PRNG; no Math.random, no clock).
//
//   node scripts/generate-quoting-data.mjs                      → decks/quoting-workflow/data/*.parquet
//   node scripts/generate-quoting-data.mjs --rows 1000000 --out /tmp/q   (benchmarks; never into the repo)
//
// The experiment: requests randomized 1:1 to control/treatment in blocks of two within a category (twins share
// their random draws: common random numbers, so the built-in effects show at their size instead of drowning in
// sampling noise while the intervals keep their honest width). Effects built in (treatment vs control):
//   TTFQ ×0.87 in the top-5 categories, ×0.93 in the long tail  → median ≈ −12% overall
//   7-day hire rate −0.12 pp top-5, −0.9 pp long tail            → ≈ −0.2 pp overall
//   support tickets ×1.015 top-5, ×1.06 long tail               → ≈ +3%
//   spam flags per quote ×1.01 top-5, ×1.05 long tail            → ≈ +2%
//   quotes per request ×1.04 top-5; refunds +0.2 pp top-5, +1.2 pp long tail; returning pros flat.
// The seed's quirks: 18% of quotes lack their variant (assignment logging began 7 days late, so the join
// recovers all but ≈6%); ≈2% duplicated quotes and ≈1% duplicated hires; support_tickets stale since Nov 12;
// a quarter of Seattle quotes stamped in Pacific time as if UTC (8 h early); 0.4% of requests lack a geo;
// ≈0.5% of support tickets point at requests outside the cohort.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HOUR = 3600e3;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 9, 19); // 2026-10-19, first request day
const COHORT_DAYS = 21; // requests 2026-10-19 .. 2026-11-08; outcomes followed to 2026-11-15
const DATA_END = Date.UTC(2026, 10, 16); // 2026-11-16T00:00Z, exclusive
const ASSIGNMENT_LOG_START = START + 7 * DAY; // a third of the requests have no assignment row
const SUPPORT_STALE_AT = Date.UTC(2026, 10, 12, 18); // support_tickets stopped loading here
const TOP5 = [
  // name, share, quotes λ, median TTFQ (min), 7-day hire p, median amount $, refund p, support λ, spam p
  ['Plumbing', 0.22, 3.6, 33, 0.115, 260, 0.045, 0.055, 0.054],
  ['Electrical', 0.16, 3.3, 42, 0.105, 310, 0.04, 0.05, 0.05],
  ['House Cleaning', 0.18, 3.8, 27, 0.125, 150, 0.05, 0.06, 0.058],
  ['Handyman', 0.15, 3.4, 37, 0.11, 190, 0.05, 0.055, 0.054],
  ['Local Moving', 0.11, 3.0, 52, 0.095, 520, 0.055, 0.07, 0.063],
];
const LONG_TAIL = ['Appliance Repair', 'Carpet Cleaning', 'Fence Installation', 'Gutter Cleaning', 'Interior Painting', 'Lawn Care', 'Pest Control', 'Piano Moving', 'Pool Service', 'Roofing', 'Tree Trimming', 'Window Washing'];
const OTHER = ['Other', 0.18, 2.2, 80, 0.075, 240, 0.085, 0.08, 0.09];
const GEOS = [['NYC', 0.2], ['LA', 0.15], ['CHI', 0.12], ['HOU', 0.1], ['SEA', 0.1], ['ATL', 0.11], ['PHX', 0.1], ['DEN', 0.12]];

/** sfc32: a small, well-tested 32-bit generator; seeded through splitmix32 so nearby seeds diverge. */
export function prng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

function tools(u) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const pick = (items) => {
    let x = u();
    for (const it of items) if ((x -= it[1]) < 0) return it;
    return items[items.length - 1];
  };
  return { normal, pick };
}

/** Poisson quantile at probability p (inverse CDF), so twins with one draw get counts ordered by λ. */
function poissonAt(p, lambda) {
  let k = 0, term = Math.exp(-lambda), cdf = term;
  while (p > cdf && k < 60) { k++; term *= lambda / k; cdf += term; }
  return k;
}

const ts = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

export function generate({ requests: target = 90_000, seed = 20261116 } = {}) {
  const u = prng(seed);
  const { normal, pick } = tools(u);
  const pros = {};
  const proCount = Math.max(60, Math.round(target / 15));
  const cats = [...TOP5, OTHER];
  for (let p = 1; p <= proCount; p++) (pros[pick(cats)[0]] ??= []).push(p);
  for (const c of cats) if (!pros[c[0]] || pros[c[0]].length === 0) pros[c[0]] = [1];
  const reqs = [];
  for (let i = 0; i < target / 2; i++) {
    const cat = pick(cats);
    const top5 = cat !== OTHER;
    const catName = top5 ? cat[0] : LONG_TAIL[Math.floor(u() * LONG_TAIL.length)];
    const base = START + Math.floor(u() * COHORT_DAYS * DAY);
    const shared = { uK: u(), z: normal(), gaps: Array.from({ length: 12 }, () => u()), spam: Array.from({ length: 12 }, () => u()), uHire: u(), hireDelay: u(), zAmount: normal(), uRefund: u(), uSupport: u() };
    const treatFirst = u() < 0.5;
    for (const twin of [0, 1]) {
      const arm = (twin === 0) === treatFirst ? 'treatment' : 'control';
      const t = arm === 'treatment';
      const created = Math.min(START + COHORT_DAYS * DAY - 1000, Math.max(START, base + Math.round((u() - 0.5) * 40 * 60e3)));
      const geo = u() < 0.004 ? null : pick(GEOS)[0];
      const z = t ? 0.97 * shared.z + 0.243 * normal() : shared.z;
      reqs.push({ created, cat, catName, top5, geo, arm, z, shared, twin });
    }
  }
  reqs.sort((a, b) => a.created - b.created || a.twin - b.twin);
  const out = { requests: [], assignments: [], quotes: [], hires: [], refunds: [], support_tickets: [], spam_flags: [], pro_activity: [] };
  let ticketId = 0;
  reqs.forEach((r, i) => {
    const id = i + 1;
    const [, , lambda, ttfqMedian, hireP, amountMedian, refundP, supportL, spamP] = r.cat;
    const t = r.arm === 'treatment';
    out.requests.push([id, ts(r.created), r.catName, r.geo]);
    if (r.created >= ASSIGNMENT_LOG_START) out.assignments.push([id, r.arm, ts(r.created - 1000)]);
    const k = poissonAt(r.shared.uK, lambda * (t && r.top5 ? 1.04 : 1));
    const ttfq = ttfqMedian * Math.exp(1.1 * r.z) * (t ? (r.top5 ? 0.87 : 0.93) : 1);
    const gapMean = (r.top5 ? 4 : 8) * HOUR;
    let at = r.created + ttfq * 60e3;
    const quoting = [];
    for (let j = 0; j < k; j++) {
      if (j > 0) at += -Math.log(1 - r.shared.gaps[j % 12]) * gapMean;
      if (at >= DATA_END) break;
      const pool = pros[r.cat[0]];
      const pro = pool[Math.floor(u() * pool.length)];
      if (quoting.includes(pro)) continue;
      quoting.push(pro);
      const variant = u() < 0.18 ? null : r.arm;
      const stamped = r.geo === 'SEA' && u() < 0.25 ? at - 8 * HOUR : at; // Pacific time written as UTC
      const row = [id, pro, ts(stamped), variant];
      out.quotes.push(row);
      if (u() < 0.02) out.quotes.push(row);
      if (r.shared.spam[j % 12] < spamP * (t ? (r.top5 ? 1.01 : 1.05) : 1)) out.spam_flags.push([id, pro, ts(at + 2 * HOUR), 'pattern']);
    }
    if (quoting.length > 0 && r.shared.uHire < hireP + (t ? (r.top5 ? -0.0012 : -0.009) : 0)) {
      const hiredAt = r.created + ttfq * 60e3 + r.shared.hireDelay * 6 * DAY;
      const amount = Math.round(amountMedian * Math.exp(0.6 * r.shared.zAmount) * 100) / 100;
      const row = [id, quoting[0], ts(hiredAt), amount];
      out.hires.push(row);
      if (u() < 0.01) out.hires.push(row);
      if (r.shared.uRefund < refundP + (t ? (r.top5 ? 0.002 : 0.012) : 0)) {
        out.refunds.push([id, ts(hiredAt + 3 * DAY), u() < 0.3 ? 'dispute' : 'refund']);
      }
    }
    const tickets = poissonAt(r.shared.uSupport, supportL * (t ? (r.top5 ? 1.015 : 1.06) : 1));
    for (let j = 0; j < tickets; j++) {
      const when = r.created + u() * 7 * DAY;
      if (when < SUPPORT_STALE_AT) out.support_tickets.push([++ticketId, id, ts(when), 'quote']);
    }
    if (u() < 0.0003) out.support_tickets.push([++ticketId, reqs.length + 1 + Math.floor(u() * 1000), ts(r.created + HOUR), 'billing']);
  });
  // Pro activity (sessions), independent of the arms: a daily rate and a churn day per pro.
  for (let p = 1; p <= proCount; p++) {
    const rate = 0.1 + 0.5 * u();
    const churn = START - 7 * DAY + -Math.log(1 - u()) * 45 * DAY;
    for (let day = START - 7 * DAY; day < DATA_END && day < churn; day += DAY) {
      if (u() < rate) out.pro_activity.push([p, ts(day + Math.floor(u() * DAY))]);
    }
  }
  return out;
}

const SCHEMAS = {
  requests: ['request_id BIGINT', 'created_at TIMESTAMP', 'category VARCHAR', 'geo VARCHAR'],
  assignments: ['request_id BIGINT', 'variant VARCHAR', 'assigned_at TIMESTAMP'],
  quotes: ['request_id BIGINT', 'pro_id BIGINT', 'quoted_at TIMESTAMP', 'variant VARCHAR'],
  hires: ['request_id BIGINT', 'pro_id BIGINT', 'hired_at TIMESTAMP', 'amount DOUBLE'],
  refunds: ['request_id BIGINT', 'refunded_at TIMESTAMP', 'kind VARCHAR'],
  support_tickets: ['ticket_id BIGINT', 'request_id BIGINT', 'created_at TIMESTAMP', 'topic VARCHAR'],
  spam_flags: ['request_id BIGINT', 'pro_id BIGINT', 'flagged_at TIMESTAMP', 'reason VARCHAR'],
  pro_activity: ['pro_id BIGINT', 'active_at TIMESTAMP'],
};

/** Writes each table as zstd Parquet through DuckDB (one thread, so the bytes are the same every run). */
export async function writeTables(tables, outDir) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  await mkdir(outDir, { recursive: true });
  const scratch = await mkdtemp(join(tmpdir(), 'gonogo-gen-'));
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  try {
    for (const [name, rows] of Object.entries(tables)) {
      const csv = join(scratch, `${name}.csv`);
      await writeFile(csv, rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'string' && /[",]/.test(v) ? `"${v}"` : v)).join(',')).join('\n') + '\n');
      const cols = SCHEMAS[name].map((c) => { const [n, ty] = c.split(' '); return `'${n}': '${ty}'`; }).join(', ');
      const file = join(outDir, `${name}.parquet`);
      await conn.run(`COPY (SELECT * FROM read_csv('${csv}', header = false, columns = {${cols}}, nullstr = '')) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
    }
  } finally {
    conn.closeSync();
    db.closeSync();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function main(argv) {
  const arg = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const rows = arg('--rows') ? Number(arg('--rows')) : undefined;
  const seed = arg('--seed') ? Number(arg('--seed')) : undefined;
  const repoData = join(root, 'decks/quoting-workflow/data');
  const outDir = resolve(arg('--out') ?? (rows ? join(tmpdir(), `gonogo-quoting-${rows}`) : repoData));
  if (rows && outDir.startsWith(root)) throw new Error('--rows writes large data: give --out outside the repository');
  const tables = generate({ ...(rows ? { requests: rows } : {}), ...(seed !== undefined ? { seed } : {}) });
  await writeTables(tables, outDir);
  const counts = Object.entries(tables).map(([n, r]) => `${n} ${r.length}`).join(', ');
  process.stdout.write(`wrote ${outDir}: ${counts}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
