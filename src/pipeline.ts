// The pipeline, stage by stage (DESIGN.md): load (and normalize) → pull/read → analyze → decide → compose.
// Each stage is a pure function of the one before except loading, which reads the deck folder. Loading
// ends with spec/normalize.ts: every later stage reads typed rules and parsed thresholds.
// runUntil() lets tests and commands stop at any stage.
import { join } from 'node:path';
import { loadSpec, phaseMetricsFile, type LoadedSpec } from './spec/load.js';
import { readPrecomputed } from './sources/precomputed.js';
import { checkDataReferences } from './sources/data-refs.js';
import type { MetricsSnapshot } from './sources/snapshot.js';
import { analyze } from './stats/analyze.js';
import { missingDataBounds } from './stats/missing-bounds.js';
import { decide } from './decide/decide.js';
import { interimView } from './decide/phase.js';
import { composeDeck } from './compose/compose.js';
import { loadTexts } from './compose/texts.js';
import { readHistory } from './review/history.js';
import type { ComposeInput } from './compose/context.js';
import type { Spec } from './spec/normalized.js';
import type { Phase } from './spec/schema.js';
import { defaultTheme, type Theme } from './deck/theme.js';
import { resolveDeckTheme } from './theme/theme-load.js';
import type { Results } from './stats/results.js';
import type { Decision } from './decide/types.js';
import type { Deck } from './deck/types.js';
import { errorDiag, GonogoError, throwIfErrors, type Diagnostic } from './diagnostics.js';

export interface PipelineOptions {
  cwd?: string;
  /** Pull fresh metrics (and write the lock) before building, instead of reading the lock. */
  pull?: boolean;
  /** With pull: seconds the warehouse login and each query may take. */
  timeoutSeconds?: number;
  env?: NodeJS.ProcessEnv;
  checkpoint?: string;
  theme?: Theme;
  /** Build this phase instead of the spec's `phase:` (a pilot's interim or readout, previewed from one deck folder). */
  phase?: Phase;
  /** --allow-outside-deck: files the spec names (theme, template, logo, metrics) may lie outside the deck folder. */
  allowOutsideDeck?: boolean;
}

export interface Stages {
  load: LoadedSpec;
  data: MetricsSnapshot;
  analyze: Results;
  decide: Decision;
  compose: Deck;
}

export type StageName = keyof Stages;
const ORDER: StageName[] = ['load', 'data', 'analyze', 'decide', 'compose'];

export interface PipelineRun extends Partial<Stages> {
  diagnostics: Diagnostic[];
  /** The deck's theme (options.theme, else assets/theme.yaml with the spec's `theme:` over it). */
  theme?: Theme;
}

export async function runUntil<S extends StageName>(stage: S, deckDir: string, opts: PipelineOptions = {}): Promise<PipelineRun & Pick<Stages, (typeof ORDER)[number] & S> & Partial<Stages>> {
  const cwd = opts.cwd ?? process.cwd();
  const last = ORDER.indexOf(stage);
  const run: PipelineRun = { diagnostics: [] };
  run.load = await loadSpec(deckDir, cwd, { phase: opts.phase, allowOutsideDeck: opts.allowOutsideDeck });
  run.diagnostics.push(...run.load.diagnostics);
  if (last < 1) return run as never;
  if (opts.theme) run.theme = opts.theme;
  else {
    const themed = await resolveDeckTheme(run.load.spec, run.load.dir, run.load.positions, cwd, { allowOutsideDeck: opts.allowOutsideDeck });
    run.theme = themed.theme;
    run.diagnostics.push(...themed.diagnostics);
  }
  run.data = await readData(run.load, cwd, opts, run.diagnostics);
  // A segment the spec names and the data lack is a typo, not a failing rule.
  throwIfErrors(checkDataReferences(run.load.written, run.data, run.load.positions));
  if (last < 2) return run as never;
  // A pilot being designed has no data yet (readData reads none): nothing to read, nothing to warn about.
  const analyzed = run.load.spec.phase === 'design'
    ? { results: { confidence: run.load.spec.decision.confidence, reads: [], methods: [] }, diagnostics: [] }
    : analyze(run.load.spec, run.data);
  throwIfErrors(analyzed.diagnostics);
  run.diagnostics.push(...analyzed.diagnostics);
  const bounds = run.load.spec.phase === 'final' ? missingDataBounds(run.load.spec, run.data) : {};
  const results = Object.keys(bounds).length ? { ...analyzed.results, missingBounds: bounds } : analyzed.results;
  run.analyze = run.load.spec.phase === 'interim' ? interimView(run.load.spec, results) : results;
  if (last < 3) return run as never;
  run.decide = decide(run.load.spec, run.analyze, run.data.quality);
  if (last < 4) return run as never;
  const { texts } = loadTexts(run.load.dir, cwd, run.load.spec.phase, { allowOutsideDeck: opts.allowOutsideDeck });
  const history = readHistory(run.load.dir, cwd).checkpoints;
  const composed = composeDeck({
    spec: run.load.spec,
    results: run.analyze,
    decision: run.decide,
    quality: run.data.quality,
    texts,
    theme: run.theme ?? defaultTheme,
    checkpoint: opts.checkpoint,
    history,
    trends: run.data.trends,
    distributions: distributionsOf(run.load.spec, run.data),
  });
  run.diagnostics.push(...composed.diagnostics);
  run.compose = composed.deck;
  return run as never;
}

