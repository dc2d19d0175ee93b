import type { Slide } from '../deck/types.js';
import type { Ctx } from './context.js';

export function composeTitle(ctx: Ctx): Slide[] {
  const d = ctx.spec.deck;
  const lines = [d.owner, d.date, ctx.input.checkpoint ? `Checkpoint: ${ctx.input.checkpoint}` : undefined, d.audience ? `For ${d.audience}` : undefined].filter(Boolean) as string[];
  return [
    {
      id: 'title',
      kind: 'title',
      section: 'Title',
      title: d.title,
      subtitle: d.subtitle,
      blocks: [{ type: 'text', role: 'caption', text: lines.join(' · ') }],
      notes: [ctx.t('title-notes', { question: ctx.spec.decision.question, verdict: ctx.verdict })],
    },
  ];
}
