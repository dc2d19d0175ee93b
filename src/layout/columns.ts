// Side-by-side columns (options A/B/C, best/base/worst): equal cards with a tone bar, a heading carrying
// the tone's symbol, and the column's own blocks stacked inside at the same step as the rest of the slide.
import type { Theme } from '../deck/theme.js';
import type { Box, Placed } from './types.js';
import { roleSize, type Flow, type FlowColumn } from './flow.js';
import { BLOCK_GAP, splitColumns, toneColor } from './grid.js';
import { lineHeight, paragraphsHeightIn } from './textfit.js';
import { continued } from '../model/words.js';

const PAD = 0.2;
const BAR = 0.06;
/** A card's heading is never smaller than the text under it. */
const headingPt = (step: number) => Math.max(16, roleSize('body', step));

type StackFn = (flows: Flow[], theme: Theme, region: Box, step: number, split: boolean, gap?: number, stretch?: number) => { items: Placed[]; overflow: Flow[]; heightIn: number };

/** With `stretch` (0–1) the cards' contents spread and the cards grow toward the bottom of the region. */
export function layoutColumns(columns: FlowColumn[], theme: Theme, region: Box, step: number, split: boolean, stack: StackFn, stretch = 0): { items: Placed[]; heightIn: number; rest: FlowColumn[] | null } {
  const boxes = splitColumns(region, columns.length);
  const HEADING_PT = headingPt(step);
  const heads = columns.map((c, i) => {
    const p = { text: c.heading, bullet: 'none' as const, level: 0 as const, weight: 'bold' as const, color: c.tone === 'pass' || c.tone === 'fail' || c.tone === 'inconclusive' ? toneColor(theme, c.tone) : theme.colors.text, tone: c.tone, spaceBeforePt: 0 };
    return { p, h: paragraphsHeightIn([p], HEADING_PT, boxes[i].w - 2 * PAD) };
  });
  const headH = Math.max(...heads.map((h) => h.h));
  const innerTop = region.y + BAR + PAD + headH + 0.14;
  const innerH = region.y + region.h - innerTop - PAD;
  if (innerH < 0.5) return { items: [], heightIn: 0, rest: columns };
  const inner = (i: number, top: number): Box => ({ x: boxes[i].x + PAD, y: top, w: boxes[i].w - 2 * PAD, h: region.y + region.h - top - PAD });
  // When every column opens with a lead line, the leads share one slot so the blocks below line up.
  const leads = columns.every((c) => c.flows.length > 1 && c.flows[0].kind === 'paras' && c.flows[0].role === 'lead')
    ? columns.map((c, i) => stack(c.flows.slice(0, 1), theme, inner(i, innerTop), step, false, BLOCK_GAP, stretch))
    : null;
  const aligned = leads !== null && leads.every((l) => l.overflow.length === 0);
  const leadH = aligned ? Math.max(...leads.map((l) => l.heightIn)) + BLOCK_GAP * (1 + stretch) : 0;
  const bodies = columns.map((c, i) => {
    if (!aligned) return stack(c.flows, theme, inner(i, innerTop), step, split, BLOCK_GAP, stretch);
    const body = stack(c.flows.slice(1), theme, inner(i, innerTop + leadH), step, split, BLOCK_GAP, stretch);
    return { ...body, items: [...leads[i].items, ...body.items], heightIn: leadH + body.heightIn };
  });
  const overflowing = bodies.some((b) => b.overflow.length > 0);
  if (overflowing && !split) return { items: [], heightIn: 0, rest: columns };
  const content = innerTop - region.y + Math.max(0, ...bodies.map((b) => b.heightIn)) + PAD;
  const height = overflowing ? content : Math.max(content, content + stretch * (region.h - content));
  const items: Placed[] = [];
  columns.forEach((c, i) => {
    const b = boxes[i];
    const barTone = c.tone && c.tone !== 'neutral' ? c.tone : 'accent';
    items.push({ type: 'shape', shape: 'rect', fill: theme.colors.tableStripe, box: { x: b.x, y: region.y, w: b.w, h: height } });
    items.push({ type: 'shape', shape: 'rect', fill: toneColor(theme, barTone), box: { x: b.x, y: region.y, w: b.w, h: BAR } });
    items.push({
      type: 'text', role: 'heading', sizePt: HEADING_PT, lineHeightPt: lineHeight(HEADING_PT), align: 'left', valign: 'top',
      paragraphs: [heads[i].p], box: { x: b.x + PAD, y: region.y + BAR + PAD, w: b.w - 2 * PAD, h: heads[i].h },
    });
    items.push(...bodies[i].items);
  });
  const rest = overflowing ? columns.map((c, i) => ({ ...c, heading: continued(c.heading), flows: bodies[i].overflow })) : null;
  return { items, heightIn: height, rest };
}
