// The vertical stack: flows placed top to bottom in a region at one shrink step. A fit finds the roomiest step
// at which everything fits, then spreads the stack to the region's bottom (fill); when nothing fits even at
// the last step (the floors), what is left over is split off for the caller to carry to a continuation slide.
import type { Theme } from '../deck/theme.js';
import type { Box, Placed } from './types.js';
import { type Flow, roleSize, spaced, STEPS, tableSize } from './flow.js';
import { BLOCK_GAP, columns } from './grid.js';
import { lineHeight, paragraphsHeightIn, splitParagraphs } from './textfit.js';
import { layoutTable, minTableWidth } from './table.js';
import { kpisPerRow, layoutKpis } from './kpis.js';
import { layoutColumns } from './columns.js';

export interface StackResult {
  items: Placed[];
  /** Flows (or their remainders) that did not fit. */
  overflow: Flow[];
  heightIn: number;
  /** Whether running text (a paragraph run, table or columns) was cut mid-way, to continue at the same size. */
  cut: boolean;
}

interface FlowResult {
  items: Placed[];
  heightIn: number;
  rest: Flow | null;
}

/** A chart may shrink to this share of its full-width size before it moves to the next slide. */
const CHART_MIN_SCALE = 0.6;
/** A chart may grow to this share of its drawn size when the slide has room (its text grows with it). */
export const CHART_MAX_SCALE = 1.45;
const MAX_TEXT_W = columns(0, 10).w;
/** Extra height (in) of a table row at full stretch. */
const ROW_STRETCH = 0.6;

/**
 * How far a fitted stack is spread out to use the slide (0 = packed, 1 = fully spread): wider gaps between
 * blocks and paragraphs, roomier table rows, larger charts, taller cards. Text sizes do not change.
 */
export type Stretch = number;

export function placeFlow(f: Flow, theme: Theme, x: number, y: number, w: number, avail: number, step: number, split: boolean, first: boolean, stretch: Stretch = 0): FlowResult {
  const none: FlowResult = { items: [], heightIn: 0, rest: f };
  switch (f.kind) {
    case 'paras': {
      // Running text keeps a readable measure (10 of 12 columns); exhibits use the full width.
      w = Math.min(w, MAX_TEXT_W);
      const size = roleSize(f.role, step);
      const paras = spaced(f.paras, size, stretch);
      const text = (ps: typeof paras, h: number): Placed => ({
        type: 'text', role: f.role, sizePt: size, lineHeightPt: lineHeight(size), align: 'left', valign: 'top', paragraphs: ps, box: { x, y, w, h },
      });
      const h = paragraphsHeightIn(paras, size, w);
      if (h <= avail) return { items: [text(paras, h)], heightIn: h, rest: null };
      if (!split) return none;
      const { head, rest } = splitParagraphs(paras, size, w, avail);
      if (head.length === 0) return none;
      const headH = paragraphsHeightIn(head, size, w);
      return { items: [text(head, headH)], heightIn: headH, rest: rest ? { ...f, paras: rest } : null };
    }
    case 'table': {
      // A size at which a word would break mid-way in its column does not fit, unless it is the floor.
      if (step < STEPS - 1 && minTableWidth(f.table, tableSize(step)) > w) return none;
      const r = layoutTable(f.table, theme, x, y, w, avail, tableSize(step), split, stretch * ROW_STRETCH);
      if (r.items.length === 0) return none;
      return { items: r.items, heightIn: r.heightIn, rest: r.rest ? { kind: 'table', table: r.rest, continued: true } : null };
    }
    case 'chart': {
      const full = Math.min(1, w / f.chart.width);
      const grown = Math.min(w / f.chart.width, full * (1 + (CHART_MAX_SCALE - 1) * stretch));
      const s = Math.min(grown, avail / f.chart.height);
      if (s < full * CHART_MIN_SCALE && !(first && split)) return none;
      const cw = f.chart.width * s;
      const ch = f.chart.height * s;
      return { items: [{ type: 'image', chartId: f.chart.id, alt: f.chart.alt, box: { x: x + (w - cw) / 2, y, w: cw, h: ch } }], heightIn: ch, rest: null };
    }
    case 'kpis': {
      // Past the roomiest step, cards go compact (verdict word beside the value) before text shrinks further.
      const compact = step >= 1;
      const r = layoutKpis(f.items, theme, x, y, w, kpisPerRow(f.items.length), compact);
      if (r.heightIn <= avail) return { items: r.items, heightIn: r.heightIn, rest: null };
      if (!split) return none;
      // Whole rows of cards move on; the first row always stays when the block opens the slide.
      const perRow = kpisPerRow(f.items.length);
      for (let n = f.items.length - perRow; n > 0; n -= perRow) {
        const part = layoutKpis(f.items.slice(0, n), theme, x, y, w, perRow, compact);
        if (part.heightIn <= avail || (first && n === perRow)) return { items: part.items, heightIn: part.heightIn, rest: { kind: 'kpis', items: f.items.slice(n) } };
      }
      return first ? { items: r.items, heightIn: r.heightIn, rest: null } : none;
    }
    case 'columns': {
      const r = layoutColumns(f.columns, theme, { x, y, w, h: avail }, step, split, stack, stretch);
      if (r.items.length === 0) return none;
      if (r.rest && !split) return none;
      return { items: r.items, heightIn: r.heightIn, rest: r.rest ? { kind: 'columns', columns: r.rest } : null };
    }
  }
}

