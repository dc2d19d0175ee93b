// Guardrails on one chart: each observed change with its interval against its allowed worsening.
import type { Slide } from '../deck/types.js';
import { type Ctx, STATUS_TONE, STATUS_WORD } from './context.js';
import { guardrailChart } from './charts.js';

export function composeGuardrails(ctx: Ctx): Slide[] {
  const g = ctx.decision.guardrails;
  const chart = guardrailChart(ctx);
  if (!g.length || !chart) return [];
  const breached = g.filter((x) => x.status === 'fail');
  const unclear = g.filter((x) => x.status === 'inconclusive');
  return [
    {
      id: 'guardrails',
      kind: 'chart',
      section: 'Metric deep-dives',
      title: ctx.t('guardrails-title', { count: g.length, breached: breached.length, unclear: unclear.length }),
      blocks: [
        { type: 'chart', chart },
        { type: 'bullets', items: g.map((x) => ({ text: `${STATUS_WORD[x.status]} — ${x.text}: ${x.reason}`, tone: STATUS_TONE[x.status] })) },
      ],
      notes: [ctx.t('guardrails-notes', { count: g.length })],
    },
  ];
}
