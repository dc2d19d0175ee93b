// Best / base / worst: what each assumes, the headline changes, and the verdict under each.
import type { Slide } from '../deck/types.js';
import { type Ctx } from './context.js';
import { fmtChange } from '../deck/format.js';
import { scenarioChart } from './charts.js';
import { reasonText, ruleText } from './rule-words.js';
import { MARK_WORD, markOf } from '../model/outcomes.js';

export function composeScenarios(ctx: Ctx): Slide[] {
  const { decision } = ctx;
  const flips = decision.scenarios.filter((s) => s.flips);
  const chart = scenarioChart(ctx);
  const columns = decision.scenarios.map((s) => ({
    heading: `${s.name.charAt(0).toUpperCase()}${s.name.slice(1)} case`,
    ...(s.name === 'base' ? { tone: 'accent' as const } : {}),
    blocks: [
      { type: 'text' as const, role: 'caption' as const, text: s.assumption ?? ctx.t('scenario-assumption', { name: s.name }) },
      { type: 'bullets' as const, items: s.changes.map((c) => ({ text: `${ctx.metric(c.metric).label}: ${fmtChange(c.estimate, c.scale, ctx.metric(c.metric))}` })) },
      { type: 'text' as const, role: 'body' as const, text: ctx.t('scenario-verdict', { verdict: s.verdict.label, flips: s.flips, fallback: s.verdict.fallback }) },
    ],
  }));
  // What turns in a flipping scenario: the first rule of the base verdict's criterion whose outcome differs from the base case.
  const baseRules = ctx.criterion(decision.verdict.criterion)?.rules ?? [];
  const cause = flips.flatMap((s) => s.criteria.find((c) => c.id === decision.verdict.criterion)?.rules.find((r, i) => r.status !== baseRules[i]?.status) ?? [])[0];
  const primaryMiss = cause?.type === 'metric' && ctx.metric(cause.rule.metric).role === 'primary';
  const data = {
    verdict: decision.verdict.label,
    flips: flips.length > 0,
    flipNames: flips.map((s) => s.name),
    flipVerdict: flips[0]?.verdict.label ?? '',
    primaryMiss,
    hasCause: Boolean(cause),
    cause: cause ? ruleText(ctx, cause.rule) : '',
    causeMark: cause ? MARK_WORD[markOf(cause.status, cause.polarity)] : '',
    causeReason: cause ? reasonText(ctx, cause) : '',
  };
  return [
    ...(chart
      ? [{ id: 'scenarios-chart', kind: 'chart' as const, section: 'Scenarios', title: ctx.t('scenarios-chart-title', data), blocks: [{ type: 'chart' as const, chart }], notes: [chart.alt] }]
      : []),
    {
      id: 'scenarios',
      kind: 'scenarios',
      section: 'Scenarios',
      title: ctx.t('scenarios-title', data),
      blocks: [{ type: 'columns', columns }],
      notes: [ctx.t('scenarios-notes', data)],
    },
  ];
}

