// gonogo build: the pipeline to the end — layout, charts, render — then every output written atomically.
// Everything is rendered in memory before the first write, so a failed build leaves the last good output.
import { basename, join, relative } from 'node:path';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { runUntil, type PipelineOptions } from './pipeline.js';
import { resolveSpecPath } from './spec/load.js';
import { defaultTheme } from './deck/theme.js';
import { layoutDeck } from './layout/layout.js';
import { loadWidthCache, saveWidthCache } from './layout/measure.js';
import { loadPageCache, savePageCache } from './layout/page-cache.js';
import { loadBootstrapMemo, saveBootstrapMemo } from './stats/bootstrap-memo.js';
import { deckTimestamp, renderPptx } from './render/pptx/render.js';
import { FileDeflateCache } from './render/pptx/deflate-cache.js';
import { renderMarkdown } from './render/markdown.js';
import { prepareOutputDir, writeOutputs, type OutputFile } from './render/write.js';
import { cachedChart, drawChart, type RenderedChart } from './charts/render.js';
import { chartPool, endChartPool, existingChartPool } from './charts/pool.js';
import { chartSpecFiles } from './charts/write.js';
import type { ChartSpec, Deck } from './deck/types.js';
import type { Decision } from './decide/types.js';
import { errorDiag, GonogoError, type Diagnostic } from './diagnostics.js';
import { checkpointNameProblem, historyWith, HISTORY_FILE, stableJson } from './review/history.js';
import { checkpointFrom } from './decide/checkpoint.js';

export interface BuildOptions extends PipelineOptions {
  outDir?: string;
  /** Environment: SOURCE_DATE_EPOCH sets the files' timestamps (default: the spec's date). */
  env?: NodeJS.ProcessEnv;
  /** Rendered charts by content hash (default: <out>/.cache/charts); output bytes are the same with or without. */
  chartCacheDir?: string;
  /** Worker threads drawing charts: 0 draws them on this thread; default chosen by how many charts need drawing. */
  chartThreads?: number;
  /**
   * End the chart-drawing threads once every chart is drawn, before the deck is assembled (the CLI's one-shot build:
   * their memory is freed before the build's own peaks). Default: they stay, warm for the next build (watch, tests).
   */
  endChartThreads?: boolean;
}

/** Fewer charts to draw than this are drawn on this thread: a worker's start (Vega, resvg) would cost more. */
const POOL_FROM = 4;
/** From this many charts to draw, a second worker pays for itself when there are two cores or more. */
const SECOND_WORKER_FROM = 24;

export interface BuildResult {
  deck: Deck;
  decision: Decision;
  pptxPath: string;
  markdownPath: string;
  /** Absolute paths, for exports. */
  pptxFile: string;
  outDir: string;
  slideCount: number;
  diagnostics: Diagnostic[];
  ms: number;
}

