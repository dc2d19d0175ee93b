// Process timing for bench/run.mjs: wall time of a whole child process and its peak RSS
// (/usr/bin/time -v when present), and the median / min / max of repeated runs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const TIME = existsSync('/usr/bin/time') && !process.env.BENCH_NO_TIME ? '/usr/bin/time' : undefined;

const PRELOAD = fileURLToPath(new URL('./peak-rss.cjs', import.meta.url));

/**
 * Runs `cmd args` once; returns wall ms, peak RSS in MB and stdout. Peak RSS comes from /usr/bin/time, or
 * without it from a preload that reports a Node child's own resource usage (undefined for other programs).
 */
export function runOnce(cmd, args, opts = {}) {
  const argv = TIME ? [TIME, ['-f', '__rss_kb=%M', cmd, ...args]] : [cmd, args];
  const env = { ...process.env, ...opts.env };
  if (!TIME && cmd === process.execPath) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PRELOAD)}`.trim();
  const start = performance.now();
  const r = spawnSync(argv[0], argv[1], { cwd: opts.cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - start;
  const m = [...(r.stderr ?? '').matchAll(/__rss_kb=(\d+)/g)].at(-1);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${(r.stderr ?? '').slice(-2000)}`);
  return { ms, rssMb: m ? Number(m[1]) / 1024 : undefined, stdout: r.stdout };
}

/** `iterations` measured samples after `warmup` unmeasured ones; `before` runs (untimed) before each. */
export function repeat(fn, { iterations, warmup, before }) {
  const samples = [];
  for (let i = 0; i < warmup + iterations; i++) {
    before?.();
    const s = fn();
    if (i >= warmup) samples.push(s);
  }
  return samples;
}

export function stats(values) {
  const v = values.filter((x) => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const mid = v.length >> 1;
  return { median: v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2, min: v[0], max: v[v.length - 1], n: v.length };
}

export function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism?.() ?? cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: os.totalmem() / 2 ** 30,
    node: process.version,
    load: os.loadavg(),
  };
}
