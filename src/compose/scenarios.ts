// Best / base / worst: what each assumes, the headline changes, and the verdict under each.
import type { Slide } from '../deck/types.js';
import { type Ctx } from './context.js';
import { fmtChange } from '../deck/format.js';
import { scenarioChart } from './charts.js';

export function composeScenarios(ctx: Ctx): Slide[] {
  const { decision } = ctx;
  const flips = decision.scenarios.filter((s) => s.flips);
  const chart = scenarioChart(ctx);
  const columns = decision.scenarios.map((s) => ({
    heading: `${s.name.charAt(0).toUpperCase()}${s.name.slice(1)} case`,
    tone: s.flips ? ('fail' as const) : s.name === 'base' ? ('accent' as const) : ('pass' as const),
    blocks: [
      { type: 'text' as const, role: 'caption' as const, text: s.assumption },
      { type: 'bullets' as const, items: s.changes.map((c) => ({ text: `${ctx.metric(c.metric).label}: ${fmtChange(c.estimate, c.scale, ctx.metric(c.metric))}` })) },
      { type: 'text' as const, role: 'body' as const, tone: s.flips ? ('fail' as const) : ('pass' as const), text: ctx.t('scenario-verdict', { verdict: s.verdict.label, flips: s.flips, fallback: s.verdict.fallback }) },
    ],
  }));
  // What breaks in a flipping scenario: the first rule of the base verdict's criterion that no longer passes.
  const cause = flips.flatMap((s) => s.criteria.find((c) => c.id === decision.verdict.criterion)?.rules.find((r) => r.status !== 'pass') ?? [])[0];
  const primaryMiss = cause?.metric !== undefined && ctx.metric(cause.metric).role === 'primary';
  const data = {
    verdict: decision.verdict.label,
    flips: flips.length > 0,
    flipNames: flips.map((s) => s.name),
    flipVerdict: flips[0]?.verdict.label ?? '',
    primaryMiss,
    cause: cause ? `“${cause.text.charAt(0).toLowerCase() + cause.text.slice(1)}” no longer holds (${cause.reason})` : '',
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
      notes: [ctx.t('scenarios-notes', { flips: flips.length > 0, flipNames: flips.map((s) => s.name), verdict: decision.verdict.label, cause: data.cause })],
    },
  ];
}
