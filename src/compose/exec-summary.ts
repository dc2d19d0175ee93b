// The one-page exec summary: the ask, the recommendation, headline metrics vs thresholds with intervals,
// confidence, top risks, rollout and rollback in one line each.
import { inSentence, optionCode } from '../model/words.js';
import type { Kpi, Slide } from '../deck/types.js';
import type { GuardrailOutcome, MetricRuleOutcome } from '../decide/types.js';
import { type Ctx, describeChange, displayChange, headlineMark } from './context.js';
import { fmtMinutes, fmtThreshold, fmtP } from '../deck/format.js';
import { checkWords, reasonText, ruleText } from './rule-words.js';
import { verdictBecause } from './verdict-words.js';
import { afterDecision } from './plan.js';
import { doseReceived } from './compliance.js';
import { flipData, scenarioFlips } from './scenario-flips.js';
import { causeText } from './scenarios.js';
import { countsHarms, decisionHarms, harmWords } from './segment-harm.js';

export function composeExecSummary(ctx: Ctx): Slide[] {
  const { spec, decision, t } = ctx;
  const v = decision.verdict;
  const kpis: Kpi[] = spec.metrics
    .filter((m) => m.role === 'primary')
    .concat(spec.metrics.filter((m) => m.role === 'guardrail'))
    .slice(0, 4)
    .flatMap((m) => {
      const near = displayChange(ctx, ctx.read(m.id), m);
      if (!near) return [];
      const graded = headlineMark(ctx, m);
      const d = describeChange(m, near.change, near.scale, spec.decision.confidence);
      const detail = t('exec-kpi-detail', { interval: d.interval.replace(/[()]/g, ''), hasBar: Boolean(graded), bar: graded ? barWords(ctx, graded.outcome) : '' });
      return [{ label: m.label, value: d.change, detail, tone: graded?.mark.tone ?? 'neutral', ...(graded ? { mark: graded.mark.text } : {}) }];
    });
  const flips = scenarioFlips(ctx).map((f) => ({ ...flipData(f), cause: causeText(ctx, f) }));
  const plan = afterDecision(ctx);
  const dose = doseReceived(ctx);
  const risk = [...plan.risks].sort((a, b) => rank(b.impact) + rank(b.likelihood) - rank(a.impact) - rank(a.likelihood))[0];
  const srm = ctx.results.srm;
  const dq = ctx.quality.filter((q) => q.status === 'fail');
  const bullets = [
    ...(srm?.mismatch ? [{ text: t('exec-srm', { p: fmtP(srm.p) }), tone: 'fail' as const }] : []),
    ...dq.map((q) => ({ text: t('exec-data-quality', { message: q.message }), tone: 'fail' as const })),
    { text: t('exec-confidence', { confidence: ctx.confidence, met: decision.counts.met, notMet: decision.counts.not_met, triggered: decision.counts.triggered, notTriggered: decision.counts.not_triggered, noData: decision.counts.no_data, hasFlips: flips.length > 0, flipList: flips }) },
    ...(dose ? [{ text: t('exec-dose', dose) }] : []),
    ...harmBullets(ctx),
    ...(risk ? [{ text: t('exec-risks', { risk: inSentence(risk.description), mitigation: inSentence(risk.mitigation) }) }] : []),
    // The plan and the runbook slides say these too: a slide too full for them leaves them to its notes.
    ...(plan.timeline[0] ? [{ text: t('exec-rollout', { when: plan.timeline[0].when, what: plan.timeline[0].what, owner: plan.timeline[0].owner }), optional: true }] : []),
    ...(plan.rollback ? [{ text: t('exec-rollback', { who: plan.rollback.who_flips, sla: fmtMinutes(plan.rollback.sla_minutes), trigger: inSentence(plan.rollback.triggers[0]) }), optional: true }] : []),
  ];
  // The go criterion just above the verdict that is not met, with the rule that kept it from holding.
  const blocker = [...v.blockers].reverse().find((b) => b.criterion.polarity === 'go');
  const because = verdictBecause(ctx);
  return [
    {
      id: 'exec-summary',
      kind: 'exec-summary',
      section: 'Summary',
      title: t('exec-title', { option: optionCode(v.option) ?? '', optionLabel: ctx.optionLabel(v.option), verdict: v.label, fallback: v.fallback, headline: headline(ctx) }),
      subtitle: t('exec-question', { question: ctx.question() }),
      blocks: [
        { type: 'text', role: 'lead', text: t('exec-ask', { verdict: v.label, option: optionCode(v.option) ?? '', hasBlocker: Boolean(blocker), blockerLabel: blocker?.criterion.label ?? '', blockerRule: blocker?.rule ? ruleText(ctx, blocker.rule.rule) : '', blockerReason: blocker?.rule ? reasonText(ctx, blocker.rule, { brief: true }) : '', blockerRules: blocker?.criterion.rules.length ?? 0 }) },
        { type: 'kpis', items: kpis },
        { type: 'bullets', items: bullets },
      ],
      notes: [t('exec-notes', { verdict: v.label, decidedBy: because, confidence: ctx.confidence, blockers: v.blockers.filter((b) => b.criterion.polarity === 'go').map((b) => t('exec-blocker', { label: b.criterion.label, hasRule: Boolean(b.rule), rule: b.rule ? ruleText(ctx, b.rule.rule) : '', reason: b.rule ? reasonText(ctx, b.rule) : '', count: b.criterion.rules.length })) })],
    },
  ];
}