export async function build(deckDir: string, opts: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  if (opts.checkpoint !== undefined) checkCheckpointName(opts.checkpoint);
  const outDir = opts.outDir ?? join(resolveSpecPath(deckDir, opts.cwd).dir, 'out');
  // Caches that make a rebuild cheap; none changes a byte of output.
  const cacheDir = join(outDir, '.cache');
  const widthsFile = join(cacheDir, 'text-widths.json');
  const pagesFile = join(cacheDir, 'pages.json');
  const bootstrapFile = join(cacheDir, 'bootstrap.json');
  const cacheNotes = [loadWidthCache(widthsFile), loadPageCache(pagesFile), loadBootstrapMemo(bootstrapFile)];
  const chartCacheDir = opts.chartCacheDir ?? join(cacheDir, 'charts');
  // A first build will draw every chart: a worker loads Vega and resvg while the pipeline runs.
  if (opts.chartThreads !== 0 && !existsSync(chartCacheDir)) chartPool(1);

  const run = await runUntil('compose', deckDir, opts);
  const theme = run.theme ?? defaultTheme;
  const deck = run.compose!;
  const diagnostics = [...run.diagnostics, ...cacheNotes.filter((n): n is Diagnostic => n !== undefined)];
  // A phase chosen on the command line is a preview: its files carry the phase, so the spec's own deck stays.
  const name = basename(run.load!.dir) + (opts.phase ? `-${opts.phase}` : '');

  // The output folder is checked before the slow part, so a build into a read-only folder fails in a second.
  await prepareOutputDir(outDir, cwd);
  // Charts are drawn (on workers when there are enough) while this thread lays out and writes the slides.
  const charts = deck.slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : [])));
  const chartNotes: Diagnostic[] = [];
  const hits = await Promise.all(charts.map((c) => cachedChart(c, { cacheDir: chartCacheDir, onNote: (d) => chartNotes.push(d) })));
  const toDraw = hits.filter((hit) => !hit).length;
  // A warm pool (watch mode, or started above) draws any chart; a cold one is started only when it pays.
  const threads = opts.chartThreads ?? (toDraw === 0 ? 0 : toDraw >= SECOND_WORKER_FROM ? Math.min(2, availableParallelism()) : toDraw >= POOL_FROM || existingChartPool() ? 1 : 0);
  const draw = threads > 0 ? chartPool(threads).draw : undefined;
  // every missing chart is asked for now, before the layout below holds this thread
  const images: Promise<Map<string, RenderedChart>> = Promise.all(
    charts.map(async (c: ChartSpec, i) => [c.id, hits[i] ?? (await drawChart(c, { cacheDir: chartCacheDir, draw, onNote: (d) => chartNotes.push(d) }))] as const),
  ).then(async (pairs) => {
    if (opts.endChartThreads) await endChartPool();
    return new Map(pairs);
  });
  images.catch(() => {}); // awaited by renderPptx; a failure before then must not go unhandled

  const laid = layoutDeck(deck, theme);
  diagnostics.push(...laid.diagnostics);
  const deflateCache = FileDeflateCache.load(join(cacheDir, 'pptx-parts.bin'));
  const partsNote = deflateCache.note();
  if (partsNote) diagnostics.push(partsNote);
  const pptx = await renderPptx(laid.slides, deck.meta, theme, images, { timestamp: deckTimestamp(deck.meta, env), deflateCache });
  diagnostics.push(...chartNotes);
  const markdown = renderMarkdown(deck);

  // Everything is in memory: write it as one unit, checkpoints.json last (it records this build).
  const pptxPath = join(outDir, `${name}.pptx`);
  const markdownPath = join(outDir, `${name}.md`);
  const files: OutputFile[] = [
    ...chartSpecFiles(charts, join(outDir, 'charts')),
    { path: join(outDir, `${name}.deck.json`), data: JSON.stringify(deck, null, 2) + '\n' },
    { path: markdownPath, data: markdown },
    { path: pptxPath, data: pptx },
  ];
  if (opts.checkpoint !== undefined) {
    const date = env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH) ? new Date(Number(env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10) : deck.meta.date;
    const entry = checkpointFrom({ name: opts.checkpoint, date, spec: run.load!.spec, results: run.analyze!, decision: run.decide! });
    files.push({ path: join(run.load!.dir, HISTORY_FILE), data: stableJson(historyWith(run.load!.dir, entry, cwd)) });
  }
  await writeOutputs(files, cwd);
  for (const note of [saveWidthCache(widthsFile), savePageCache(pagesFile), deflateCache.save(), saveBootstrapMemo(bootstrapFile)]) if (note) diagnostics.push(note);
  // a first run of a new bundle: its drawing thread is writing its code cache while the CLI would exit
  await existingChartPool()?.codeCachesSaved();
  return {
    deck,
    decision: run.decide!,
    pptxPath: relative(cwd, pptxPath) || pptxPath,
    pptxFile: pptxPath,
    outDir,
    markdownPath: relative(cwd, markdownPath) || markdownPath,
    slideCount: laid.slides.length,
    diagnostics,
    ms: performance.now() - started,
  };
}

/** `--checkpoint` names an entry of checkpoints.json and heads a slide: refused before any work when it cannot. */
function checkCheckpointName(name: string): void {
  const problem = checkpointNameProblem(name);
  if (problem)
    throw new GonogoError(
      errorDiag('cli/checkpoint', `the checkpoint name given to --checkpoint ${problem}`, {
        field: '--checkpoint',
        expected: 'a short printable name, e.g. --checkpoint "Day 2 EOD"',
        hint: 'name the review the deck is built for, in quotes',
      }),
    );
}
