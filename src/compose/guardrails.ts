// Guardrails on one chart (several when one does not draw them all at a readable pitch): each observed change
// with its interval against its allowed worsening, and each guardrail's check in words (a stop rule: triggered
// when the estimate lies past the limit, not yet clear while the interval still reaches past it).
import type { Slide } from '../deck/types.js';
import type { Ctx } from './context.js';
import { guardrailCharts } from './charts.js';
import { marked } from './marks.js';
import { guardrailReason, guardrailText } from './rule-words.js';
import { continued } from '../model/words.js';

export function composeGuardrails(ctx: Ctx): Slide[] {
  const g = ctx.decision.guardrails;
  const charts = guardrailCharts(ctx);
  if (!g.length || !charts.length) return [];
  const breached = g.filter((x) => x.status === 'met');
  const unclear = g.filter((x) => x.status === 'not_clear');
  const unread = g.filter((x) => x.status === 'no_data');
  const title = ctx.t('guardrails-title', { count: g.length, breached: breached.length, unclear: unclear.length, unread: unread.length });
  // More guardrails than a chart draws at a readable pitch take several charts: each goes on as its own slide,
  // titled like a slide the layout continues, with the lines of the guardrails it draws (and of any without a read
  // that come after them, which no chart draws).
  const starts = charts.map(({ metrics }, i) => (i === 0 ? 0 : g.findIndex((x) => x.metric === metrics[0])));
  return charts.map(({ chart }, i): Slide => ({
    id: i === 0 ? 'guardrails' : `guardrails-${i + 1}`,
    kind: 'chart',
    section: 'Metric deep-dives',
    title: i === 0 ? title : continued(title),
    blocks: [
      { type: 'chart', chart },
      {
        type: 'bullets',
        items: g.slice(starts[i], starts[i + 1] ?? g.length).map((x) => {
          const mark = marked(x);
          return { text: ctx.t('guardrail-line', { mark: mark.text, rule: guardrailText(ctx, x), reason: guardrailReason(ctx, x) }), tone: mark.tone };
        }),
      },
    ],
    notes: i === 0 ? [ctx.t('guardrails-notes', { count: g.length })] : [],
  }));
}
