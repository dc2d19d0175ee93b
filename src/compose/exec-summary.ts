// The one-page exec summary: the ask, the recommendation, headline metrics vs thresholds with intervals,
// confidence, top risks, rollout and rollback in one line each.
import type { Kpi, Slide } from '../deck/types.js';
import { type Ctx, STATUS_TONE, describeChange, findRule, headlineChange, scaleOf } from './context.js';
import { fmtMinutes, fmtThreshold, fmtP } from '../deck/format.js';
import { afterDecision } from './plan.js';
import { doseReceived } from './compliance.js';

export function composeExecSummary(ctx: Ctx): Slide[] {
  const { spec, decision, t } = ctx;
  const v = decision.verdict;
  const kpis: Kpi[] = spec.metrics
    .filter((m) => m.role === 'primary')
    .concat(spec.metrics.filter((m) => m.role === 'guardrail'))
    .slice(0, 4)
    .flatMap((m) => {
      const read = ctx.read(m.id);
      const ch = headlineChange(read, m);
      if (!read || !ch) return [];
      const scale = scaleOf(read, ch);
      const rule = findRule(ctx, m.id);
      const d = describeChange(m, ch, scale, spec.decision.confidence);
      const bar = rule?.thresholdValue !== undefined && rule.scale ? ` · bar ${fmtThreshold(rule.thresholdValue, rule.scale, m)}` : '';
      return [{ label: m.label, value: d.change, detail: `${d.interval.replace(/[()]/g, '')}${bar}`, tone: rule ? STATUS_TONE[rule.status] : 'neutral' }];
    });
  const flips = decision.scenarios.filter((s) => s.flips);
  const plan = afterDecision(ctx);
  const dose = doseReceived(ctx);
  const risk = [...plan.risks].sort((a, b) => rank(b.impact) + rank(b.likelihood) - rank(a.impact) - rank(a.likelihood))[0];
  const srm = ctx.results.srm;
  const dq = ctx.quality.filter((q) => q.status === 'fail');
  const bullets = [
    ...(srm?.mismatch ? [{ text: t('exec-srm', { p: fmtP(srm.p) }), tone: 'fail' as const }] : []),
    ...dq.map((q) => ({ text: t('exec-data-quality', { message: q.message }), tone: 'fail' as const })),
    { text: t('exec-confidence', { confidence: ctx.confidence, pass: decision.counts.pass, fail: decision.counts.fail, inconclusive: decision.counts.inconclusive, flips: flips.map((s) => s.name).join(' and '), hasFlips: flips.length > 0, worstVerdict: flips[0]?.verdict.label ?? '' }) },
    ...(dose ? [{ text: t('exec-dose', dose) }] : []),
    ...(risk ? [{ text: t('exec-risks', { risk: lowerFirst(risk.description), mitigation: lowerFirst(risk.mitigation) }) }] : []),
    ...(plan.timeline[0] ? [{ text: t('exec-rollout', { when: plan.timeline[0].when, what: plan.timeline[0].what, owner: plan.timeline[0].owner }) }] : []),
    ...(plan.rollback ? [{ text: t('exec-rollback', { who: plan.rollback.who_flips, sla: fmtMinutes(plan.rollback.sla_minutes), trigger: plan.rollback.triggers[0] }) }] : []),
  ];
  const blocker = v.blockers[v.blockers.length - 1];
  return [
    {
      id: 'exec-summary',
      kind: 'exec-summary',
      section: 'Summary',
      title: t('exec-title', { option: v.option ?? '', optionLabel: ctx.optionLabel(v.option), verdict: v.label, fallback: v.fallback, headline: headline(ctx) }),
      subtitle: t('exec-question', { question: ctx.question() }),
      blocks: [
        { type: 'text', role: 'lead', text: t('exec-ask', { verdict: v.label, option: v.option ?? '', hasBlocker: Boolean(blocker), blockerLabel: blocker?.label ?? '', blockerRule: blocker?.rule ?? '', blockerReason: blocker?.reason ?? '' }) },
        { type: 'kpis', items: kpis },
        { type: 'bullets', items: bullets },
      ],
      notes: [t('exec-notes', { verdict: v.label, decidedBy: v.decidedBy, confidence: ctx.confidence, blockers: v.blockers.map((b) => `${b.label}: ${b.rule} (${b.reason})`) })],
    },
  ];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The first primary metric's change, e.g. "median time to first quote −11.9%". */
function headline(ctx: Ctx): string {
  const m = ctx.spec.metrics.find((x) => x.role === 'primary');
  const read = m && ctx.read(m.id);
  const ch = m && headlineChange(read, m);
  if (!m || !read || !ch) return '';
  const d = describeChange(m, ch, scaleOf(read, ch), ctx.spec.decision.confidence);
  return `${d.labelLower} ${d.change}`;
}

function rank(level: string): number {
  return level === 'high' ? 3 : level === 'medium' ? 2 : 1;
}