/** Places flows top-down at one step. With `split`, the flow that crosses the bottom is cut. */
export function stack(flows: Flow[], theme: Theme, region: Box, step: number, split: boolean, gap = BLOCK_GAP, stretch: Stretch = 0): StackResult {
  const items: Placed[] = [];
  let y = region.y;
  const between = gap * (1 + 1.5 * stretch);
  for (let i = 0; i < flows.length; i++) {
    const first = i === 0;
    const avail = region.y + region.h - y;
    const r = placeFlow(flows[i], theme, region.x, y, region.w, avail, step, split, first, stretch);
    items.push(...r.items);
    if (r.items.length > 0) y += r.heightIn + between;
    if (r.rest) {
      const cut = r.items.length > 0 && r.rest.kind !== 'kpis' && r.rest.kind !== 'chart';
      return { items, overflow: [r.rest, ...flows.slice(i + 1)], heightIn: Math.max(0, y - between - region.y), cut };
    }
  }
  return { items, overflow: [], heightIn: Math.max(0, y - between - region.y), cut: false };
}

/**
 * The roomiest step at which everything fits, spread out to use the region (see fill); else the floor step
 * with the remainder split off.
 */
export function fitStack(flows: Flow[], theme: Theme, region: Box, minStep = 0, gap = BLOCK_GAP): StackResult & { step: number } {
  // What fits at a step fits at every smaller one, so the roomiest fitting step is found by bisection.
  const at = (step: number) => stack(flows, theme, region, step, false, gap);
  let lo = minStep;
  let hi = STEPS - 1;
  let found: StackResult | undefined;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = at(mid);
    if (r.overflow.length === 0) [hi, found] = [mid, r];
    else lo = mid + 1;
  }
  if (lo < STEPS - 1) return { ...fill(flows, theme, region, lo, gap, found ?? at(lo)), step: lo };
  return { ...stack(flows, theme, region, STEPS - 1, true, gap), step: STEPS - 1 };
}

/**
 * Spreads a fitted stack until it reaches the bottom of its region or its stretch runs out: the largest stretch
 * (found by bisection, since height only grows with stretch) at which everything still fits.
 */
export function fill(flows: Flow[], theme: Theme, region: Box, step: number, gap: number, packed: StackResult): StackResult {
  if (packed.heightIn >= region.h * 0.98) return packed;
  const at = (s: number) => stack(flows, theme, region, step, false, gap, s);
  const full = at(1);
  if (full.overflow.length === 0 && full.heightIn <= region.h) return full;
  let lo = 0;
  let hi = 1;
  let best = packed;
  for (let i = 0; i < 8; i++) {
    const mid = (lo + hi) / 2;
    const r = at(mid);
    if (r.overflow.length === 0 && r.heightIn <= region.h) [lo, best] = [mid, r];
    else hi = mid;
  }
  return best;
}
