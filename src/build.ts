// gonogo build: the pipeline to the end — layout, charts, render — then every output written atomically.
// Everything is rendered in memory before the first write, so a failed build leaves the last good output.
import { basename, join, relative } from 'node:path';
import { runUntil, type PipelineOptions } from './pipeline.js';
import { resolveSpecPath } from './spec/load.js';
import { defaultTheme } from './deck/theme.js';
import { layoutDeck } from './layout/layout.js';
import { loadWidthCache, saveWidthCache } from './layout/measure.js';
import { deckTimestamp, renderPptx } from './render/pptx/render.js';
import { renderMarkdown } from './render/markdown.js';
import { prepareOutputDir, writeOutputs, type OutputFile } from './render/write.js';
import { renderChart } from './charts/render.js';
import { chartSpecFiles } from './charts/write.js';
import type { ChartSpec, Deck } from './deck/types.js';
import type { Decision } from './decide/types.js';
import { errorDiag, GonogoError, type Diagnostic } from './diagnostics.js';
import { checkpointFrom, checkpointNameProblem, historyWith, HISTORY_FILE, stableJson } from './review/history.js';

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
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  if (opts.checkpoint !== undefined) checkCheckpointName(opts.checkpoint);
  const outDir = opts.outDir ?? join(resolveSpecPath(deckDir, opts.cwd).dir, 'out');
  // Caches that make a rebuild cheap; neither changes a byte of output.
  const cacheDir = join(outDir, '.cache');
  const widthsFile = join(cacheDir, 'text-widths.json');
  const widthsNote = loadWidthCache(widthsFile);
  const chartCacheDir = opts.chartCacheDir ?? join(cacheDir, 'charts');

  const run = await runUntil('compose', deckDir, opts);
  const theme = run.theme ?? defaultTheme;
  const deck = run.compose!;
  const diagnostics = [...run.diagnostics, ...(widthsNote ? [widthsNote] : [])];
  // A phase chosen on the command line is a preview: its files carry the phase, so the spec's own deck stays.
  const name = basename(run.load!.dir) + (opts.phase ? `-${opts.phase}` : '');

  const laid = layoutDeck(deck, theme);
  diagnostics.push(...laid.diagnostics);
  // The output folder is checked before the slow part, so a build into a read-only folder fails in a second.
  await prepareOutputDir(outDir, cwd);
  const charts = deck.slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : [])));
  const images = new Map(await Promise.all(charts.map(async (c: ChartSpec) => [c.id, await renderChart(c, { cacheDir: chartCacheDir, onNote: (d) => diagnostics.push(d) })] as const)));
  const pptx = await renderPptx(laid.slides, deck.meta, theme, images, { timestamp: deckTimestamp(deck.meta, env) });
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
  const cacheNote = saveWidthCache(widthsFile);
  if (cacheNote) diagnostics.push(cacheNote);
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
