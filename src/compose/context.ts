// What every composer receives, and the small readings they share (which scale a metric speaks in,
// what a change means in words). Composers are pure: no IO, no pptxgenjs.
import { inSentence } from '../model/words.js';
import type { Metric, Spec } from '../spec/normalized.js';
import { changeNear, changeOn, type ChangeRead, type MetricRead, type Results } from '../stats/results.js';
import type { CriterionOutcome, Decision, GuardrailOutcome, MetricRuleOutcome } from '../decide/types.js';
import { verdictLabel } from './verdict-words.js';
import { headlineOutcome, headlineScale } from '../decide/headline.js';
import { marked, type Marked } from './marks.js';
import type { Scale } from '../model/metric-kinds.js';
import type { MetricsSnapshot, QualityCheck } from '../sources/snapshot.js';
import { OVERALL, type ValueCounts } from '../model/rows.js';
import type { Theme } from '../deck/theme.js';
import type { Texts } from './texts.js';
import type { Checkpoint } from '../decide/checkpoint.js';
import { changeColumnDecimals, fmtChange, fmtChangeWithInterval, fmtConfidence } from '../deck/format.js';

export interface ComposeInput {
  spec: Spec;
  results: Results;
  decision: Decision;
  quality: QualityCheck[];
  texts: Texts;
  theme: Theme;
  checkpoint?: string;
  /** Earlier checkpoints of this deck (checkpoints.json), for the "since the last checkpoint" slide. */
  history?: Checkpoint[];
  /** Daily values per arm (metrics with a `trend` query), for time-series charts. */
  trends?: MetricsSnapshot['trends'];
  /** Raw values per arm as (value, count) pairs, for duration metrics read from raw data (overall), for distribution charts. */
  distributions?: Record<string, { control: ValueCounts; treatment: ValueCounts }>;
}

export class Ctx {
  readonly spec: Spec;
  readonly results: Results;
  readonly decision: Decision;
  readonly quality: QualityCheck[];
  readonly t: Texts;
  readonly theme: Theme;
  readonly confidence: string;
  /** The multiple-comparison adjustment in words ('' when none). */
  readonly adjustmentName: string;
  /** The verdict's label in words (a design or interim deck names its phase). */
  readonly verdict: string;
  private readonly reads: Map<string, MetricRead>;

  constructor(readonly input: ComposeInput) {
    this.spec = input.spec;
    this.results = input.results;
    this.decision = input.decision;
    this.quality = input.quality;
    this.t = input.texts;
    this.theme = input.theme;
    this.confidence = fmtConfidence(input.spec.decision.confidence);
    this.adjustmentName = input.results.adjustment === 'bh' ? 'Benjamini–Hochberg' : input.results.adjustment === 'holm' ? 'Holm' : '';
    this.reads = new Map(input.results.reads.map((r) => [`${r.metric}\u0000${r.segment}`, r]));
    this.verdict = verdictLabel(input.texts, input.decision);
  }

  metric(id: string): Metric {
    return this.spec.metrics.find((m) => m.id === id)!;
  }

  read(metricId: string, segment: string = OVERALL): MetricRead | undefined {
    return this.reads.get(`${metricId}\u0000${segment}`);
  }

  segmentReads(metricId: string): MetricRead[] {
    return this.results.reads.filter((r) => r.metric === metricId && r.segment !== OVERALL);
  }

  criterion(id: string): CriterionOutcome | undefined {
    return this.decision.criteria.find((c) => c.id === id);
  }

  /**
   * The question this deck answers. A pilot asks a different one in each phase: the design deck the spec's
   * decision.question (test before deciding?), the interim report whether the pilot runs safely, the readout
   * final.question (by default: which pre-registered outcome the pilot supports).
   */
  question(): string {
    const { spec } = this;
    if (spec.phase === 'interim') return this.t('interim-question', { week: spec.interim?.week ?? 0 });
    if (spec.phase === 'final' && spec.final?.question) return spec.final.question;
    if (spec.phase === 'final' && spec.pilot) return this.t('readout-question', {});
    return spec.decision.question;
  }

  optionLabel(id: string | undefined): string {
    return this.spec.decision.options.find((o) => o.id === id)?.label ?? '';
  }
}

/** The scale a metric is shown on wherever it appears alone: its headline rule's scale, else its kind's. */
export function displayScale(ctx: Ctx, m: Metric): Scale {
  return headlineScale(ctx.spec, m.id);
}

/** A read's change on the metric's display scale (else the other scale, when the read has only that one). */
export function displayChange(ctx: Ctx, read: MetricRead | undefined, m: Metric): { scale: Scale; change: ChangeRead } | null {
  return changeNear(read, displayScale(ctx, m));
}

/** The one precision of a metric's segment table on `scale` (overall and segment reads): wherever those changes show. */
export function segmentTableDecimals(ctx: Ctx, m: Metric, scale: Scale): number {
  const reads = [ctx.read(m.id), ...ctx.segmentReads(m.id)].flatMap((r) => (r ? (changeOn(r, scale) ?? []) : []));
  return changeColumnDecimals(reads, scale, m);
}

/** The one precision of a metric's change across the best, base and worst cases: the scenario cards and chart alike. */
export function scenarioDecimals(ctx: Ctx, m: Metric, scale: Scale): number {
  const changes = ctx.decision.scenarios.flatMap((s) => s.changes.filter((c) => c.metric === m.id && c.scale === scale));
  return changeColumnDecimals(changes, scale, m);
}

/** The outcome that grades a metric on its own (the target criterion's rule, else its guardrail check), marked. */
export function headlineMark(ctx: Ctx, m: Metric): { outcome: MetricRuleOutcome | GuardrailOutcome; mark: Marked } | undefined {
  const outcome = headlineOutcome(ctx.decision, m.id);
  return outcome ? { outcome, mark: marked(outcome) } : undefined;
}

/** Whether a change is good news for this metric. */
export function isImprovement(m: Metric, x: number): boolean {
  return m.better === 'lower' ? x < 0 : x > 0;
}

/** Plain-English reading data for a change: verb, magnitude, interval, and whether the interval excludes zero. */
export function describeChange(m: Metric, ch: ChangeRead, scale: 'relative' | 'absolute', confidence: number) {
  const lo = ch.ci?.lo ?? ch.estimate;
  const hi = ch.ci?.hi ?? ch.estimate;
  const clear = ch.ci ? lo > 0 || hi < 0 : false;
  const verb = ch.estimate < 0 ? 'lowers' : ch.estimate > 0 ? 'raises' : 'leaves unchanged';
  const shown = fmtChangeWithInterval(ch.estimate, ch.ci, scale, m, confidence);
  return {
    label: m.label,
    labelLower: inSentence(m.label),
    verb,
    magnitude: fmtChange(Math.abs(ch.estimate), scale, m, shown.decimals).replace(/^[+\u00b1]/, ''),
    change: shown.change,
    interval: shown.interval,
    clear,
    good: isImprovement(m, ch.estimate),
    confidence: fmtConfidence(confidence),
  };
}
