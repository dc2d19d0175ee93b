// Pre-wire appendix: one slide per stakeholder — what they care about, what the data says on it,
// their objections with our responses, and the ask. The talk-track goes in the notes.
import type { Slide } from '../deck/types.js';
import { type Ctx, describeChange, displayChange } from './context.js';
import { isComplianceMetric, type Phase, type Prewire } from '../spec/schema.js';
import { fmtValue } from '../deck/format.js';

export function composePrewire(ctx: Ctx): Slide[] {
  return ctx.spec.stakeholders.map((s) => {
    const north = (s.north_star ?? []).flatMap((id) => {
      const m = ctx.metric(id);
      // The proposal reads no data: it names what each stakeholder will watch.
      if (ctx.spec.phase === 'design') return [{ text: ctx.t('prewire-metric-unread', { label: m.label }) }];
      const read = ctx.read(id);
      // A compliance measure is read by arm level: what the treatment changes by design is no effect.
      if (isComplianceMetric(m)) return read?.control && read.treatment ? [{ text: ctx.t('prewire-compliance', { label: m.label, control: fmtValue(read.control.estimate, m), treatment: fmtValue(read.treatment.estimate, m) }) }] : [];
      const near = displayChange(ctx, read, m);
      if (!near) return [];
      const d = describeChange(m, near.change, near.scale, ctx.spec.decision.confidence);
      return [{ text: ctx.t('prewire-metric', d) }];
    });
    const p = prewireFor(s.prewire, ctx.spec.phase);
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
      notes: [ctx.t('prewire-notes', { name: s.name, role: s.role, objections: objections.map((o) => o.heading), responses: objections.map((o) => o.response).filter(Boolean), ask: p?.ask ?? '', verdict: ctx.verdict, isDesign: ctx.spec.phase === 'design' })],
    };
  });
}

/** This phase's pre-wire: its own entry (design:, interim:, final:) when written, else the fields written beside them. */
export function prewireFor(p: Prewire | undefined, phase: Phase): Omit<Prewire, Phase> | undefined {
  if (!p) return undefined;
  const { design, interim, final, ...shared } = p;
  return { design, interim, final }[phase] ?? shared;
}
