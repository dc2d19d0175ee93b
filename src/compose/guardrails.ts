// Guardrails on one chart: each observed change with its interval against its allowed worsening, and each
// guardrail's check in words (a stop rule: triggered when the estimate lies past the limit, not yet clear
// while the interval still reaches past it).
import type { Slide } from '../deck/types.js';
import type { Ctx } from './context.js';
import { guardrailChart } from './charts.js';
import { marked } from './marks.js';
import { guardrailReason, guardrailText } from './rule-words.js';

export function composeGuardrails(ctx: Ctx): Slide[] {
  const g = ctx.decision.guardrails;
  const chart = guardrailChart(ctx);
  if (!g.length || !chart) return [];
  const breached = g.filter((x) => x.status === 'met');
  const unclear = g.filter((x) => x.status === 'not_clear');
  const unread = g.filter((x) => x.status === 'no_data');
  return [
    {
      id: 'guardrails',
      kind: 'chart',
      section: 'Metric deep-dives',
      title: ctx.t('guardrails-title', { count: g.length, breached: breached.length, unclear: unclear.length, unread: unread.length }),
      blocks: [
        { type: 'chart', chart },
        {
          type: 'bullets',
          items: g.map((x) => {
            const mark = marked(x);
            return { text: ctx.t('guardrail-line', { mark: mark.text, rule: guardrailText(ctx, x), reason: guardrailReason(ctx, x) }), tone: mark.tone };
          }),
        },
      ],
      notes: [ctx.t('guardrails-notes', { count: g.length })],
    },
  ];
}
