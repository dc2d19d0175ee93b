// Tables: column widths from content, row heights from wrapped cell text at a size, and a split by rows
// when the table is taller than the room left (the continuation repeats the header).
import type { TableBlock, TableCell } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import type { Paragraph, Placed, PlacedCell, PlacedTable } from './types.js';
import { cutAfterLines, measureFamily, type FontWeight } from './measure.js';
import { cellFitFor, lineHeight, naturalCellWidthIn, paragraphsHeightIn, PT_PER_IN, wrapCell } from './textfit.js';
import { BODY_BOTTOM, MIN_PT, toneColor } from './grid.js';

const PAD = { x: 0.1, y: 0.06 } as const;
const CAPTION_PT = MIN_PT;
const NUMERIC = /^[-\u2212+\u00b1~\u2248<>\u2264\u2265]?\s?[$\u20ac\u00a3]?[\d.,]+\s?(%|pp|x|\u00d7|ms|s|min|h|d|k|m|bn)?$/i; // − ± ≈ ≤ ≥, € £, × (escaped: the bundle stays ASCII)

export interface TableResult {
  items: Placed[];
  heightIn: number;
  /** Rows left for a continuation, or null. */
  rest: TableBlock | null;
}

export function columnWidths(t: TableBlock, widthIn: number, sizePt: number): number[] {
  return respectLongestWords(t, proportionalWidths(t, widthIn, sizePt), sizePt);
}

/**
 * A table is laid out again for each continuation and at each shrink step and spread a slide tries: per-cell
 * measurements are memoised (widths at 1 pt, since they scale with the size; line counts per width and size), so
 * a register of long texts costs time linear in its text, not in its text times its slides and trials. The key
 * names the measuring family and the cell allowance, which a deck's theme sets.
 */
const memo = new Map<string, Map<string, number>>();
/** Keyed by the cell's own text first: the same string object each time, so its hash is computed once. */
function remembered(text: string, key: string, compute: () => number): number {
  let byText = memo.get(text);
  if (!byText) {
    if (memo.size > 5_000) memo.clear();
    byText = new Map();
    memo.set(text, byText);
  }
  key = `${measureFamily().name}|${cellFitFor('regular')}|${key}`;
  let v = byText.get(key);
  if (v === undefined) {
    v = compute();
    byText.set(key, v);
  }
  return v;
}

/** Widest word of `text` in inches at `sizePt`. */
function longestWord(text: string, sizePt: number, weight: FontWeight): number {
  return sizePt * remembered(text, `w|${weight}`, () => Math.max(0, ...text.split(/\s+/).map((w) => naturalCellWidthIn(w, 1, weight))));
}

/** The unwrapped width of `text` in inches at `sizePt`. */
function naturalWidth(text: string, sizePt: number, weight: FontWeight): number {
  return sizePt * remembered(text, `n|${weight}`, () => naturalCellWidthIn(text, 1, weight));
}

/** Per column, the width below which a word of a cell would break mid-way, at a size. */
function columnMins(t: TableBlock, sizePt: number): number[] {
  return t.header.map((h, c) =>
    Math.max(longestWord(h, sizePt, 'bold'), ...t.rows.map((r) => longestWord(r[c]?.text ?? '', sizePt, r[c]?.bold ? 'bold' : 'regular'))) + 2 * PAD.x + 0.01,
  );
}

/** The narrowest width at which no cell breaks a word mid-way, at a size. */
export function minTableWidth(t: TableBlock, sizePt: number): number {
  return columnMins(t, sizePt).reduce((a, b) => a + b, 0);
}

/** Widens columns whose longest word would otherwise break mid-word, taking the room from the others. */
function respectLongestWords(t: TableBlock, widths: number[], sizePt: number): number[] {
  const mins = columnMins(t, sizePt);
  const need = widths.reduce((a, w, i) => a + Math.max(0, mins[i] - w), 0);
  const spare = widths.reduce((a, w, i) => a + Math.max(0, w - mins[i]), 0);
  if (need <= 0 || spare < need) return widths;
  return widths.map((w, i) => (w < mins[i] ? mins[i] : w - ((w - mins[i]) / spare) * need));
}

