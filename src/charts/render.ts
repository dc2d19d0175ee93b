// ChartSpec → SVG (Vega, no canvas) → PNG (resvg with the shipped font files).
// Same chart in, same bytes out: text widths come from the font files, clip/gradient ids are
// reset before each render, renders run one at a time, and output is cached by a content hash.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics.js';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ChartSpec } from '../deck/types.js';
import { DEFAULT_FAMILY } from '../layout/fonts.js';
import { loadVega } from './vega.js';
import { stableStringify } from './stable-json.js';
import { finalSpec } from './final-spec.js';
import { fontFilesFor, svgForResvg } from './svg-fonts.js';

export interface RenderOptions {
  /** PNG pixels per point at slide size; 3 ≈ 216 dpi (default), 3.5 ≈ 252 dpi. */
  scale?: number;
  /** Optional on-disk cache: <hash>.svg and <hash>.png, reused across runs. */
  cacheDir?: string;
  /** Draws what the caches miss (a ChartPool's draw, on worker threads); default drawHere, on this thread. */
  draw?: Draw;
  /** Receives a note when a cache entry is dropped or cannot be written (printed with --debug). */
  onNote?: (note: Diagnostic) => void;
}

/** Final Vega-Lite spec and scale → SVG and PNG; every drawer gives the same bytes. */
export type Draw = (spec: Record<string, unknown>, scale: number) => Promise<RenderedChart>;

export interface RenderedChart {
  svg: string;
  png: Uint8Array;
  /** Size of the PNG in pixels. */
  widthPx: number;
  heightPx: number;
}

export const DEFAULT_SCALE = 3;
/** Bump when the render pipeline changes in a way that alters output. */
const RENDER_VERSION = 'gonogo-charts-3';

const memory = new Map<string, RenderedChart>();
/** A long watch session keeps at most this many renders in memory (oldest dropped first). */
const MEMORY_LIMIT = 256;

function remember(key: string, out: RenderedChart): void {
  memory.delete(key);
  memory.set(key, out);
  if (memory.size > MEMORY_LIMIT) memory.delete(memory.keys().next().value as string);
}
let queue: Promise<unknown> = Promise.resolve();

export async function renderChart(chart: ChartSpec, opts: RenderOptions = {}): Promise<RenderedChart> {
  return (await cachedChart(chart, opts)) ?? (await drawChart(chart, opts));
}

/** The chart as a cache holds it (memory or cacheDir), or undefined when it must be drawn. */
export async function cachedChart(chart: ChartSpec, opts: Pick<RenderOptions, 'scale' | 'cacheDir' | 'onNote'> = {}): Promise<RenderedChart | undefined> {
  return cached(renderKey(finalSpec(chart), scaleOf(opts)), opts.cacheDir, opts.onNote);
}

/**
 * Draws a chart and keeps it in the caches. The drawing is asked for before this first yields, so a build that
 * goes on with synchronous work (laying out the slides) has its charts drawn on the workers meanwhile.
 */
export async function drawChart(chart: ChartSpec, opts: RenderOptions = {}): Promise<RenderedChart> {
  const scale = scaleOf(opts);
  const spec = finalSpec(chart);
  const key = renderKey(spec, scale);
  const out = await (opts.draw ?? drawHere)(spec, scale);
  remember(key, out);
  if (opts.cacheDir) await writeCache(opts.cacheDir, key, out, opts.onNote);
  return out;
}

function scaleOf(opts: Pick<RenderOptions, 'scale'>): number {
  const scale = opts.scale ?? DEFAULT_SCALE;
  if (!(scale > 0)) throw new Error(`renderChart: scale must be positive, got ${scale}`);
  return scale;
}

async function cached(key: string, cacheDir: string | undefined, onNote?: (d: Diagnostic) => void): Promise<RenderedChart | undefined> {
  const hit = memory.get(key) ?? (cacheDir ? await readCache(cacheDir, key, onNote) : undefined);
  if (hit) remember(key, hit);
  return hit;
}

/** Draws on this thread. Vega keeps clip and gradient counters in module state: one render at a time. */
export const drawHere: Draw = (spec, scale) => {
  const job = queue.then(() => renderNow(spec, scale));
  // Before the next render: collect this one's resvg objects (unreachable now) and let their finalizers run.
  queue = job.catch(() => undefined).then(releaseRender);
  return job;
};

/** Loads what drawing needs (Vega, resvg), so that a worker is ready before its first chart arrives. */
export async function warmUp(): Promise<void> {
  resvgModule ??= import('@resvg/resvg-js');
  await Promise.all([loadVega(), resvgModule]);
}

/** Content hash of what is rendered: the final spec, the scale and the pipeline version. */
export function renderKey(spec: Record<string, unknown>, scale: number): string {
  return createHash('sha256')
    .update(stableStringify({ v: RENDER_VERSION, scale, spec }))
    .digest('hex')
    .slice(0, 32);
}

