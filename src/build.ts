// gonogo build: the pipeline to the end — layout, charts, render — then every output written atomically.
// Everything is rendered in memory before the first write, so a failed build leaves the last good output.
import { basename, join, relative } from 'node:path';
import { mkdir } from 'node:fs/promises';
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
import { renderChart } from './charts/render.js';
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
}

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

  const run = await runUntil('compose', deckDir, opts);
  const theme = run.theme ?? defaultTheme;
  const deck = run.compose!;
  const diagnostics = [...run.diagnostics];
  const name = basename(run.load!.dir);

  const laid = layoutDeck(deck, theme);
  diagnostics.push(...laid.diagnostics);
  const charts = deck.slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : [])));
  const images = new Map(await Promise.all(charts.map(async (c: ChartSpec) => [c.id, await renderChart(c, { cacheDir: chartCacheDir })] as const)));
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
