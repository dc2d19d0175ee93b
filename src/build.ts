// gonogo build: the pipeline to the end — layout, charts, render — then every output written atomically.
// Everything is rendered in memory before the first write, so a failed build leaves the last good output.
import { basename, join, relative } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { runUntil, type PipelineOptions } from './pipeline.js';
import { resolveSpecPath } from './spec/load.js';
import { defaultTheme } from './deck/theme.js';
import { layoutDeck } from './layout/layout.js';
import { loadWidthCache, saveWidthCache } from './layout/measure.js';
import { loadBootstrapMemo, saveBootstrapMemo } from './stats/bootstrap-memo.js';
import { deckTimestamp, renderPptx } from './render/pptx/render.js';
import { FileDeflateCache } from './render/pptx/deflate-cache.js';
import { renderMarkdown } from './render/markdown.js';
import { writeFileAtomic } from './render/write.js';
import { isCached, renderChart, type RenderedChart } from './charts/render.js';
import { chartPool, existingChartPool } from './charts/pool.js';
import { writeChartSpecs } from './charts/write.js';
import type { ChartSpec, Deck } from './deck/types.js';
import type { Decision } from './decide/types.js';
import type { Diagnostic } from './diagnostics.js';
import { appendCheckpoint, checkpointFrom } from './review/history.js';

export interface BuildOptions extends PipelineOptions {
  outDir?: string;
  /** Environment: SOURCE_DATE_EPOCH sets the files' timestamps (default: the spec's date). */
  env?: NodeJS.ProcessEnv;
  /** Rendered charts by content hash (default: <out>/.cache/charts); output bytes are the same with or without. */
  chartCacheDir?: string;
  /** Worker threads drawing charts: 0 draws them on this thread; default chosen by how many charts need drawing. */
  chartThreads?: number;
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
  const outDir = opts.outDir ?? join(resolveSpecPath(deckDir, opts.cwd).dir, 'out');
  // Caches that make a rebuild cheap; none changes a byte of output.
  const cacheDir = join(outDir, '.cache');
  const widthsFile = join(cacheDir, 'text-widths.json');
  const bootstrapFile = join(cacheDir, 'bootstrap.json');
  loadBootstrapMemo(bootstrapFile);
  loadWidthCache(widthsFile);
  const chartCacheDir = opts.chartCacheDir ?? join(cacheDir, 'charts');
  // A first build will draw every chart: a worker loads Vega and resvg while the pipeline runs.
  if (opts.chartThreads !== 0 && !existsSync(chartCacheDir)) chartPool(1);
  const run = await runUntil('compose', deckDir, opts);
  const theme = run.theme ?? defaultTheme;
  const deck = run.compose!;
  const diagnostics = [...run.diagnostics];
  const name = basename(run.load!.dir);

  // Charts are drawn (on workers when there are enough) while this thread lays out and writes the slides.
  const charts = deck.slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : [])));
  const toDraw = (await Promise.all(charts.map((c) => isCached(c, { cacheDir: chartCacheDir })))).filter((hit) => !hit).length;
  // A warm pool (watch mode, or started above) draws any chart; a cold one is started only when it pays.
  const threads = opts.chartThreads ?? (toDraw === 0 ? 0 : toDraw >= SECOND_WORKER_FROM ? Math.min(2, availableParallelism()) : toDraw >= POOL_FROM || existingChartPool() ? 1 : 0);
  const draw = threads > 0 ? chartPool(threads).draw : undefined;
  const images: Promise<Map<string, RenderedChart>> = Promise.all(charts.map(async (c: ChartSpec) => [c.id, await renderChart(c, { cacheDir: chartCacheDir, draw })] as const)).then((pairs) => new Map(pairs));
  images.catch(() => {}); // awaited by renderPptx; a failure before then must not go unhandled

  const laid = layoutDeck(deck, theme);
  diagnostics.push(...laid.diagnostics);
  const deflateCache = FileDeflateCache.load(join(cacheDir, 'pptx-parts.bin'));
  const pptx = await renderPptx(laid.slides, deck.meta, theme, images, { timestamp: deckTimestamp(deck.meta, opts.env ?? process.env), deflateCache });
  const markdown = renderMarkdown(deck);

  await mkdir(outDir, { recursive: true });
  const pptxPath = join(outDir, `${name}.pptx`);
  const markdownPath = join(outDir, `${name}.md`);
  await writeChartSpecs(charts, join(outDir, 'charts'));
  await writeFileAtomic(join(outDir, `${name}.deck.json`), JSON.stringify(deck, null, 2) + '\n');
  await writeFileAtomic(markdownPath, markdown);
  await writeFileAtomic(pptxPath, pptx);
  if (opts.checkpoint) {
    const env = opts.env ?? process.env;
    const date = env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH) ? new Date(Number(env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10) : deck.meta.date;
    appendCheckpoint(run.load!.dir, checkpointFrom({ name: opts.checkpoint, date, spec: run.load!.spec, results: run.analyze!, decision: run.decide! }));
  }
  saveWidthCache(widthsFile);
  deflateCache.save();
  saveBootstrapMemo(bootstrapFile);
  const cwd = opts.cwd ?? process.cwd();
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