/** Drops the in-memory cache (tests and benchmarks measure cold renders with it). */
export function clearRenderCache(): void {
  memory.clear();
}

/** Vega-Lite → Vega, with every compiler warning collected instead of printed. */
export async function compileVegaLite(spec: Record<string, unknown>): Promise<{ vega: object; warnings: string[] }> {
  const { vegaLite } = await loadVega();
  const warnings: string[] = [];
  const collect = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    return logger;
  };
  const logger = { level: () => logger, error: collect, warn: collect, info: () => logger, debug: () => logger };
  const out = vegaLite.compile(spec as never, { logger: logger as never });
  return { vega: out.spec, warnings };
}

/** The SVG alone (no PNG), as Vega draws it. */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const { vega } = await loadVega();
  const compiled = await compileVegaLite(spec);
  (vega as unknown as { resetSVGDefIds(): void }).resetSVGDefIds();
  const view = new vega.View(vega.parse(compiled.vega as never), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

let resvgModule: Promise<typeof import('@resvg/resvg-js')> | undefined;

/**
 * resvg-js 2.6 keeps each render's pixmap (≈ 7 MB at 216 dpi) outside V8's view until the render's JS object is
 * collected, and nothing prompts V8 to collect it, so a deck's renders piled up (1 GB for 214 charts;
 * thx/resvg-js#216). A young-generation collection after each render finds those objects (they die young), and
 * their finalizers free the pixmaps on the next turn of the event loop; both cost about a millisecond.
 */
const releaseRender = (): Promise<void> => {
  collectYoung();
  return new Promise((resolve) => setImmediate(resolve));
};

const collectYoung = ((): (() => void) => {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
    return () => gc({ type: 'minor' });
  } catch {
    return () => {};
  }
})();

async function renderNow(spec: Record<string, unknown>, scale: number): Promise<RenderedChart> {
  const svg = await renderSvg(spec);
  resvgModule ??= import('@resvg/resvg-js');
  const { Resvg } = await resvgModule;
  const drawn = svgForResvg(svg);
  const resvg = new Resvg(drawn, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: fontFilesFor(drawn), loadSystemFonts: false, defaultFontFamily: DEFAULT_FAMILY.name, sansSerifFamily: DEFAULT_FAMILY.name },
    shapeRendering: 2,
    textRendering: 1,
  });
  const image = resvg.render();
  return { svg, png: new Uint8Array(image.asPng()), widthPx: image.width, heightPx: image.height };
}

/**
 * A cache entry is <key>.svg, <key>.png and <key>.sha256 (the hash of both, written last). An entry whose files do
 * not match the hash (altered, truncated, half-copied) is dropped and drawn again, with a note: a corrupted cache
 * never reaches a deck.
 */
async function readCache(dir: string, key: string, onNote?: (d: Diagnostic) => void): Promise<RenderedChart | undefined> {
  let files: [string, Buffer, string];
  try {
    files = await Promise.all([readFile(join(dir, key + '.svg'), 'utf8'), readFile(join(dir, key + '.png')), readFile(join(dir, key + '.sha256'), 'utf8')]);
  } catch {
    return undefined;
  }
  const [svg, png, sum] = files;
  if (sum.trim() !== entryHash(svg, png) || png.length < 24) {
    await Promise.all(['.svg', '.png', '.sha256'].map((ext) => rm(join(dir, key + ext), { force: true }).catch(() => undefined)));
    onNote?.({ code: 'cache/dropped', severity: 'info', message: `dropped chart cache entry ${key}: its files do not match their hash; the chart is drawn again` });
    return undefined;
  }
  // IHDR: width and height are big-endian u32 at bytes 16 and 20.
  return { svg, png: new Uint8Array(png), widthPx: png.readUInt32BE(16), heightPx: png.readUInt32BE(20) };
}

function entryHash(svg: string, png: Uint8Array): string {
  return 'sha256:' + createHash('sha256').update(svg).update(png).digest('hex');
}

/** The cache only saves time: a folder that cannot take an entry is noted, never an error. */
async function writeCache(dir: string, key: string, out: RenderedChart, onNote?: (d: Diagnostic) => void): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    // Write beside, then rename: a crashed build never leaves half a file under the final name; the hash goes last.
    for (const [ext, data] of [['.svg', out.svg], ['.png', out.png], ['.sha256', entryHash(out.svg, out.png) + '\n']] as const) {
      const tmp = join(dir, `${key}${ext}.${process.pid}.tmp`);
      await writeFile(tmp, data);
      await rename(tmp, join(dir, key + ext));
    }
  } catch (err) {
    onNote?.({ code: 'cache/unwritable', severity: 'info', message: `could not save chart cache entry ${key} (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
  }
}
