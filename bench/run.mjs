// npm run bench: every benchmark in one sitting, a table of median / min / max, written to BENCHMARKS.md.
//   node bench/run.mjs            full run: 5 samples after a warm-up, then BENCHMARKS.md is rewritten
//   node bench/run.mjs --quick    smoke (CI): 1 sample, no warm-up, no 10M pull, no 400-slide deck, no fresh clone;
//                                 prints only
// Builds run as whole processes through bin/gonogo.js on copies of the decks in a temp folder; pandoc runs on the
// outline each build wrote, paired with that build in the same sitting.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, repeat, runOnce, stats } from './measure.mjs';
import { generateDeck } from './gen-deck.mjs';
import { formatTable, targetsTable, writeReport } from './report.mjs';
import { makePullDeck, pullOnce } from './pull.bench.mjs';
import { rewordTitle, watchRebuilds } from './watch.bench.mjs';

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
const chartFiles = (dir) => (existsSync(join(dir, 'out', '.cache', 'charts')) ? readdirSync(join(dir, 'out', '.cache', 'charts')).length : 0);

/**
 * Cold build (no out/, no caches); then rebuilds in fresh processes, each after rewording the deck title (which
 * every slide's footer repeats; no chart changes), paired with pandoc on the outline that rebuild wrote. The pair's
 * order alternates, so a drift in the machine's load falls on both.
 */
function referenceDeck(name) {
  const dir = deckCopy(join(root, 'decks', name));
  const out = join(dir, 'out');
  log(`build ${name}: cold`);
  const cold = repeat(() => runOnce(node, buildArgs(dir)), { ...plan, before: () => rmSync(out, { recursive: true, force: true }) });
  const rows = [row(`build ${name}, cold (${slidesOf(cold[0])} slides)`, cold, { note: 'fresh process, no out/: no chart, width, bootstrap or part cache' })];
  log(`build ${name}: rebuild after a title edit${hasPandoc ? ', paired with pandoc' : ''}`);
  const charts = chartFiles(dir);
  const pandoc = () => runOnce('pandoc', [`${name}.md`, '-o', join(tmp, `${name}-pandoc.pptx`)], { cwd: out });
  const builds = [];
  const pandocs = [];
  for (let i = 0; i < plan.warmup + plan.iterations; i++) {
    rewordTitle(join(dir, 'gonogo.yaml'), i + 1);
    let b;
    let p;
    if (i % 2 === 0 || !hasPandoc) {
      b = runOnce(node, buildArgs(dir));
      if (hasPandoc) p = pandoc();
    } else {
      p = pandoc(); // the previous build's outline: the same deck less one word
      b = runOnce(node, buildArgs(dir));
    }
    if (i < plan.warmup) continue;
    builds.push(b);
    if (p) pandocs.push(p);
  }
  if (chartFiles(dir) !== charts) throw new Error(`${name}: a title edit drew charts again (${charts} → ${chartFiles(dir)} files)`);
  const rebuild = row(`build ${name}, rebuild after a title edit`, builds, { note: 'fresh process, charts unchanged (from out/.cache)' });
  rows.push(rebuild);
  if (!hasPandoc) return [...rows, missing(`pandoc ${name}.md → PPTX`, 'skipped: pandoc not found')];
  const anchor = row(`pandoc out/${name}.md → PPTX (peer anchor)`, pandocs, { note: 'the outline each rebuild wrote, paired with it' });
  const ratios = builds.map((b, i) => ({ ms: b.ms / pandocs[i].ms }));
  rows.push(anchor, { ...row(`rebuild ${name} ÷ pandoc, paired`, ratios, { unit: '×', note: 'median of the per-pair ratios' }), rssMb: undefined });
  rows[0].note += `; ${(rows[0].median / anchor.median).toFixed(2)}× pandoc`;
  return rows;
}

function scaling(slides) {
  const dir = join(tmp, `scale-${slides}`);
  generateDeck(dir, slides);
  log(`build generated deck of ~${slides} slides`);
  const samples = repeat(() => runOnce(node, buildArgs(dir)), { ...plan, before: () => rmSync(join(dir, 'out'), { recursive: true, force: true }) });
  const n = slidesOf(samples[0]);
  const r = row(`build generated deck, ${n} slides, cold`, samples);
  r.note = `${(r.median / n).toFixed(1)} ms/slide`;
  r.slides = n;
  return [r];
}

