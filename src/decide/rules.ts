// One rule → pass / fail / inconclusive, with the numbers that decided it.
// A condition on an interval bound is a claim about the true value: it passes when the interval shows it,
// fails when the interval shows the opposite, and is inconclusive while the interval straddles the threshold.
import type { Bound, DataGapRule, GuardrailsRule, Metric, MetricRule, SegmentRule, Spec } from '../spec/schema.js';
import { quantityOnScale, parseQuantity, parseShare, type Scale } from '../spec/quantity.js';
import { inferScale } from '../spec/rules.js';
import type { ChangeRead, MetricRead } from '../stats/results.js';
import type { QualityCheck } from '../sources/snapshot.js';
import { OVERALL } from '../sources/snapshot.js';
import type { RuleOutcome, Status } from './types.js';
import { fmtChange, fmtInterval, fmtThreshold } from '../deck/format.js';

export interface RuleContext {
  spec: Spec;
  metrics: Map<string, Metric>;
  read: (metric: string, segment: string) => MetricRead | undefined;
  quality: QualityCheck[];
  guardrails: RuleOutcome[];
}

export function changeOn(read: MetricRead | undefined, scale: Scale): ChangeRead | null {
  if (!read) return null;
  return scale === 'relative' ? read.relative : read.absolute;
}

type Side = 'at_least' | 'at_most';
const SYMBOL: Record<Side, string> = { at_least: '≥', at_most: '≤' };

/** Status of one condition on one bound. */
function condition(kind: 'estimate' | 'ci_lower' | 'ci_upper', side: Side, t: number, ch: ChangeRead): { status: Status; value: number } {
  const lo = ch.ci?.lo ?? ch.estimate;
  const hi = ch.ci?.hi ?? ch.estimate;
  const ok = (v: number) => (side === 'at_least' ? v >= t : v <= t);
  if (kind === 'estimate') {
    if (ok(ch.estimate)) return { status: 'pass', value: ch.estimate };
    // the whole interval on the wrong side: the threshold is ruled out
    return { status: ok(lo) || ok(hi) ? 'inconclusive' : 'fail', value: ch.estimate };
  }
  const value = kind === 'ci_lower' ? lo : hi;
  if (ok(value)) return { status: 'pass', value };
  // ci_lower ≥ t fails once even the upper end is below t; ci_upper ≤ t fails once even the lower end is above t.
  const other = kind === 'ci_lower' ? hi : lo;
  const claimIsConfidence = (kind === 'ci_lower' && side === 'at_least') || (kind === 'ci_upper' && side === 'at_most');
  if (!claimIsConfidence) return { status: 'fail', value };
  return { status: ok(other) ? 'inconclusive' : 'fail', value };
}

export function combine(statuses: Status[]): Status {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.every((s) => s === 'pass')) return 'pass';
  return 'inconclusive';
}

export function evalMetricRule(rule: Omit<MetricRule, 'segment'> & { segment?: string }, ctx: RuleContext): RuleOutcome {
  const metric = ctx.metrics.get(rule.metric)!;
  const segment = rule.segment ?? OVERALL;
  const scaleInfo = inferScale(rule);
  const scale: Scale = 'scale' in scaleInfo ? scaleInfo.scale : 'relative';
  const parts: string[] = [];
  const conds: { kind: 'estimate' | 'ci_lower' | 'ci_upper'; side: Side; t: number }[] = [];
  for (const kind of ['estimate', 'ci_lower', 'ci_upper'] as const) {
    const b: Bound | undefined = rule[kind];
    for (const side of ['at_least', 'at_most'] as const) {
      const q = b?.[side];
      if (q === undefined) continue;
      const r = quantityOnScale(q, scale, metric.kind);
      const t = 'value' in r ? r.value : NaN;
      conds.push({ kind, side, t });
      parts.push(`${kind === 'estimate' ? 'change' : kind === 'ci_lower' ? 'CI lower bound' : 'CI upper bound'} ${SYMBOL[side]} ${fmtThreshold(t, scale, metric)}`);
    }
  }
  const where = segment === OVERALL ? '' : ` (${segment.replace('=', ': ')})`;
  const text = `${metric.label}${where}: ${parts.join(' and ')}`;
  const thresholdValue = (conds.find((c) => c.kind === 'estimate') ?? conds[0])?.t;
  const threshold = parts.join(' and ');
  const read = ctx.read(rule.metric, segment);
  const ch = changeOn(read, scale);
  if (!ch) return { text, status: 'inconclusive', metric: rule.metric, segment, scale, threshold, thresholdValue, reason: `no ${scale} change for ${metric.label}${where} in the data` };
  const results = conds.map((c) => ({ ...c, ...condition(c.kind, c.side, c.t, ch) }));
  const status = combine(results.map((r) => r.status));
  const failing = results.find((r) => r.status !== 'pass');
  const observed = `${fmtChange(ch.estimate, scale, metric)} ${fmtInterval(ch.ci, scale, metric, ctx.spec.decision.confidence)}`;
  const reason =
    status === 'pass'
      ? `observed ${observed}`
      : `observed ${observed}: ${failing!.kind === 'estimate' ? 'the change' : failing!.kind === 'ci_lower' ? 'the lower bound' : 'the upper bound'} ${fmtChange(failing!.value, scale, metric)} is not ${SYMBOL[failing!.side]} ${fmtThreshold(failing!.t, scale, metric)}`;
  return { text, status, metric: rule.metric, segment, scale, observed: { estimate: ch.estimate, ci: ch.ci }, threshold, thresholdValue, reason };
}

