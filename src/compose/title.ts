// The cover. A pilot's cover says which phase the deck is: the proposal, week N of the pilot, or the readout.
import type { Slide } from '../deck/types.js';
import type { Ctx } from './context.js';

export function composeTitle(ctx: Ctx): Slide[] {
  const { spec } = ctx;
  const d = spec.deck;
  const lines = [d.owner, d.date, ctx.input.checkpoint ? `Checkpoint: ${ctx.input.checkpoint}` : undefined, d.audience ? `For ${d.audience}` : undefined].filter(Boolean) as string[];
  const phase = { subtitle: d.subtitle ?? '', week: spec.interim?.week ?? 0, isDesign: spec.phase === 'design', isInterim: spec.phase === 'interim', isFinal: spec.phase === 'final' };
  // Outside a pilot the cover carries the spec's subtitle as written.
  const subtitle = spec.pilot ? ctx.t(`title-${spec.phase}`, phase) : d.subtitle;
  return [
    {
      id: 'title',
      kind: 'title',
      section: 'Title',
      title: d.title,
      subtitle,
      blocks: [{ type: 'text', role: 'caption', text: lines.join(' · ') }],
      notes: [ctx.t('title-notes', { ...phase, pilot: Boolean(spec.pilot), question: ctx.question(), verdict: ctx.decision.verdict.label })],
    },
  ];
}
