// Charts drawn on worker threads while the main thread lays out and writes the deck. Each worker loads Vega and
// resvg once and draws one chart at a time, so a chart's bytes are the ones the main thread would draw (same code,
// same fonts, Vega's id counters reset per chart); a chart goes to the worker with the fewest in flight. One pool
// serves the whole process (watch mode's rebuilds find it warm); a worker holds the process open only while it
// has charts in flight, so an idle pool never keeps the CLI from exiting.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Draw, RenderedChart } from './render.js';
import type { DrawRequest } from './worker.js';

interface Pending {
  resolve: (chart: RenderedChart) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  inFlight: number;
  /** Settles when the worker has written its code cache, once it said it is writing it. */
  saving?: Promise<void>;
}

interface Reply {
  id?: number;
  chart?: RenderedChart;
  error?: string;
  /** The worker writes its code cache after this reply (worker.ts). */
  saving?: true;
  saved?: true;
}

/**
 * A drawing thread's young generation is kept small: a render allocates tens of MB that die within it, and with
 * V8's default room for them each worker's resident memory grew by ≈ 40 MB (the 400-slide deck peaked at 516 MB
 * with two workers, ≈ 450 MB with this). Only the collector's rhythm changes, never what is drawn.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

/**
 * The worker: dist/chart-worker.cjs when bundled, run through V8's code cache as the CLI is (bin/code-cache.cjs:
 * its compile was ≈ 0.15 s of each thread's start); run from source, src/charts/worker.ts loaded through tsx.
 */
function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const source = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(join(dirname(here), 'worker.ts')).href)}); }).then((w) => w.serveDraws());`;
    return new Worker(source, { eval: true, resourceLimits: WORKER_LIMITS });
  }
  const file = join(dirname(here), 'chart-worker.cjs'); // beside dist/gonogo.cjs
  const codeCache = join(dirname(here), '..', 'bin', 'code-cache.cjs');
  if (!existsSync(file)) throw new Error(`gonogo: cannot find ${file}`);
  const source = `const w = require(${JSON.stringify(codeCache)}).loadCached(${JSON.stringify(file)}, 'draw'); w.exports.serveDraws(w.save);`;
  return new Worker(source, { eval: true, resourceLimits: WORKER_LIMITS });
}

export class ChartPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  /** Starts `size` workers now (they load Vega and resvg while the caller goes on). */
  constructor(size: number) {
    this.grow(size);
  }

  /** Adds workers up to `size` in all. */
  grow(size: number): void {
    while (!this.closed && this.slots.length < size) {
      const worker = startWorker();
      worker.unref();
      const slot: Slot = { worker, inFlight: 0 };
      // held open while it draws or writes its code cache, so that a caller awaiting either is not left behind
      let writing = false;
      let saved = () => {};
      const holdOpen = () => (slot.inFlight > 0 || writing ? worker.ref() : worker.unref());
      worker.on('message', (msg: Reply) => {
        if (msg.saving) {
          writing = true;
          slot.saving = new Promise((resolve) => (saved = resolve));
        }
        if (msg.saved) {
          writing = false;
          holdOpen();
          return saved();
        }
        const p = this.pending.get(msg.id!);
        if (!p) return;
        this.pending.delete(msg.id!);
        slot.inFlight--;
        holdOpen();
        if (msg.chart) p.resolve(msg.chart);
        else p.reject(new Error(`chart drawing failed: ${msg.error}`));
      });
      // A thread that fails takes the charts in flight with it (the build fails and says so); the next draw starts another.
      worker.on('error', (err) => this.failAll(err));
      worker.on('exit', (code) => {
        saved();
        this.slots.splice(this.slots.indexOf(slot), 1);
        if (!this.closed) this.failAll(new Error(`a chart-drawing thread stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  readonly draw: Draw = (spec, scale) =>
    new Promise<RenderedChart>((resolve, reject) => {
      if (this.closed) return reject(new Error('the chart pool is closed'));
      if (this.slots.length === 0) this.grow(1);
      const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      if (slot.inFlight++ === 0) slot.worker.ref();
      slot.worker.postMessage({ id, spec, scale } satisfies DrawRequest);
    });

  /** Settles when every worker that began writing its code cache has finished: a CLI that exits sooner cuts it short. */
  async codeCachesSaved(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.saving));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.failAll(new Error('the chart pool is closed'));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

let shared: ChartPool | undefined;

/** The process's pool, grown to at least `size` workers (started on first use). */
export function chartPool(size: number): ChartPool {
  if (!shared) shared = new ChartPool(size);
  else shared.grow(size);
  return shared;
}

/** The process's pool if one was started. */
export function existingChartPool(): ChartPool | undefined {
  return shared;
}

/**
 * Ends the process's pool once any code cache its threads are writing is saved, and forgets it (a later draw starts
 * another). The threads are told to stop and exit while the caller goes on: a one-shot build frees their memory
 * (≈ 75 MB each) before it assembles the deck, when its own memory peaks.
 */
export async function endChartPool(): Promise<void> {
  const pool = shared;
  if (!pool) return;
  shared = undefined;
  await pool.codeCachesSaved();
  pool.close().catch(() => {});
}
