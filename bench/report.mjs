// The benchmark table as Markdown, and BENCHMARKS.md around it (machine, date, command, load).

const fmt = (x, unit) => (x === undefined ? '—' : unit === 'ms' ? `${x.toFixed(0)} ms` : unit === '×' ? `${x.toFixed(2)}×` : `${x.toFixed(1)} ${unit}`);

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
    'Issue 17\'s targets, from the rows above:',
    '',
    targetsTable(rows),
    '',
  ].join('\n');
}

const MB = (x) => (x === undefined ? '—' : `${x.toFixed(0)} MB`);
const s = (ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);

/** Each target of issue 17 against the rows that measure it (met / missed / not measured). */
export function targetsTable(rows) {
  const find = (re) => rows.find((r) => !r.missing && re.test(r.name));
  const scale = rows.filter((r) => !r.missing && r.slides).sort((a, b) => a.slides - b.slides);
  const cold = find(/^build quoting-workflow, cold/);
  const ratio = find(/^rebuild quoting-workflow ÷ pandoc/);
  const rebuild = find(/^build quoting-workflow, rebuild/);
  const pandoc = find(/^pandoc out\/quoting-workflow/);
  const big = scale.at(-1);
  const small = scale[0];
  const perSlide = (r) => r.median / r.slides;
  const watch = find(/^gonogo watch, rebuild/);
  const p1 = find(/^pull 1M/);
  const p10 = find(/^pull 10M/);
  const first = find(/^first build after npm ci/);
  const later = find(/^later cold build/);
  const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? 'met' : 'missed');
  const lines = [
    ['rebuild after a title edit ≤ 1.0× pandoc (paired)', ratio && `${ratio.median.toFixed(2)}× (${s(rebuild?.median)} vs ${s(pandoc?.median)})`, ratio && ratio.median <= 1],
    ['cold build ≤ 1.0 s', cold && s(cold.median), cold && cold.median <= 1000],
    ['cold build ≤ 300 MB', cold && MB(cold.rssMb), cold && cold.rssMb <= 300],
    ['400 slides cold ≤ 8 s', big?.slides >= 300 ? `${s(big.median)} (${big.slides} slides)` : undefined, big?.slides >= 300 ? big.median <= 8000 : undefined],
    ['400 slides ≤ 500 MB peak RSS', big?.slides >= 300 ? MB(big.rssMb) : undefined, big?.slides >= 300 ? big.rssMb <= 500 : undefined],
    ['cost per slide flat or falling, 25 → 400', scale.length > 1 ? scale.map((r) => `${perSlide(r).toFixed(1)}`).join(' → ') + ' ms/slide' : undefined, scale.length > 1 && big.slides >= 300 ? perSlide(big) <= perSlide(small) * 1.05 : undefined],
    ['gonogo watch rebuild after a title edit ≤ 300 ms', watch && `${watch.median.toFixed(0)} ms`, watch && watch.median <= 300],
    ['10M pull peak RSS ≤ 600 MB', p10 && MB(p10.rssMb), p10 && p10.rssMb <= 600],
    ['pull RSS independent of rows: 10M within 20% of 1M', p1 && p10 && `${MB(p1.rssMb)} → ${MB(p10.rssMb)} (${((p10.rssMb / p1.rssMb - 1) * 100).toFixed(0)}%)`, p1 && p10 && p10.rssMb <= p1.rssMb * 1.2],
    ['first build after npm ci ≤ 1.5× a later cold build', first && later && `${(first.median / later.median).toFixed(2)}× (${s(first.median)} vs ${s(later.median)})`, first && later && first.median <= later.median * 1.5],
  ];
  return ['| Target | Measured | |', '|---|---|---|', ...lines.map(([t, m, ok]) => `| ${t} | ${m ?? '—'} | ${verdict(ok)} |`)].join('\n');
}
