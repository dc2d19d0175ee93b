// The benchmark table as Markdown, and BENCHMARKS.md around it (machine, date, command, load).

const fmt = (x, unit) => (x === undefined ? '—' : unit === 'ms' ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ${unit}`);

export function formatTable(rows) {
  const lines = ['| Benchmark | Median | Min | Max | Peak RSS | Notes |', '|---|---:|---:|---:|---:|---|'];
  for (const r of rows) {
    if (r.missing) lines.push(`| ${r.name} | — | — | — | — | ${r.note} |`);
    else lines.push(`| ${r.name} | ${fmt(r.median, r.unit)} | ${fmt(r.min, r.unit)} | ${fmt(r.max, r.unit)} | ${r.rssMb === undefined ? '—' : `${r.rssMb.toFixed(0)} MB`} | ${r.note} |`);
  }
  return lines.join('\n');
}

export function writeReport({ rows, env, endLoad, started, command, plan }) {
  const load = (l) => l.map((x) => x.toFixed(2)).join(', ');
  return [
    `Command: \`${command}\` (bench/run.mjs). Each row: median of ${plan.iterations} runs after ${plan.warmup} warm-up run, with min and max.`,
    'Builds run as whole processes (`node bin/gonogo.js build DECK --json`) on copies of the decks in a temp folder;',
    'peak RSS is the child\'s maximum resident set size from `/usr/bin/time`.',
    '',
    `- Date: ${started.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${env.nproc} cores (nproc), ${env.cpu}, ${env.memoryGb.toFixed(1)} GiB memory`,
    `- Node: ${env.node}`,
    `- Load average (1, 5, 15 min): ${load(env.load)} at the start, ${load(endLoad)} at the end` +
      (env.load[0] > env.nproc * 0.5 ? ' — the machine was shared with other jobs, so times are noisy and pessimistic' : ''),
    '',
    formatTable(rows),
    '',
  ].join('\n');
}
