// Slides as lists of sentences, the unit a reviewer reads in a diff: from the Deck tree or from a PPTX.
import type { Block, Slide } from '../deck/types.js';
import type { PptxSlide } from './pptx-text.js';

export interface SlideText {
  /** Deck slide id, or 'slide N' for a PPTX. */
  id: string;
  title: string;
  lines: string[];
}

export function deckSlideText(s: Slide): SlideText {
  return { id: s.id, title: s.title, lines: [`title: ${s.title}`, ...(s.subtitle ? [`subtitle: ${s.subtitle}`] : []), ...s.blocks.flatMap(blockLines), ...s.notes.map((n) => `notes: ${n}`)] };
}

function blockLines(b: Block): string[] {
  switch (b.type) {
    case 'text':
      return [b.text];
    case 'bullets':
      return b.items.map((i) => `${'  '.repeat(i.level ?? 0)}- ${i.text}`);
    case 'table':
      return [`| ${b.header.join(' | ')} |`, ...b.rows.map((r) => `| ${r.map((c) => c.text).join(' | ')} |`), ...(b.caption ? [b.caption] : [])];
    case 'chart':
      return [`[chart] ${b.chart.alt}`];
    case 'kpis':
      return b.items.map((k) => `${k.label}: ${k.value} (${k.detail})`);
    case 'columns':
      return b.columns.flatMap((c) => [`## ${c.heading}`, ...c.blocks.flatMap(blockLines)]);
  }
}

export function pptxSlideText(s: PptxSlide, index: number): SlideText {
  return {
    id: `slide ${index + 1}`,
    title: s.title,
    lines: [`title: ${s.title}`, ...s.texts.map((p) => `${'  '.repeat(p.level)}${p.bullet ? '- ' : ''}${p.text}`), ...s.tables.flatMap((rows) => rows.map((r) => `| ${r.join(' | ')} |`)), ...s.alts.map((a) => `[picture] ${a}`), ...s.notes.map((n) => `notes: ${n}`)],
  };
}

/** Lines of `a` missing from `b`, as a multiset and in `a`'s order. */
export function missingLines(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const l of b) left.set(l, (left.get(l) ?? 0) + 1);
  return a.filter((l) => {
    const n = left.get(l) ?? 0;
    if (n > 0) left.set(l, n - 1);
    return n === 0;
  });
}

/** Pairs slides without ids (PPTX) by the longest common run of titles; unmatched neighbours pair up as reworded. */
export function alignByTitle(a: SlideText[], b: SlideText[]): [SlideText | undefined, SlideText | undefined][] {
  const L = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) L[i][j] = a[i].title === b[j].title ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const pairs: [SlideText | undefined, SlideText | undefined][] = [];
  let i = 0;
  let j = 0;
  let gapA: SlideText[] = [];
  let gapB: SlideText[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(gapA.length, gapB.length); k++) pairs.push([gapA[k], gapB[k]]);
    gapA = [];
    gapB = [];
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i].title === b[j].title) {
      flush();
      pairs.push([a[i++], b[j++]]);
    } else if (j >= b.length || (i < a.length && L[i + 1][j] >= L[i][j + 1])) gapA.push(a[i++]);
    else gapB.push(b[j++]);
  }
  flush();
  return pairs;
}
