// One evaluator per kind of rule and per kind of check, behind typed maps: a new kind is a type error
// until it has an evaluator. The semantics (README "Rules"):
// - a bound check compares one number (the estimate, the lower or the upper bound) with the bar:
//   at_least / at_most, the bar itself included. A bound past the bar is not met; nothing is "inconclusive".
// - an interval check reads the whole interval: excludes X (X outside it), includes X (X inside it,
//   ends included), above X (lower bound > X), below X (upper bound < X).
// - a check whose number is missing (no read, or no interval) has no data; a rule is met when every check
//   is, not met when any is not, and has no data otherwise.
import type { Check, DataGapRule, GuardrailsRule, Metric, MetricRule, Rule, SegmentsRule, Spec } from '../spec/normalized.js';
import { changeOn, type MetricRead } from '../stats/results.js';
import type { QualityCheck } from '../sources/snapshot.js';
import { OVERALL } from '../model/rows.js';
import { allOf, type Polarity, type Status } from '../model/outcomes.js';
import type { CheckOutcome, DataGapRuleOutcome, GuardrailOutcome, GuardrailsRuleOutcome, MetricRuleOutcome, ReadOutcome, ReadValue, RuleOutcome, SegmentsRuleOutcome } from './types.js';

export interface EvalContext {
  spec: Spec;
  metric: (id: string) => Metric;
  read: (metric: string, segment: string) => MetricRead | undefined;
  /** Segments the data reads each metric by, in the data's order. */
  segments: (metric: string) => string[];
  quality: QualityCheck[];
  guardrails: GuardrailOutcome[];
}

type CheckEvaluator<C extends Check> = (check: C, read: ReadValue) => CheckOutcome;

const CHECKS: { [T in Check['type']]: CheckEvaluator<Extract<Check, { type: T }>> } = {
  bound: (check, read) => {
    const value = check.on === 'estimate' ? read.estimate : read.ci ? (check.on === 'lower' ? read.ci.lo : read.ci.hi) : null;
    if (value === null) return { check, status: 'no_data', value };
    const met = check.side === 'at_least' ? value >= check.bar.value : value <= check.bar.value;
    return { check, status: met ? 'met' : 'not_met', value };
  },
  interval: (check, read) => {
    if (!read.ci) return { check, status: 'no_data', value: null };
    const { lo, hi } = read.ci;
    const x = check.bar.value;
    const inside = lo <= x && x <= hi;
    const met = { excludes: !inside, includes: inside, above: lo > x, below: hi < x }[check.relation];
    const value = check.relation === 'above' ? lo : check.relation === 'below' ? hi : null;
    return { check, status: met ? 'met' : 'not_met', value };
  },
};

function evalCheck(check: Check, read: ReadValue): CheckOutcome {
  return (CHECKS[check.type] as CheckEvaluator<Check>)(check, read);
}

/** A metric rule's checks against one read of its metric. */
export function readOutcome(rule: Pick<MetricRule, 'scale' | 'checks'>, read: MetricRead | undefined, segment: string): ReadOutcome {
  const change = changeOn(read, rule.scale);
  if (!change) return { segment, status: 'no_data', read: null, checks: rule.checks.map((check) => ({ check, status: 'no_data', value: null })) };
  const value: ReadValue = { estimate: change.estimate, ci: change.ci ? { lo: change.ci.lo, hi: change.ci.hi } : null };
  const checks = rule.checks.map((c) => evalCheck(c, value));
  return { segment, status: allOf(checks.map((c) => c.status)), read: value, checks };
}

type Base = { criterion: string; polarity: Polarity };
type RuleEvaluator<R extends Rule> = (rule: R, ctx: EvalContext, base: Base) => Extract<RuleOutcome, { rule: R }>;