function proportionalWidths(t: TableBlock, widthIn: number, sizePt: number): number[] {
  const n = t.header.length;
  if (t.widths && t.widths.length === n) {
    const sum = t.widths.reduce((a, b) => a + b, 0);
    return t.widths.map((w) => (w / sum) * widthIn);
  }
  // Desired width: the longest unwrapped cell; short columns get what they need, long ones share the rest.
  const desired = t.header.map((h, c) => {
    const cells = [naturalWidth(h, sizePt, 'bold'), ...t.rows.map((r) => naturalWidth(r[c]?.text ?? '', sizePt, r[c]?.bold ? 'bold' : 'regular'))];
    return Math.max(0.5, Math.max(...cells) + 2 * PAD.x);
  });
  const total = desired.reduce((a, b) => a + b, 0);
  if (total <= widthIn) return desired.map((d) => (d / total) * widthIn);
  const fair = widthIn / n;
  const small = desired.map((d) => d <= fair);
  const fixed = desired.reduce((a, d, i) => a + (small[i] ? d : 0), 0);
  const flexible = desired.reduce((a, d, i) => a + (small[i] ? 0 : d), 0);
  return desired.map((d, i) => (small[i] ? d : (d / flexible) * (widthIn - fixed)));
}

/**
 * A table whose first column names a group once (blank on the group's following rows) is striped by group,
 * so the eye keeps each group together; any other table is striped every second row.
 */
export function stripes(t: TableBlock): boolean[] {
  const first = t.rows.map((r) => (r[0]?.text ?? '').trim());
  const grouped = first.length > 1 && first[0] !== '' && first.some((f) => f === '');
  let group = -1;
  return first.map((f, i) => {
    if (!grouped) return i % 2 === 1;
    if (f !== '') group++;
    return group % 2 === 1;
  });
}

/** The body height of a slide with a one-line title: a row taller than this can never fit whole. */
const TALLEST_PAGE_BODY_IN = BODY_BOTTOM - 1.75;

/** Cuts a row after `lines` wrapped lines of each cell; the rest of each cell goes to a second row. */
function splitRow(row: TableCell[], colWidths: number[], sizePt: number, lines: number): [TableCell[], TableCell[]] {
  const head: TableCell[] = [];
  const tail: TableCell[] = [];
  row.forEach((cell, c) => {
    const wrapped = wrapCell(cell.text, sizePt, Math.max(0.01, colWidths[c] - 2 * PAD.x), cell.bold ? 'bold' : 'regular');
    const [first, rest] = cutAfterLines(cell.text, wrapped, lines);
    head.push({ ...cell, text: first });
    tail.push({ ...cell, text: rest });
  });
  return [head, tail];
}

function cellLines(text: string, widthIn: number, sizePt: number, weight: FontWeight): number {
  return remembered(text, `l|${weight}|${sizePt}|${widthIn}`, () => wrapCell(text, sizePt, Math.max(0.01, widthIn - 2 * PAD.x), weight).length);
}

function alignments(t: TableBlock): ('left' | 'center' | 'right')[] {
  return t.header.map((_, c) => {
    const cells = t.rows.map((r) => (r[c]?.text ?? '').trim()).filter(Boolean);
    if (c === 0 || cells.length === 0) return 'left';
    if (cells.every((s) => s.length <= 3)) return 'center';
    // a dash stands for a number that does not apply: it keeps its column right-aligned
    const values = cells.filter((s) => s !== '\u2014');
    if (values.length && values.every((s) => NUMERIC.test(s))) return 'right';
    return 'left';
  });
}

/**
 * Lays out `t` at `sizePt` in a box `widthIn` wide starting at (x, y), in at most `availIn` of height.
 * `split` allows cutting by rows; without it a table that does not fit returns no items.
 */
