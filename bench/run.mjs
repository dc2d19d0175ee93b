// npm run bench: every benchmark in one sitting, a table of median / min / max, written to BENCHMARKS.md.
//   node bench/run.mjs            full run: 5 samples after a warm-up, then BENCHMARKS.md is rewritten
//   node bench/run.mjs --quick    smoke (CI): 1 sample, no warm-up, no 10M pull, no 400-slide deck; prints only
// Builds run as whole processes through bin/gonogo.js on copies of the decks in a temp folder.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, repeat, runOnce, stats } from './measure.mjs';
import { generateDeck } from './gen-deck.mjs';
import { formatTable, writeReport } from './report.mjs';

const START = '<!-- bench:start (written by npm run bench) -->';
const END = '<!-- bench:end -->';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const plan = { iterations: quick ? 1 : 5, warmup: quick ? 0 : 1 };
const tmp = mkdtempSync(join(tmpdir(), 'gonogo-bench-'));
const node = process.execPath;
const gonogo = join(root, 'bin', 'gonogo.js');
const tsx = ['--import', 'tsx'];
const hasPandoc = runOk('pandoc', ['--version']);

function runOk(cmd, args) {
  try {
    runOnce(cmd, args);
    return true;
  } catch {
    return false;
  }
}

function log(msg) {
  process.stderr.write(msg + '\n');
}

/** One table row from samples of {ms, rssMb}; `value` picks what the row reports. */
function row(name, samples, opts = {}) {
  const value = opts.value ?? ((s) => s.ms);
  return { name, unit: opts.unit ?? 'ms', ...stats(samples.map(value)), rssMb: stats(samples.map((s) => s.rssMb))?.median, note: opts.note ?? '' };
}

function missing(name, note) {
  return { name, note, missing: true };
}

function deckCopy(src, name = basename(src)) {
  const dir = join(tmp, name);
  const out = join(src, 'out');
  cpSync(src, dir, { recursive: true, filter: (p) => p !== out && !p.startsWith(out + sep) });
  return dir;
}

const buildArgs = (dir) => [gonogo, 'build', dir, '--json'];
const slidesOf = (s) => JSON.parse(s.stdout).slides;

/** Cold build (no out/, no chart cache), rebuild in a fresh process with the chart cache, pandoc on the outline. */
function referenceDeck(name) {
  const dir = deckCopy(join(root, 'decks', name));
  const out = join(dir, 'out');
  log(`build ${name}: cold`);
  const cold = repeat(() => runOnce(node, buildArgs(dir)), { ...plan, before: () => rmSync(out, { recursive: true, force: true }) });
  log(`build ${name}: rebuild, chart cache warm`);
  const warm = repeat(() => runOnce(node, buildArgs(dir)), plan);
  const rows = [
    row(`build ${name}, cold (${slidesOf(cold[0])} slides)`, cold, { note: 'fresh process, no out/ and no chart cache' }),
    row(`build ${name}, rebuild`, warm, { note: 'fresh process, charts from out/.cache' }),
  ];
  if (!hasPandoc) return [...rows, missing(`pandoc ${name}.md → PPTX`, 'skipped: pandoc not found')];
  log(`pandoc ${name}`);
  const pandoc = repeat(() => runOnce('pandoc', [`${name}.md`, '-o', join(tmp, `${name}-pandoc.pptx`)], { cwd: out }), plan);
  const p = stats(pandoc.map((s) => s.ms)).median;
  const ratio = (r) => `${(r.median / p).toFixed(2)}× pandoc`;
  rows[0].note += `; ${ratio(rows[0])}`;
  rows[1].note += `; ${ratio(rows[1])}`;
  rows.push(row(`pandoc out/${name}.md → PPTX (peer anchor)`, pandoc, { note: 'same outline, same run' }));
  return rows;
}

function scaling(slides) {
  const dir = join(tmp, `scale-${slides}`);
  generateDeck(dir, slides);
  log(`build generated deck of ~${slides} slides`);
  const samples = repeat(() => runOnce(node, buildArgs(dir)), { ...plan, before: () => rmSync(join(dir, 'out'), { recursive: true, force: true }) });
  const n = slidesOf(samples[0]);
  const r = row(`build generated deck, ${n} slides, cold`, samples);
  r.note = `${(r.median / n).toFixed(0)} ms/slide`;
  return [r];
}

