// Pre-wire appendix: one slide per stakeholder — what they care about, what the data says on it,
// their objections with our responses, and the ask. The talk-track goes in the notes.
import type { Slide } from '../deck/types.js';
import { type Ctx, describeChange, displayChange } from './context.js';

export function composePrewire(ctx: Ctx): Slide[] {
  return ctx.spec.stakeholders.map((s) => {
    const north = (s.north_star ?? []).flatMap((id) => {
      const m = ctx.metric(id);
      const near = displayChange(ctx, ctx.read(id), m);
      if (!near) return [];
      const d = describeChange(m, near.change, near.scale, ctx.spec.decision.confidence);
      return [{ text: ctx.t('prewire-metric', d) }];
    });
    const p = s.prewire;
    const objections = (p?.objections ?? []).map((o, i) => ({ heading: o, response: p?.responses?.[i] ?? '' }));
    return {
      id: `prewire-${s.id}`,
      kind: 'comparison',
      section: 'Appendix: pre-wire',
      title: ctx.t('prewire-title', { name: s.name, role: s.role, status: p?.status ?? '', ask: p?.ask ?? '' }),
      blocks: [
        {
          type: 'columns',
          columns: [
            { heading: 'What they watch', blocks: [{ type: 'bullets', items: [...north, ...(s.concerns ?? []).map((c) => ({ text: c }))] }] },
            { heading: 'Objections and responses', blocks: [{ type: 'bullets', items: objections.flatMap((o) => [{ text: o.heading }, ...(o.response ? [{ text: o.response, level: 1 as const }] : [])]) }] },
            { heading: 'The ask', tone: 'accent', blocks: [{ type: 'text', role: 'body', text: p?.ask ?? '—' }, ...(p?.status ? [{ type: 'text' as const, role: 'caption' as const, text: `Status: ${p.status}` }] : [])] },
          ],
        },
      ],
      notes: [ctx.t('prewire-notes', { name: s.name, role: s.role, objections: objections.map((o) => o.heading), responses: objections.map((o) => o.response).filter(Boolean), ask: p?.ask ?? '', verdict: ctx.verdict })],
    };
  });
}