/** The first primary metric's change, e.g. "median time to first quote −11.9%". */
function headline(ctx: Ctx): string {
  const m = ctx.spec.metrics.find((x) => x.role === 'primary');
  const near = m && displayChange(ctx, ctx.read(m.id), m);
  if (!m || !near) return '';
  const d = describeChange(m, near.change, near.scale, ctx.spec.decision.confidence);
  return `${d.labelLower} ${d.change}`;
}

/** The bar a card is graded against: the rule's checks, or the guardrail's limit. */
function barWords(ctx: Ctx, o: MetricRuleOutcome | GuardrailOutcome): string {
  const m = ctx.metric(o.type === 'metric' ? o.rule.metric : o.metric);
  if (o.type === 'metric') return ctx.t('exec-kpi-bar', { checks: o.rule.checks.map((c) => checkWords(ctx, c, m, 'short')) });
  return ctx.t('exec-kpi-limit', { limit: fmtThreshold(o.limit, o.scale, m), bound: o.bound });
}

function rank(level: string): number {
  return level === 'high' ? 3 : level === 'medium' ? 2 : 1;
}

/**
 * One bullet per decision metric with clearly harmed segments, the first two metrics by name, the rest counted. For a
 * summary too full for them, their brief words are one line naming every metric with its harmed segments (the first
 * bullet's; the others' are none).
 */
function harmBullets(ctx: Ctx): { text: string; brief: string }[] {
  const byMetric = new Map<string, ReturnType<typeof decisionHarms>>();
  for (const h of decisionHarms(ctx)) byMetric.set(h.metric.id, [...(byMetric.get(h.metric.id) ?? []), h]);
  const groups = [...byMetric.values()];
  const shown = groups.slice(0, 2).map((hs) => {
    const one = hs.length === 1 ? hs[0].words : undefined;
    const { harms, harmCount, harmMany, worstHarm, harmAdjusted } = harmWords(ctx, hs);
    return ctx.t('exec-segment-harm', {
      label: hs[0].metric.label,
      segments: harms,
      count: harmCount,
      many: harmMany,
      worst: worstHarm,
      one: Boolean(one),
      interval: one?.interval ?? '',
      segment: one?.segment ?? '',
      change: one?.change ?? '',
      p: one?.p ?? '',
      adjusted: harmAdjusted,
      adjustment: ctx.adjustmentName,
    });
  });
  // Each metric with its harmed segments: past two metrics, one line names the rest so.
  const named = groups.map((hs) => ctx.t('segment-harm-metric', { label: hs[0].metric.label, segments: hs.map((h) => h.segment), count: hs.length, many: countsHarms(hs.length) }));
  const rest = named.slice(2);
  const lines = rest.length ? [...shown, ctx.t('exec-segment-harm-more', { items: rest, count: rest.length })] : shown;
  const brief = ctx.t('exec-segment-harm-brief', { items: named });
  return lines.map((text, i) => ({ text, brief: i === 0 ? brief : '' }));
}