function charts() {
  log('charts');
  const samples = repeat(() => runOnce(node, [...tsx, join(root, 'bench', 'charts.bench.mjs')], { env: { ROUNDS: '1' } }), plan);
  const rate = (re) => (s) => Number(re.exec(s.stdout)?.[1]);
  return [
    row('charts, cold (first chart in a process)', samples, { unit: 'charts/s', value: rate(/^cold:.*→ ([\d.]+) charts\/s/m), note: 'imports + fonts + render' }),
    row('charts, warm (SVG + PNG, cache missed)', samples, { unit: 'charts/s', value: rate(/^warm:.*→ ([\d.]+) charts\/s/m), note: 'every fixture chart kind' }),
  ];
}

/**
 * Pull: bench/pull.bench.mjs (written with `gonogo pull`) is run as `node bench/pull.bench.mjs --rows N`;
 * if its last stdout line is JSON with `ms`, that is the row's time, else the process wall time.
 */
function pull(rows) {
  const script = join(root, 'bench', 'pull.bench.mjs');
  const name = `pull ${rows / 1e6}M event rows through DuckDB`;
  if (!existsSync(script)) return [missing(name, 'not yet available: bench/pull.bench.mjs is not on this branch')];
  log(`pull ${rows}`);
  const samples = repeat(() => runOnce(node, [...tsx, script, '--rows', String(rows)], { cwd: root }), plan).map((s) => {
    // the bench prints the pull's own time and peak memory last (generating the data is not the pull)
    try {
      const own = JSON.parse(s.stdout.trim().split('\n').at(-1));
      return { ...s, ms: own.ms ?? s.ms, rssMb: own.peakRssMiB ?? s.rssMb };
    } catch {
      return s;
    }
  });
  return [row(name, samples, { note: 'the pull process alone (data generated first, not timed)' })];
}

function bootstrap() {
  log('bootstrap');
  const samples = repeat(() => runOnce(node, [...tsx, join(root, 'bench', 'bootstrap.bench.ts')], { env: { QUANTILES: '0.5' } }), plan);
  return [row('bootstrap CI, median diff, 2 × 1,000,000 values, 2,000 resamples', samples, { value: (s) => Number(/resamples: (\d+) ms/.exec(s.stdout)?.[1]), note: 'in-process time; RSS is the whole process' })];
}

function watch() {
  const dir = deckCopy(join(root, 'decks', 'quoting-workflow'), 'watch-quoting-workflow');
  log('watch rebuild (emulated)');
  const r = runOnce(node, [join(root, 'bench', 'watch.bench.mjs'), dir, String(plan.warmup + plan.iterations)]);
  const times = JSON.parse(r.stdout).rebuilds.slice(plan.warmup).map((ms) => ({ ms }));
  return [row('watch-mode rebuild of quoting-workflow (emulated)', times, { note: 'build() again in the same process, charts unchanged' })];
}

const benches = [
  () => referenceDeck('quoting-workflow'),
  () => referenceDeck('call-volume-pilot'),
  () => scaling(25),
  () => scaling(100),
  () => (quick ? [missing('build generated deck, 400 slides', 'skipped with --quick')] : scaling(400)),
  charts,
  () => pull(1_000_000),
  () => (quick ? [missing('pull 10M event rows through DuckDB', 'skipped with --quick')] : pull(10_000_000)),
  bootstrap,
  watch,
];

log(`bench: building the bundle`);
runOnce(node, [join(root, 'scripts', 'bundle.mjs')]);
const env = machine();
const started = new Date();
const rows = [];
try {
  for (const b of benches) rows.push(...b());
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const command = `npm run bench${quick ? ' -- --quick' : ''}`;
const table = formatTable(rows);
console.log(table);
console.log(`load average at the end: ${machine().load.map((x) => x.toFixed(2)).join(', ')}`);
if (!quick) {
  // Only the measured part between the markers is replaced; the analysis around it is kept.
  const file = join(root, 'BENCHMARKS.md');
  const measured = `${START}\n${writeReport({ rows, env, endLoad: machine().load, started, command, plan })}${END}`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = old.indexOf(START);
  const end = old.indexOf(END);
  writeFileSync(file, at >= 0 && end > at ? old.slice(0, at) + measured + old.slice(end + END.length) : `# Benchmarks\n\n${measured}\n`);
  log('wrote BENCHMARKS.md');
}