export function layoutTable(t: TableBlock, theme: Theme, x: number, y: number, widthIn: number, availIn: number, sizePt: number, split: boolean, extraRowIn = 0): TableResult {
  const colWidths = columnWidths(t, widthIn, sizePt);
  const lh = lineHeight(sizePt) / PT_PER_IN;
  const pad = { ...PAD };
  const lines = (cells: { text: string; weight: FontWeight }[]) => Math.max(...cells.map((c, i) => cellLines(c.text, colWidths[i], sizePt, c.weight)));
  const rowLines = t.rows.map((r) => lines(t.header.map((_, c) => ({ text: r[c]?.text ?? '', weight: r[c]?.bold ? 'bold' : 'regular' }))));
  const headerH = lines(t.header.map((h) => ({ text: h, weight: 'bold' }))) * lh + 2 * pad.y;
  const rows: PlacedCell[][] = t.rows.map((r) =>
    t.header.map((_, c) => {
      const cell = r[c] ?? { text: '' };
      return { text: cell.text, color: cell.tone ? toneColor(theme, cell.tone) : theme.colors.text, weight: cell.bold ? 'bold' : 'regular', tone: cell.tone };
    }),
  );
  // Body rows open up when the slide has room (extraRowIn), as height inside the row with the text centred in
  // it, not as cell padding: a wider substitute face then wraps into that room instead of growing the row.
  const heights = rowLines.map((n) => n * lh + 2 * pad.y + extraRowIn);
  const captionPara: Paragraph | undefined = t.caption ? { text: t.caption, bullet: 'none', level: 0, weight: 'regular', color: theme.colors.muted, spaceBeforePt: 0 } : undefined;
  const captionH = captionPara ? paragraphsHeightIn([captionPara], CAPTION_PT, widthIn) + 0.08 : 0;

  // A single row taller than any page (a 10,000-character cell) is cut between lines and continues.
  if (split && headerH + heights[0] > TALLEST_PAGE_BODY_IN && availIn > headerH + 2 * lh + 2 * pad.y) {
    const room = Math.floor((availIn - headerH - 2 * pad.y) / lh);
    const [head, tail] = splitRow(t.rows[0], colWidths, sizePt, room);
    return layoutTable({ ...t, rows: [head, tail, ...t.rows.slice(1)], widths: t.widths ?? colWidths }, theme, x, y, widthIn, availIn, sizePt, split, extraRowIn);
  }
  let used = headerH;
  let fit = 0;
  // The caption (a table's key: what its n counts, what its p is) goes under every part of a split table, as the header goes over it.
  while (fit < rows.length && used + heights[fit] <= availIn - captionH) used += heights[fit++];
  const whole = fit === rows.length;
  if (!whole && (!split || fit === 0)) return { items: [], heightIn: 0, rest: t };

  const table: PlacedTable = {
    type: 'table',
    box: { x, y, w: widthIn, h: used },
    header: t.header,
    rows: rows.slice(0, fit),
    colWidths,
    rowHeights: [headerH, ...heights.slice(0, fit)],
    align: alignments(t),
    sizePt,
    lineHeightPt: lineHeight(sizePt),
    pad,
    valign: extraRowIn > 0 ? 'middle' : 'top',
    headerFill: theme.colors.tableHeader,
    headerColor: theme.colors.tableHeaderText,
    stripeFill: theme.colors.tableStripe,
    stripes: stripes(t).slice(0, fit),
    ruleColor: theme.colors.rule,
  };
  const items: Placed[] = [table];
  let heightIn = used;
  if (captionPara) {
    items.push({
      type: 'text', role: 'caption', sizePt: CAPTION_PT, lineHeightPt: lineHeight(CAPTION_PT), align: 'left', valign: 'top',
      paragraphs: [captionPara],
      box: { x, y: y + used + 0.08, w: widthIn, h: captionH - 0.08 },
    });
    heightIn += captionH;
  }
  // The continuation keeps the caller's widths so columns do not jump between slides.
  const rest = whole ? null : { ...t, rows: t.rows.slice(fit), widths: t.widths ?? colWidths };
  return { items, heightIn, rest };
}