/** Guardrail as a non-inferiority check (Eppo's guardrail cutoff): the CI bound on the bad side vs the allowed worsening. */
export function evalGuardrail(metric: Metric, ctx: Omit<RuleContext, 'guardrails'>): RuleOutcome | undefined {
  if (metric.max_worsening === undefined) return undefined;
  const p = parseQuantity(metric.max_worsening)!;
  const scale: Scale = p.unit === 'percent' ? 'relative' : 'absolute';
  const margin = Math.abs(p.value);
  const q = metric.better === 'lower' ? { ci_upper: { at_most: margin } } : { ci_lower: { at_least: -margin } };
  const outcome = evalMetricRule({ metric: metric.id, scale, ...q }, { ...ctx, guardrails: [] });
  const worse = metric.better === 'lower' ? 'rise' : 'fall';
  return { ...outcome, text: `${metric.label}: no ${worse} beyond ${fmtThreshold(margin, scale, metric).replace(/^[+\u2212]/, '')}` };
}

export function evalGuardrailsRule(rule: GuardrailsRule, ctx: RuleContext): RuleOutcome {
  const statuses = ctx.guardrails.map((g) => g.status);
  const label = (id?: string) => (id ? (ctx.metrics.get(id)?.label ?? id) : '');
  const breached = ctx.guardrails.filter((g) => g.status === 'fail').map((g) => label(g.metric));
  const unclear = ctx.guardrails.filter((g) => g.status === 'inconclusive').map((g) => label(g.metric));
  const all = combine(statuses);
  if (rule.guardrails === 'pass') {
    const reason = all === 'pass' ? `all ${statuses.length} guardrails within their limits` : all === 'fail' ? `breached: ${breached.join(', ')}` : `not yet clear: ${unclear.join(', ')}`;
    return { text: 'Every guardrail within its limit', status: all, reason };
  }
  const status: Status = all === 'fail' ? 'pass' : all === 'pass' ? 'fail' : 'inconclusive';
  const reason = breached.length ? `breached: ${breached.join(', ')}` : unclear.length ? `not yet clear: ${unclear.join(', ')}` : 'no guardrail breached';
  return { text: 'Any guardrail breached', status, reason };
}

export function evalDataGapRule(rule: DataGapRule, ctx: RuleContext): RuleOutcome {
  const gap = ctx.spec.data_gaps.find((g) => g.id === rule.data_gap)!;
  const measured = ctx.quality.find((q) => q.gap === gap.id && q.kind === 'missing_variant');
  const share = measured ? (measured.after ?? measured.value) : gap.missing_share !== undefined ? parseShare(gap.missing_share) : undefined;
  const parts: string[] = [];
  const statuses: Status[] = [];
  for (const side of ['at_least', 'at_most'] as const) {
    const q = rule.missing_share[side];
    if (q === undefined) continue;
    const t = parseShare(q)!;
    parts.push(`${SYMBOL[side]} ${pct(t)}`);
    if (share !== undefined) statuses.push((side === 'at_least' ? share >= t : share <= t) ? 'pass' : 'fail');
  }
  const text = rule.note ?? `${gap.description}: missing share ${parts.join(' and ')}`;
  if (share === undefined) return { text, status: 'inconclusive', threshold: parts.join(' and '), reason: `no measured missing share for ${gap.id}` };
  return { text, status: combine(statuses), threshold: parts.join(' and '), reason: `${measured ? 'measured' : 'stated'} missing share ${pct(share)}` };
}

/** "No category shows both …": fails when any segment meets every condition on its point estimate. */
export function evalSegmentRule(rule: SegmentRule, ctx: RuleContext, segments: string[]): RuleOutcome {
  const by = rule.no_segment.by;
  const values = segments.filter((s) => s.startsWith(by + '='));
  const sub = rule.no_segment.all.map((r) => evalMetricRule({ ...r, ci_lower: undefined, ci_upper: undefined, estimate: r.estimate ?? r.ci_lower ?? r.ci_upper }, ctx));
  const text = rule.note ?? `No ${by} shows all of: ${sub.map((s) => s.text).join('; ')}`;
  if (values.length === 0) return { text, status: 'inconclusive', reason: `no reads by ${by} in the data` };
  const offenders = values.filter((seg) =>
    rule.no_segment.all.every((r) => evalMetricRule({ ...r, segment: seg, ci_lower: undefined, ci_upper: undefined, estimate: r.estimate ?? r.ci_lower ?? r.ci_upper }, ctx).status === 'pass'),
  );
  if (offenders.length) return { text, status: 'fail', reason: `${offenders.map((s) => s.split('=')[1]).join(', ')} show${offenders.length === 1 ? 's' : ''} the pattern` };
  return { text, status: 'pass', reason: `none of ${values.length} ${by} values shows the pattern` };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(x * 100 >= 10 || Number.isInteger(x * 100) ? 0 : 1)}%`;
}
