// A dense one-pager (the exec summary) keeps to one slide by setting its closing list in two columns side by
// side, as a printed brief would, before it would ever continue on a '(cont.)' slide.
import type { Theme } from '../deck/theme.js';
import type { Box } from './types.js';
import { type Flow, STEPS } from './flow.js';
import { GUTTER } from './grid.js';

/** A tighter step between blocks than the usual 0.3 in: still a clear break at 12–16 pt text. */
const TIGHT_GAP = 0.2;
import { stack, type StackResult } from './stack.js';

/**
 * The roomiest step at which the flows before the last fit in one column and the last (a list of at least
 * three paragraphs) fits split in two balanced columns below them; null when no step fits.
 */
export function fitWithTailColumns(flows: Flow[], theme: Theme, region: Box): (StackResult & { step: number }) | null {
  const tail = flows[flows.length - 1];
  if (!tail || tail.kind !== 'paras' || tail.paras.length < 3) return null;
  const halves = balance(tail);
  for (let step = 0; step < STEPS; step++) {
    const head = stack(flows.slice(0, -1), theme, region, step, false, TIGHT_GAP);
    if (head.overflow.length > 0) continue;
    const top = region.y + head.heightIn + (head.items.length ? TIGHT_GAP : 0);
    const w = (region.w - GUTTER) / 2;
    const cols = halves.map((h, i) => stack([h], theme, { x: region.x + i * (w + GUTTER), y: top, w, h: region.y + region.h - top }, step, false));
    if (cols.some((c) => c.overflow.length > 0)) continue;
    const heightIn = top - region.y + Math.max(...cols.map((c) => c.heightIn));
    return { items: [...head.items, ...cols.flatMap((c) => c.items)], overflow: [], heightIn, cut: false, step };
  }
  return null;
}

/** Splits the list where the two halves' text lengths are closest, keeping sub-items with their item. */
function balance(f: Extract<Flow, { kind: 'paras' }>): Flow[] {
  const len = f.paras.map((p) => p.text.length);
  const total = len.reduce((a, b) => a + b, 0);
  let best = 1;
  let bestDiff = Infinity;
  let acc = 0;
  for (let i = 1; i < f.paras.length; i++) {
    acc += len[i - 1];
    if (f.paras[i].level !== 0) continue;
    const diff = Math.abs(total - 2 * acc);
    if (diff < bestDiff) [best, bestDiff] = [i, diff];
  }
  return [
    { ...f, paras: f.paras.slice(0, best) },
    { ...f, paras: f.paras.slice(best).map((p, i) => (i === 0 ? { ...p, spaceBeforePt: 0 } : p)) },
  ];
}
