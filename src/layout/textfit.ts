// Paragraph measurement with the real font metrics: how many lines each paragraph wraps to at a size,
// and how tall the text box must be. The renderer sets the same exact line pitch, so what is measured
// here is what a reader sees.
import { cutAfterLines, lineHeightPt, setMeasureFamily, textWidthPt, wrapWords, type FontWeight } from './measure.js';
import { fontPlan, type FontPlan } from './fonts.js';
import type { Paragraph } from './types.js';

/**
 * Share of a box's width the layout fills with text. All of it when the deck names Office faces measured by
 * their metric-compatible files (readers break lines where we did); less when readers may see a substitute:
 * LibreOffice's DejaVu Sans is ≈ 8% wider than Inter, its bold ≈ 18% wider, so a line measured in the
 * narrower share still fits in the fallback.
 */
const EXACT = { regular: 1, bold: 1 } as const;
const SUBSTITUTE = { regular: 0.92, bold: 0.84 } as const;
let allowance: { regular: number; bold: number } = EXACT;

/**
 * Measures with the theme's faces from here on: the layout calls it before it places a deck, so every width
 * below is in the faces the PPTX names (or their stand-in, with the substitute's allowance).
 */
export function measureThemeFonts(fonts: { heading: string; body: string }): FontPlan {
  const plan = fontPlan(fonts);
  setMeasureFamily(plan.family);
  allowance = plan.exact ? EXACT : SUBSTITUTE;
  return plan;
}

export function fitFor(weight: FontWeight): number {
  return weight === 'regular' || weight === 'italic' ? allowance.regular : allowance.bold;
}

/**
 * Table cells always keep some room: a table cannot shrink its text on overflow as a text box does, its rows
 * grow instead, so a wider face on the reader's machine should find part of the room already there (8% of the
 * column when the faces are measured exactly; the substitute's allowance otherwise).
 */
const CELL_FIT = 0.92;
export function cellFitFor(weight: FontWeight): number {
  return Math.min(fitFor(weight), CELL_FIT);
}

/** Lines of a table cell's text in a column `widthIn` wide (inside its padding), with the cell allowance. */
export function wrapCell(text: string, sizePt: number, widthIn: number, weight: FontWeight = 'regular'): string[] {
  return wrapWords(text, sizePt, Math.max(1, widthIn * PT_PER_IN * cellFitFor(weight)), weight);
}

/** The widest single line of a cell's text in inches, with the cell allowance. */
export function naturalCellWidthIn(text: string, sizePt: number, weight: FontWeight = 'regular'): number {
  return Math.max(0, ...text.split('\n').map((l) => textWidthPt(l, sizePt, weight))) / PT_PER_IN / cellFitFor(weight);
}

/** Lines of `text` wrapped in a box `widthIn` wide (with the fallback allowance). */
export function wrapLines(text: string, sizePt: number, widthIn: number, weight: FontWeight = 'regular'): string[] {
  return wrapWords(text, sizePt, Math.max(1, widthIn * PT_PER_IN * fitFor(weight)), weight);
}
/** Hanging indent of one bullet level, in points (the renderer writes the same). */
export const BULLET_INDENT_PT = 18;
/** Numbers need room for two digits and a period ('10.') at the largest body size. */
export const NUMBER_INDENT_PT = 26;

export function bulletIndentPt(p: Pick<Paragraph, 'bullet'>): number {
  return p.bullet === 'number' ? NUMBER_INDENT_PT : BULLET_INDENT_PT;
}

export const PT_PER_IN = 72;

export function lineHeight(sizePt: number): number {
  // Rounded to 0.1 pt because the PPTX stores line pitch in 1/100 pt.
  return Math.round(lineHeightPt(sizePt) * 10) / 10;
}

export function indentPt(p: Pick<Paragraph, 'bullet' | 'level'>): number {
  if (p.bullet === 'none') return p.level * BULLET_INDENT_PT;
  return bulletIndentPt(p) * (p.level + 1);
}

export interface MeasuredParagraph {
  lines: string[];
  /** Space before + lines × pitch, in points. */
  heightPt: number;
}

export function wrapWidthPt(boxWidthIn: number, p: Pick<Paragraph, 'bullet' | 'level' | 'weight'>): number {
  return Math.max(1, (boxWidthIn * PT_PER_IN - indentPt(p)) * fitFor(p.weight));
}

export function measureParagraph(p: Paragraph, sizePt: number, boxWidthIn: number): MeasuredParagraph {
  const lines = wrapWords(p.text, sizePt, wrapWidthPt(boxWidthIn, p), p.weight as FontWeight);
  return { lines, heightPt: p.spaceBeforePt + lines.length * lineHeight(sizePt) };
}

export function paragraphsHeightPt(ps: Paragraph[], sizePt: number, boxWidthIn: number): number {
  return ps.reduce((sum, p) => sum + measureParagraph(p, sizePt, boxWidthIn).heightPt, 0);
}

/** Inches needed for the paragraphs, with a hair of slack against rounding in readers. */
export function paragraphsHeightIn(ps: Paragraph[], sizePt: number, boxWidthIn: number): number {
  return paragraphsHeightPt(ps, sizePt, boxWidthIn) / PT_PER_IN + 0.04;
}

/** The widest single line of `text` (no wrapping) in inches, at the size and weight, with the allowance. */
export function naturalWidthIn(text: string, sizePt: number, weight: FontWeight = 'regular'): number {
  return Math.max(0, ...text.split('\n').map((l) => textWidthPt(l, sizePt, weight))) / PT_PER_IN / fitFor(weight);
}

/** Largest size in [floor, start] (1 pt steps) at which `text` fits in `lines` lines of `widthIn`. */
export function shrinkToLines(text: string, start: number, floor: number, widthIn: number, maxLines: number, weight: FontWeight): number {
  for (let size = start; size > floor; size--) {
    if (wrapLines(text, size, widthIn, weight).length <= maxLines) return size;
  }
  return floor;
}

/**
 * Splits paragraphs so that the first part fits in `heightIn`: whole paragraphs first; the paragraph that crosses
 * the edge moves on whole, so a reader never meets the tail of a sentence at the top of a slide, unless it is
 * first or taller than `heightIn` itself (it would not fit whole anywhere this size): then its lines are cut at
 * the edge. Returns null for `rest` when everything fits.
 */
export function splitParagraphs(
  ps: Paragraph[],
  sizePt: number,
  boxWidthIn: number,
  heightIn: number,
): { head: Paragraph[]; rest: Paragraph[] | null } {
  const budget = (heightIn - 0.04) * PT_PER_IN;
  const lh = lineHeight(sizePt);
  let used = 0;
  for (let i = 0; i < ps.length; i++) {
    const m = measureParagraph(ps[i], sizePt, boxWidthIn);
    if (used + m.heightPt <= budget) {
      used += m.heightPt;
      continue;
    }
    const room = Math.floor((budget - used - ps[i].spaceBeforePt) / lh);
    const head = ps.slice(0, i);
    const rest = ps.slice(i + 1);
    if (room >= 1 && m.lines.length > 1 && (i === 0 || m.heightPt > budget)) {
      // Text continues mid-paragraph: the tail keeps the paragraph's style but no bullet of its own.
      const [first, after] = cutAfterLines(ps[i].text, m.lines, room);
      head.push({ ...ps[i], text: first });
      rest.unshift({ ...ps[i], text: after, number: undefined, continued: ps[i].bullet !== 'none', spaceBeforePt: 0 });
    } else {
      rest.unshift({ ...ps[i], spaceBeforePt: 0 });
    }
    return { head, rest };
  }
  return { head: ps, rest: null };
}
