// Slides that are one chart and its reading: the efficiency frontier (speed gain against the quality
// change by segment, the region where both bars are met shaded: where to roll out first), the
// distribution of a duration metric, and each primary metric's daily trend.
import type { Slide } from '../deck/types.js';
import type { Ctx } from './context.js';
import { distributionFor, tradeoffForSegments, trendFor, valuesLabel } from './charts.js';
import { kindOf } from '../model/metric-kinds.js';

export function composeFrontier(ctx: Ctx): Slide[] {
  const frontier = tradeoffForSegments(ctx);
  if (!frontier) return [];
  const { chart, region, marked } = frontier;
  return [
    {
      id: 'tradeoff-frontier',
      kind: 'chart',
      section: 'Trade-offs',
      title: ctx.t('frontier-title', { region, marked }),
      blocks: [{ type: 'chart', chart }, { type: 'text', role: 'body', text: chart.alt }],
      notes: [ctx.t('frontier-notes', { region, marked })],
    },
  ];
}

/** Per-arm distribution of the first primary duration metric read from raw values. */
export function composeDistribution(ctx: Ctx): Slide[] {
  const m = ctx.spec.metrics.find((x) => x.role === 'primary' && kindOf(x.kind).rawValues && ctx.input.distributions?.[x.id]);
  const chart = m && distributionFor(ctx, m);
  if (!m || !chart) return [];
  return [
    {
      id: `distribution-${m.id}`,
      kind: 'chart',
      section: 'Metric deep-dives',
      title: ctx.t('distribution-title', { label: valuesLabel(m) }),
      blocks: [{ type: 'chart', chart }, { type: 'text', role: 'body', text: chart.alt }],
      notes: [],
    },
  ];
}

/** Each primary metric's daily trend per arm, when its SQL gives one. */
export function composeTrends(ctx: Ctx): Slide[] {
  return ctx.spec.metrics
    .filter((m) => m.role === 'primary')
    .flatMap((m) => {
      const chart = trendFor(ctx, m);
      const points = ctx.input.trends?.[m.id];
      if (!chart || !points) return [];
      const days = [...new Set(points.map((p) => p.date))];
      const better = days.filter((d) => {
        const c = points.find((p) => p.date === d && p.arm === 'control')?.value;
        const t = points.find((p) => p.date === d && p.arm === 'treatment')?.value;
        return c !== undefined && t !== undefined && (m.better === 'lower' ? t < c : t > c);
      }).length;
      return [{
        id: `trend-${m.id}`,
        kind: 'chart' as const,
        section: 'Metric deep-dives',
        title: ctx.t('trend-title', { label: m.label, better, days: days.length }),
        blocks: [{ type: 'chart' as const, chart }, { type: 'text' as const, role: 'body' as const, text: chart.alt }],
        notes: [ctx.t('trend-notes', { label: m.label })],
      }];
    });
}