const RULES: { [T in Rule['type']]: RuleEvaluator<Extract<Rule, { type: T }>> } = {
  metric: (rule, ctx, base): MetricRuleOutcome => {
    const own = readOutcome(rule, ctx.read(rule.metric, rule.segment), rule.segment);
    const segments = rule.segment === OVERALL ? ctx.segments(rule.metric).map((s) => readOutcome(rule, ctx.read(rule.metric, s), s)) : [];
    return { type: 'metric', rule, ...base, ...own, segments };
  },

  segments: (rule: SegmentsRule, ctx, base): SegmentsRuleOutcome => {
    const prefix = `${rule.by}=`;
    const values = [...new Set(rule.pattern.flatMap((p) => ctx.segments(p.metric)).filter((s) => s.startsWith(prefix)))].map((segment) => {
      const parts = rule.pattern.map((p) => readOutcome(p, ctx.read(p.metric, segment), segment));
      return { segment, status: allOf(parts.map((p) => p.status)), parts };
    });
    const offenders = values.filter((v) => v.status === 'met').map((v) => v.segment);
    // Met when no segment read shows the pattern; not met when one does; no data when no segment could be read.
    const status: Status = offenders.length ? 'not_met' : values.some((v) => v.status === 'not_met') ? 'met' : 'no_data';
    return { type: 'segments', rule, ...base, status, values, offenders };
  },

  guardrails: (rule: GuardrailsRule, ctx, base): GuardrailsRuleOutcome => {
    const ids = (s: GuardrailOutcome['status']) => ctx.guardrails.filter((g) => g.status === s).map((g) => g.metric);
    const [breached, unclear, within, unread] = [ids('met'), ids('not_clear'), ids('not_met'), ids('no_data')];
    // pass: met when every guardrail is shown within its limit; not met when one is breached or not yet clear.
    // breached: met (triggered) when one is breached; not met when none is and every one was read.
    const status: Status =
      rule.expect === 'pass'
        ? breached.length || unclear.length ? 'not_met' : unread.length ? 'no_data' : 'met'
        : breached.length ? 'met' : unread.length ? 'no_data' : 'not_met';
    return { type: 'guardrails', rule, ...base, status, breached, unclear, within, unread };
  },

  data_gap: (rule: DataGapRule, ctx, base): DataGapRuleOutcome => {
    const gap = ctx.spec.data_gaps.find((g) => g.id === rule.gap)!;
    const measured = ctx.quality.find((q) => q.gap === gap.id && q.kind === 'missing_variant');
    const share = measured ? (measured.after ?? measured.value) : (gap.missing_share ?? null);
    const source = measured ? 'measured' : share === null ? null : 'stated';
    const checks = rule.checks.map((c) => ({ ...c, status: (share === null ? 'no_data' : (c.side === 'at_least' ? share >= c.bar : share <= c.bar) ? 'met' : 'not_met') as Status }));
    return { type: 'data_gap', rule, ...base, status: allOf(checks.map((c) => c.status)), share, source, checks };
  },
};

export function evalRule(rule: Rule, ctx: EvalContext, base: Base): RuleOutcome {
  return (RULES[rule.type] as RuleEvaluator<Rule>)(rule, ctx, base);
}

/**
 * A guardrail as a non-inferiority check (Eppo's guardrail cutoff), a stop rule: breached (met) when the
 * estimate lies past the allowed worsening; not yet clear while the estimate is within it and the interval's
 * worse end reaches past it; within its limit (not met) when the whole interval is within. At the limit is within.
 */
export function evalGuardrail(metric: Metric, ctx: Pick<EvalContext, 'read'>): GuardrailOutcome | undefined {
  const margin = metric.max_worsening;
  if (!margin) return undefined;
  const lowerIsBetter = metric.better === 'lower';
  const bound = lowerIsBetter ? 'upper' : 'lower';
  const limit = lowerIsBetter ? margin.value : -margin.value;
  const change = changeOn(ctx.read(metric.id, OVERALL), margin.scale);
  const base = { type: 'guardrail' as const, metric: metric.id, polarity: 'stop' as const, scale: margin.scale, bound, margin, limit } satisfies Partial<GuardrailOutcome>;
  if (!change) return { ...base, status: 'no_data', read: null, value: null };
  const past = (x: number) => (lowerIsBetter ? x > limit : x < limit);
  const read = { estimate: change.estimate, ci: change.ci ? { lo: change.ci.lo, hi: change.ci.hi } : null };
  const value = change.ci ? (lowerIsBetter ? change.ci.hi : change.ci.lo) : null;
  const status = past(change.estimate) ? 'met' : value === null ? 'no_data' : past(value) ? 'not_clear' : 'not_met';
  return { ...base, status, read, value };
}
