// The cover. A pilot's cover says which phase the deck is: the proposal, week N of the pilot, or the readout.
import type { Slide } from '../deck/types.js';
import type { Ctx } from './context.js';

function phaseOf(ctx: Ctx) {
  const { spec } = ctx;
  return { subtitle: spec.deck.subtitle ?? '', week: spec.interim?.week ?? 0, isDesign: spec.phase === 'design', isInterim: spec.phase === 'interim', isFinal: spec.phase === 'final' };
}

/** The cover's subtitle: a pilot's names its phase (title-design / title-interim / title-final); other decks carry the spec's as written. */
export function coverSubtitle(ctx: Ctx): string | undefined {
  return ctx.spec.pilot ? ctx.t(`title-${ctx.spec.phase}`, phaseOf(ctx)) : ctx.spec.deck.subtitle;
}

export function composeTitle(ctx: Ctx): Slide[] {
  const { spec } = ctx;
  const d = spec.deck;
  const lines = [d.owner, d.date, ctx.input.checkpoint ? `Checkpoint: ${ctx.input.checkpoint}` : undefined, d.audience ? `For ${d.audience}` : undefined].filter(Boolean) as string[];
  const phase = phaseOf(ctx);
  const subtitle = coverSubtitle(ctx);
  return [
    {
      id: 'title',
      kind: 'title',
      section: 'Title',
      title: d.title,
      subtitle,
      blocks: [{ type: 'text', role: 'caption', text: lines.join(' · ') }],
      notes: [ctx.t('title-notes', { ...phase, pilot: Boolean(spec.pilot), question: ctx.question(), verdict: ctx.verdict })],
    },
  ];
}
