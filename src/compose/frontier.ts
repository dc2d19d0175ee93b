// The efficiency frontier: speed gain against the quality change, segment by segment, with the region
// where both bars are met shaded — where to roll out first.
import type { Slide } from '../deck/types.js';
import type { Ctx } from './context.js';
import { distributionFor, tradeoffForSegments } from './charts.js';

export function composeFrontier(ctx: Ctx): Slide[] {
  const chart = tradeoffForSegments(ctx);
  if (!chart) return [];
  return [
    {
      id: 'tradeoff-frontier',
      kind: 'chart',
      section: 'Trade-offs',
      title: ctx.t('frontier-title', {}),
      blocks: [{ type: 'chart', chart }, { type: 'text', role: 'body', text: chart.alt }],
      notes: [ctx.t('frontier-notes', {})],
    },
  ];
}

/** Per-arm distribution of the first primary duration metric read from raw values. */
export function composeDistribution(ctx: Ctx): Slide[] {
  const m = ctx.spec.metrics.find((x) => x.role === 'primary' && (x.kind === 'median' || x.kind === 'quantile') && ctx.input.distributions?.[x.id]);
  const chart = m && distributionFor(ctx, m);
  if (!m || !chart) return [];
  return [
    {
      id: `distribution-${m.id}`,
      kind: 'chart',
      section: 'Metric deep-dives',
      title: ctx.t('distribution-title', { label: m.label }),
      blocks: [{ type: 'chart', chart }, { type: 'text', role: 'body', text: chart.alt }],
      notes: [],
    },
  ];
}
