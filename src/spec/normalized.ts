// The normalized spec: what every stage after load reads. Shorthand is resolved (spec/normalize.ts):
// thresholds are numbers with their scale, rules are a tagged union, criteria an ordered list with their
// polarity, the fallback and the target criterion resolved. Nothing after load parses "-10%".
import type { Scale, MetricKind } from '../model/metric-kinds.js';
import type { Polarity } from '../model/outcomes.js';
import type { WrittenDataGap, WrittenMetric, WrittenPilot, WrittenSpec } from './schema.js';

export type { Scale, MetricKind, Polarity };

/** A bar parsed once: its value on the scale the rule compares, and how the lead wrote it. */
export interface Threshold {
  /** Relative changes and shares as fractions (−10% → −0.10, +1pp → 0.01); other absolute bars in the metric's unit. */
  value: number;
  scale: Scale;
  /** '%' (a relative change), 'pp' (points of a share) or the metric's own unit. */
  unit: string;
  /** As written in the spec: "-10%". */
  written: string;
}

export type Side = 'at_least' | 'at_most';
export type BoundName = 'estimate' | 'lower' | 'upper';
export type Relation = 'excludes' | 'includes' | 'above' | 'below';

/** One condition of a metric rule: on one number (the estimate or a bound), or on the interval as a whole. */
export type Check =
  | { type: 'bound'; on: BoundName; side: Side; bar: Threshold }
  | { type: 'interval'; relation: Relation; bar: Threshold };

interface RuleBase {
  /** Where it was written: "go_full.all[0]". */
  id: string;
  note?: string;
}

/** A rule on one metric's change (overall, or one segment): met when every check is met. */
export interface MetricRule extends RuleBase {
  type: 'metric';
  metric: string;
  /** The read it applies to: OVERALL, or 'dimension=value'. */
  segment: string;
  scale: Scale;
  /** Whether the scale was written or inferred from the bars' units. */
  scaleFrom: 'spec' | 'inferred';
  checks: Check[];
}

/** "No category shows all of …": met when no segment of `by` meets every part. */
export interface SegmentsRule extends RuleBase {
  type: 'segments';
  by: string;
  pattern: Omit<MetricRule, 'id' | 'note' | 'segment'>[];
}

/** Every guardrail within its limit (expect: pass), or any guardrail breached (expect: breached). */
export interface GuardrailsRule extends RuleBase {
  type: 'guardrails';
  expect: 'pass' | 'breached';
}

export interface DataGapRule extends RuleBase {
  type: 'data_gap';
  gap: string;
  /** Shares as fractions. */
  checks: { side: Side; bar: number }[];
}

export type Rule = MetricRule | SegmentsRule | GuardrailsRule | DataGapRule;

export interface Criterion {
  id: string;
  label: string;
  option?: string;
  description?: string;
  polarity: Polarity;
  polarityFrom: 'spec' | 'inferred';
  mode: 'all' | 'any';
  rules: Rule[];
}

/** The verdict when no criterion holds: one of the criteria, or an outcome of its own without rules. */
export interface Fallback {
  id: string;
  label: string;
  option?: string;
  /** True when it names a criterion; false for an "otherwise" outcome. */
  criterion: boolean;
}

export interface Metric extends Omit<WrittenMetric, 'max_worsening'> {
  /** A guardrail's largest allowed worsening, as a positive magnitude. */
  max_worsening?: Threshold;
}

export interface DataGap extends Omit<WrittenDataGap, 'missing_share' | 'missing_share_before'> {
  /** Fractions (6% → 0.06). */
  missing_share?: number;
  missing_share_before?: number;
}

export interface Pilot extends Omit<WrittenPilot, 'power'> {
  power?: Omit<NonNullable<WrittenPilot['power']>, 'baseline' | 'mde'> & { baseline: number; mde: number };
}

export interface Spec extends Omit<WrittenSpec, 'metrics' | 'data_gaps' | 'criteria' | 'decision' | 'pilot'> {
  metrics: Metric[];
  data_gaps: DataGap[];
  pilot?: Pilot;
  criteria: Criterion[];
  decision: Omit<WrittenSpec['decision'], 'fallback' | 'target'> & {
    fallback: Fallback;
    /** The criterion headline metrics are graded against (the spec's, else the first go criterion). */
    target?: string;
    targetFrom: 'spec' | 'default';
  };
}
