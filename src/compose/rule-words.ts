// Rules and their outcomes in words, through templates/rule-*.hbs: what a rule says (from the rule itself;
// a note adds to it, never replaces it) and why it came out as it did (the numbers that decided).
import type { Check, MetricRule, Rule } from '../spec/normalized.js';
import type { CheckOutcome, GuardrailOutcome, ReadValue, RuleOutcome } from '../decide/types.js';
import type { Metric } from '../spec/normalized.js';
import { changeColumnDecimals, fmtChange, fmtChangeWithInterval, fmtShare, fmtThreshold } from '../deck/format.js';
import { OVERALL, segmentValue } from '../model/rows.js';
import { kindOf, type Scale } from '../model/metric-kinds.js';
import type { Ctx } from './context.js';

const SYMBOL = { at_least: '≥', at_most: '≤' } as const;

/** One check in words: "change ≤ −10%", "CI upper bound ≤ −5%", "CI excludes 0 pp"; short: "≤ −10%", "upper ≤ −5%". */
export function checkWords(ctx: Ctx, check: Check, m: Metric, form: 'full' | 'short' = 'full'): string {
  const bar = fmtThreshold(check.bar.value, check.bar.scale, m);
  const key = form === 'short' ? 'rule-check-short' : 'rule-check';
  return check.type === 'interval'
    ? ctx.t(key, { interval: true, relation: check.relation, bar, on: '', symbol: '' })
    : ctx.t(key, { interval: false, relation: '', bar, on: check.on, symbol: SYMBOL[check.side] });
}

/** The segment a rule reads, as its words name it ("category: Plumbing"); empty for the overall read. */
function ruleSegment(segment: string | undefined): string {
  return segment && segment !== OVERALL ? segment.replace('=', ': ') : '';
}

function metricRuleWords(ctx: Ctx, rule: Pick<MetricRule, 'metric' | 'checks'> & { segment?: string }): string {
  const m = ctx.metric(rule.metric);
  return ctx.t('rule-metric', { label: m.label, segment: ruleSegment(rule.segment), checks: rule.checks.map((c) => checkWords(ctx, c, m)) });
}

const WORDS: { [T in Rule['type']]: (ctx: Ctx, rule: Extract<Rule, { type: T }>) => string } = {
  metric: metricRuleWords,
  segments: (ctx, rule) => ctx.t('rule-segments', { by: rule.by, parts: rule.pattern.map((p) => metricRuleWords(ctx, p)) }),
  guardrails: (ctx, rule) => ctx.t('rule-guardrails', { expect: rule.expect }),
  data_gap: (ctx, rule) => {
    const gap = ctx.spec.data_gaps.find((g) => g.id === rule.gap)!;
    return ctx.t('rule-data-gap', { description: gap.description, checks: rule.checks.map((c) => `${SYMBOL[c.side]} ${fmtShare(c.bar)}`) });
  },
};

/** The rule in words, with its note after it (where room is short, `note: false` leaves the note out, never the words). */
export function ruleText(ctx: Ctx, rule: Rule, opts: { note?: boolean } = {}): string {
  const words = (WORDS[rule.type] as (ctx: Ctx, r: Rule) => string)(ctx, rule);
  return rule.note && opts.note !== false ? ctx.t('rule-note', { rule: words, note: rule.note }) : words;
}

/** A guardrail's own check in words: "Support tickets per 100 requests: no rise beyond 10%". */
export function guardrailText(ctx: Ctx, g: GuardrailOutcome): string {
  const m = ctx.metric(g.metric);
  return ctx.t('rule-guardrail', { label: m.label, bound: g.bound, margin: fmtThreshold(g.margin.value, g.margin.scale, m).replace(/^[+\u2212]/, '') });
}

/** "−12.4% (90% CI −13.8% to −11.1%)"; a scenario's point (an interval of equal ends) is said to be one. */
export function observedText(ctx: Ctx, m: Metric, read: ReadValue, scale: 'relative' | 'absolute'): string {
  if (read.ci && read.ci.lo === read.ci.hi) return ctx.t('observed-point', { change: fmtChange(read.estimate, scale, m) });
  const shown = fmtChangeWithInterval(read.estimate, read.ci, scale, m, ctx.spec.decision.confidence);
  return `${shown.change} ${shown.interval}`;
}

/**
 * A compared number with enough decimals to tell it from its bar: a lower bound of −1.004 pp against
 * ≥ −1 pp reads "−1.004 pp", never "−1.0 pp is below −1 pp".
 */
export function fmtApart(value: number, bar: number, scale: Scale, m: Metric, decimals?: number): string {
  const shown = fmtChange(value, scale, m, decimals);
  const k = scale === 'relative' || kindOf(m.kind).share ? 100 : 1;
  const reads = (d: number) => Math.round(value * k * 10 ** d) / 10 ** d;
  const d0 = /\.(\d+)/.exec(shown)?.[1].length ?? 0;
  if (value === bar || Math.abs(reads(d0) - bar * k) > 1e-9) return shown;
  for (let d = d0 + 1; d <= 6; d++) if (Math.abs(reads(d) - bar * k) > 1e-9) return fmtChange(value, scale, m, d);
  return shown;
}