function charts() {
  log('charts');
  const samples = repeat(() => runOnce(node, [...tsx, join(root, 'bench', 'charts.bench.mjs')], { env: { ROUNDS: '1' } }), plan);
  const rate = (re) => (s) => Number(re.exec(s.stdout)?.[1]);
  return [
    row('charts, cold (first chart in a process)', samples, { unit: 'charts/s', value: rate(/^cold:.*→ ([\d.]+) charts\/s/m), note: 'imports + fonts + render' }),
    row('charts, warm (SVG + PNG, cache missed)', samples, { unit: 'charts/s', value: rate(/^warm:.*→ ([\d.]+) charts\/s/m), note: 'every fixture chart kind, on this thread' }),
  ];
}

/** `gonogo pull` as a command over generated event rows; data generated once, before the timed pulls. */
async function pull(rows) {
  const name = `pull ${rows / 1e6}M event rows (gonogo pull)`;
  log(`pull ${rows}: generating the data`);
  const { deckDir, rows: total } = await makePullDeck(rows);
  try {
    log(`pull ${rows}`);
    const samples = repeat(() => pullOnce(deckDir), plan);
    return [row(name, samples, { note: `${total.toLocaleString('en-US')} rows; the command in a fresh process, peak RSS its own` })];
  } finally {
    rmSync(deckDir, { recursive: true, force: true });
  }
}

function bootstrap() {
  log('bootstrap');
  const samples = repeat(() => runOnce(node, [...tsx, join(root, 'bench', 'bootstrap.bench.ts')], { env: { QUANTILES: '0.5' } }), plan);
  return [row('bootstrap CI, median diff, 2 × 1,000,000 values, 2,000 resamples', samples, { value: (s) => Number(/resamples: (\d+) ms/.exec(s.stdout)?.[1]), note: 'in-process time, counting the values included; RSS is the whole process' })];
}

/** The real `gonogo watch`: rebuild time it prints, and the latency from the file write to its line. */
async function watch() {
  const dir = deckCopy(join(root, 'decks', 'quoting-workflow'), 'watch-quoting-workflow');
  runOnce(node, buildArgs(dir)); // a deck that has been built before, as when a user starts watching
  log('gonogo watch: rebuilds after title edits');
  const all = await watchRebuilds(dir, plan.warmup + plan.iterations);
  const rebuilds = all.slice(plan.warmup);
  return [
    row('gonogo watch, rebuild after a title edit', rebuilds, { note: 'the time the command prints for the build' }),
    row('gonogo watch, title edit → rebuilt', rebuilds.map((r) => ({ ms: r.latencyMs })), { note: 'file write to the command’s line; includes its 150 ms debounce' }),
  ];
}

/**
 * A new user's first build: a fresh clone of this repository's HEAD, `npm ci`, then the first build of the reference
 * deck (nothing cached anywhere, not even V8's code cache), then later cold builds (no out/) in the same clone.
 */
function freshClone() {
  const clone = join(tmp, 'clone');
  log('fresh clone: git clone + npm ci');
  runOnce('git', ['clone', '--quiet', '--no-hardlinks', root, clone]);
  const ci = runOnce('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: clone });
  const deck = join(clone, 'decks', 'quoting-workflow');
  const build = () => runOnce(node, [join(clone, 'bin', 'gonogo.js'), 'build', deck, '--json']);
  const first = build();
  const later = repeat(build, { ...plan, warmup: 0, before: () => rmSync(join(deck, 'out'), { recursive: true, force: true }) });
  const laterRow = row('later cold build in that clone', later, { note: 'no out/; V8 code cache from the first run' });
  return [
    row('npm ci in a fresh clone', [ci], { note: 'dependencies, then the bundle (the prepare script)' }),
    { ...row('first build after npm ci (fresh clone)', [first]), note: `${(first.ms / laterRow.median).toFixed(2)}× a later cold build; V8 compiles the bundle and writes its code cache` },
    laterRow,
  ];
}

const benches = [
  () => referenceDeck('quoting-workflow'),
  () => referenceDeck('call-volume-pilot'),
  () => scaling(25),
  () => scaling(100),
  () => (quick ? [missing('build generated deck, 400 slides', 'skipped with --quick')] : scaling(400)),
  watch,
  charts,
  () => pull(1_000_000),
  () => (quick ? [missing('pull 10M event rows (gonogo pull)', 'skipped with --quick')] : pull(10_000_000)),
  bootstrap,
  () => (quick ? [missing('first build after npm ci (fresh clone)', 'skipped with --quick')] : freshClone()),
];

log(`bench: building the bundle`);
runOnce(node, [join(root, 'scripts', 'bundle.mjs')]);
const env = machine();
const started = new Date();
const rows = [];
try {
  for (const b of benches) rows.push(...(await b()));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const command = `npm run bench${quick ? ' -- --quick' : ''}`;
const table = formatTable(rows);
console.log(table);
console.log('\n' + targetsTable(rows));
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