/** Metrics come from a precomputed file, or from the lock written by gonogo pull; a database is touched only with --pull. */
/** Raw per-arm values of the overall read of duration metrics, for the distribution chart. */
function distributionsOf(spec: Spec, data: MetricsSnapshot): ComposeInput['distributions'] {
  const control = spec.arms?.control ?? 'control';
  const treatment = spec.arms?.treatment ?? 'treatment';
  const out: NonNullable<ComposeInput['distributions']> = {};
  for (const m of spec.metrics) {
    const at = (arm: string) => data.rows.find((r) => r.metric === m.id && r.arm === arm && r.segment === 'all')?.value_counts;
    const c = at(control);
    const t = at(treatment);
    if (c?.length && t?.length) out[m.id] = { control: c, treatment: t };
  }
  return out;
}

async function readData(loaded: LoadedSpec, cwd: string, opts: PipelineOptions, diagnostics: Diagnostic[]): Promise<MetricsSnapshot> {
  const { spec, dir } = loaded;
  // The proposal's deck reads no data, whatever the folder holds: it says "no data read yet", and a metrics_file
  // written for the readout (or a lock) would otherwise put readings on its pre-wire slides.
  if (spec.phase === 'design') return { rows: [], provenance: {}, quality: [] };
  const file = phaseMetricsFile(spec);
  if (file) return readPrecomputed(join(dir, file.file), spec, cwd);
  if (spec.metrics.some((m) => m.from)) {
    const env = opts.env ?? process.env;
    if (opts.pull) {
      const { pullMetrics, pullTime } = await import('./sources/pull.js');
      const { writeLock } = await import('./sources/lock.js');
      const pulled = await pullMetrics(spec, dir, { pulledAt: pullTime(env), env, timeoutSeconds: opts.timeoutSeconds, onWarning: (d) => diagnostics.push(d) });
      throwIfErrors(pulled.diagnostics);
      await writeLock(dir, pulled.lock);
      return pulled.snapshot;
    }
    const { readLock, sessionDrift } = await import('./sources/lock.js');
    const snapshot = await readLock(dir, spec, cwd);
    diagnostics.push(...(await sessionDrift(spec, snapshot.session, env)));
    return snapshot;
  }
  throw new GonogoError(
    errorDiag('data/none', `the spec names no metrics data${spec.phase === 'final' ? '' : ` for the ${spec.phase} phase`}`, {
      pos: loaded.positions.at([]),
      expected: `metrics_file: metrics.csv${spec.phase === 'final' ? '' : ` (or ${spec.phase}.metrics_file)`}, or a source with SQL per metric`,
      hint: spec.phase === 'interim' ? 'add interim.metrics_file: with this week\'s participation, compliance and safety data' : 'add metrics_file: with precomputed metrics, or run gonogo pull',
    }),
  );
}