function missWords(ctx: Ctx, c: CheckOutcome, m: Metric): string {
  const { check } = c;
  const bar = fmtThreshold(check.bar.value, check.bar.scale, m);
  const value = c.value === null ? '' : fmtApart(c.value, check.bar.value, check.bar.scale, m);
  const what = check.type === 'interval' || check.on !== 'estimate' ? 'interval' : 'change';
  const base = { noData: c.status === 'no_data', what, bar, value };
  return check.type === 'interval'
    ? ctx.t('rule-miss', { ...base, interval: true, relation: check.relation, on: '', side: '' })
    : ctx.t('rule-miss', { ...base, interval: false, relation: '', on: check.on, side: check.side });
}

/**
 * Why a metric rule (or its read of one segment) came out as it did. `subject` names what was read, for a reason
 * said without its rule beside it ("Win rate at +2.1 pp …" where a table row would say "observed +2.1 pp …").
 */
export function readReason(ctx: Ctx, m: Metric, scale: 'relative' | 'absolute', o: { status: string; read: ReadValue | null; checks: CheckOutcome[] }, subject = ''): string {
  const misses = o.checks.filter((c) => c.status !== 'met').map((c) => missWords(ctx, c, m));
  return ctx.t('rule-reason-metric', { status: o.status, hasRead: Boolean(o.read), scale, observed: o.read ? observedText(ctx, m, o.read, scale) : '', misses, subject });
}

/**
 * `brief`: a reason said without its rule (the exec summary's lead): a metric's reason names the metric (and
 * segment) its numbers are of, a data gap's share the bars it missed, and a long list of segments is counted.
 */
interface ReasonOptions {
  brief?: boolean;
}

/** Past this many segments showing a pattern, a brief reason counts them and names the first three. */
const NAMED_SEGMENTS = 3;

const REASONS: { [T in RuleOutcome['type']]: (ctx: Ctx, o: Extract<RuleOutcome, { type: T }>, opts: ReasonOptions) => string } = {
  metric: (ctx, o, opts) => {
    const m = ctx.metric(o.rule.metric);
    const segment = ruleSegment(o.rule.segment);
    return readReason(ctx, m, o.rule.scale, o, opts.brief ? m.label + (segment ? ` (${segment})` : '') : '');
  },
  segments: (ctx, o, opts) => {
    const read = o.values.filter((v) => v.status !== 'no_data').length;
    const offenders = o.offenders.map(segmentValue);
    const counted = Boolean(opts.brief) && offenders.length > NAMED_SEGMENTS;
    return ctx.t('rule-reason-segments', { offenders, offenderCount: offenders.length, counted, named: offenders.slice(0, NAMED_SEGMENTS), read, unread: o.values.length - read, by: o.rule.by });
  },
  guardrails: (ctx, o) => {
    const label = (id: string) => ctx.metric(id).label;
    return ctx.t('rule-reason-guardrails', { breached: o.breached.map(label), breachedCount: o.breached.length, unclear: o.unclear.map(label), unread: o.unread.map(label), count: o.breached.length + o.unclear.length + o.within.length + o.unread.length });
  },
  // Said without its rule (brief), the share carries the bars it missed: "measured missing share 6.0% against ≤ 5%".
  data_gap: (ctx, o, opts) =>
    ctx.t('rule-reason-data-gap', {
      share: o.share === null ? '' : fmtShare(o.share),
      source: o.source ?? '',
      gap: ctx.spec.data_gaps.find((g) => g.id === o.rule.gap)?.description ?? o.rule.gap,
      missed: opts.brief ? o.checks.filter((c) => c.status !== 'met').map((c) => `${SYMBOL[c.side]} ${fmtShare(c.bar)}`) : [],
    }),
};

/** Why a rule came out as it did, in words. */
export function reasonText(ctx: Ctx, o: RuleOutcome, opts: ReasonOptions = {}): string {
  return (REASONS[o.type] as (ctx: Ctx, o: RuleOutcome, opts: ReasonOptions) => string)(ctx, o, opts);
}

export function guardrailReason(ctx: Ctx, g: GuardrailOutcome): string {
  const m = ctx.metric(g.metric);
  return ctx.t('rule-reason-guardrail', {
    status: g.status,
    hasRead: Boolean(g.read),
    observed: g.read ? observedText(ctx, m, g.read, g.scale) : '',
    bound: g.bound,
    // The bound is one of the interval's ends: printed at the interval's precision.
    value: g.value === null ? '' : fmtApart(g.value, g.limit, g.scale, m, g.read ? changeColumnDecimals([g.read], g.scale, m) : undefined),
    limit: fmtThreshold(g.limit, g.scale, m),
    scale: g.scale,
  });
}
