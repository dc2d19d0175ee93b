// One layout rule per slide kind, through a typed map: a new SlideKind is a type error until it has a rule.
import type { Slide, SlideKind } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import type { Box, Paragraph, Placed } from './types.js';
import type { Flow } from './flow.js';
import { CHART_MAX_SCALE, fitStack, stack } from './stack.js';
import { minTableWidth } from './table.js';
import { STEPS, tableAsCards, tableSize } from './flow.js';
import { fitWithTailColumns } from './tail-columns.js';
import { BLOCK_GAP, bodyRegion, CONTENT_W, GUTTER, MARGIN_X, titleArea } from './grid.js';
import { lineHeight, PT_PER_IN, shrinkToLines, wrapLines } from './textfit.js';

export interface PageInput {
  slide: Slide;
  flows: Flow[];
  /** The title as shown: '(cont.)' added on continuations. */
  title: string;
  part: number;
  /** A continuation starts at the step its first part ended on, so the text size does not jump. */
  minStep: number;
}

export interface PageResult {
  items: Placed[];
  overflow: Flow[];
  /** Whether the footer shows the slide number (not on the title slide). */
  numbered: boolean;
  /** The shrink step the body ended on. */
  step: number;
  /** Text was cut mid-way: the continuation keeps this page's size. */
  cut: boolean;
  /** Optional list items left off to keep the slide to one page, for its notes. */
  leftOut?: string[];
  /** List items shown in their brief words to keep the slide to one page: their full words, for its notes. */
  shortened?: string[];
}

type Rule = (input: PageInput, theme: Theme) => PageResult;

/** The roomiest step for text beside a chart (body 20 pt). */
const SIDE_STEP = 2;

/**
 * Kicker, action title, subtitle, then the flows stacked in the body. A table of a row or two that would leave
 * the body mostly empty is set as cards instead, which fill it (tableAsCards).
 */
const content: Rule = ({ slide, flows, title, part, minStep }, theme) => {
  const head = titleArea(theme, slide.section, title, part === 0 ? slide.subtitle : undefined);
  const region = bodyRegion(head.bodyTop);
  let body = fitStack(flows, theme, region, minStep);
  if (body.overflow.length === 0 && body.heightIn < region.h * 0.75) {
    const carded = flows.flatMap((f) => (f.kind === 'table' && !f.continued ? (tableAsCards(f.table, theme) ?? [f]) : [f]));
    if (carded.length !== flows.length || carded.some((f, i) => f !== flows[i])) {
      const cards = fitStack(carded, theme, region, minStep);
      if (cards.overflow.length === 0 && cards.heightIn > body.heightIn) body = cards;
    }
  }
  return { items: [...head.items, ...body.items], overflow: body.overflow, numbered: true, step: body.step, cut: body.cut };
};

/**
 * The one-pager: as `content`, but a closing list that would spill goes into two columns instead; when that still
 * spills, its optional items (said elsewhere in the deck) are left off, last first, until it fits; and when none
 * of that fits, its items with brief words are shown in those, and the optional items left off again as needed.
 */
const onePager: Rule = (input, theme) => {
  const plain = content(input, theme);
  if (plain.overflow.length === 0 || input.part > 0) return plain;
  const paras = input.flows.flatMap((f) => (f.kind === 'paras' ? f.paras : []));
  const optional = paras.filter((p) => p.optional);
  const briefs = paras.some((p) => p.brief !== undefined) ? [false, true] : [false];
  for (const brief of briefs)
    for (let off = 0; off <= optional.length; off++) {
      const leftOut = optional.slice(optional.length - off);
      const shown = (p: Paragraph) => (brief && p.brief !== undefined ? { ...p, text: p.brief } : p);
      const flows = input.flows.map((f) => (f.kind === 'paras' ? { ...f, paras: f.paras.filter((p) => !leftOut.includes(p)).map(shown).filter((p) => p.text !== '') } : f));
      const page = onePage({ ...input, flows }, theme, off > 0 || brief);
      if (!page) continue;
      const shortened = brief ? paras.filter((p) => p.brief !== undefined && !leftOut.includes(p)).map((p) => p.text) : [];
      return { ...page, ...(off > 0 ? { leftOut: leftOut.map((p) => p.text) } : {}), ...(shortened.length ? { shortened } : {}) };
    }
  return plain;
};

/** The page in one column (when `oneColumn` is worth trying) or with its closing list in two; undefined if neither fits. */
function onePage(input: PageInput, theme: Theme, oneColumn: boolean): PageResult | undefined {
  if (oneColumn) {
    const page = content(input, theme);
    if (page.overflow.length === 0) return page;
  }
  const head = titleArea(theme, input.slide.section, input.title, input.slide.subtitle);
  const body = fitWithTailColumns(input.flows, theme, bodyRegion(head.bodyTop));
  return body ? { items: [...head.items, ...body.items], overflow: [], numbered: true, step: body.step, cut: false } : undefined;
}

/** A chart with its takeaways beside it (when the chart fits in 8 of 12 columns) or below it. */
const chart: Rule = (input, theme) => {
  const at = input.flows.findIndex((f) => f.kind === 'chart');
  if (at < 0) return content(input, theme);
  const { slide, title, part } = input;
  const head = titleArea(theme, slide.section, title, part === 0 ? slide.subtitle : undefined);
  const region = bodyRegion(head.bodyTop);
  const before = input.flows.slice(0, at);
  const spec = input.flows[at] as Extract<Flow, { kind: 'chart' }>;
  const after = input.flows.slice(at + 1);
  // Text before the chart (a lead line) goes full width above it.
  const lead = before.length ? stack(before, theme, region, 0, false) : { items: [], overflow: [], heightIn: 0, cut: false };
  if (lead.overflow.length) return content(input, theme);
  const top = region.y + (lead.items.length ? lead.heightIn + BLOCK_GAP : 0);
  const h = region.y + region.h - top;
  // The chart takes 8 of 12 columns, or fewer when a table beside it would otherwise break words mid-way.
  const tables = after.flatMap((f) => (f.kind === 'table' ? [f.table] : []));
  const sideRoom = (cols: number) => CONTENT_W - CONTENT_W * (cols / 12) - 2 * GUTTER;
  const chartCols = [8, 7, 6].find((cols) => tables.every((t) => minTableWidth(t, tableSize(STEPS - 1)) <= sideRoom(cols))) ?? 6;
  const sideW = CONTENT_W * (chartCols / 12);
  // Charts grow into the room the slide has (up to CHART_MAX_SCALE), so the body is used, not left empty.
  const besideScale = Math.min(CHART_MAX_SCALE, sideW / spec.chart.width, h / spec.chart.height);
  const belowText = after.length ? stack(after, theme, { ...region, y: 0, h: Infinity }, input.minStep, false).heightIn : 0;
  const belowScale = Math.min(CHART_MAX_SCALE, region.w / spec.chart.width, (h - Math.max(1.3, belowText + BLOCK_GAP)) / spec.chart.height);
  const beside = after.length > 0 && besideScale >= belowScale * 0.95;
  const items = [...head.items, ...lead.items];
  if (beside || after.length === 0) {
    const s = after.length === 0 ? Math.min(CHART_MAX_SCALE, region.w / spec.chart.width, h / spec.chart.height) : besideScale;
    const cw = spec.chart.width * s;
    const ch = spec.chart.height * s;
    const cx = after.length === 0 ? MARGIN_X + (CONTENT_W - cw) / 2 : MARGIN_X;
    items.push({ type: 'image', chartId: spec.chart.id, alt: spec.chart.alt, box: { x: cx, y: top, w: cw, h: ch } });
    if (after.length === 0) return { items, overflow: [], numbered: true, step: 0, cut: false };
    const tx = MARGIN_X + cw + 2 * GUTTER;
    // Text beside a chart reads with it, not over it: at most the 20 pt step.
    const side = fitStack(after, theme, { x: tx, y: top, w: MARGIN_X + CONTENT_W - tx, h }, Math.max(input.minStep, SIDE_STEP));
    return { items: [...items, ...side.items], overflow: side.overflow, numbered: true, step: side.step, cut: side.cut };
  }
  const cw = spec.chart.width * belowScale;
  const ch = spec.chart.height * belowScale;
  items.push({ type: 'image', chartId: spec.chart.id, alt: spec.chart.alt, box: { x: MARGIN_X + (CONTENT_W - cw) / 2, y: top, w: cw, h: ch } });
  const below = fitStack(after, theme, { x: region.x, y: top + ch + BLOCK_GAP, w: region.w, h: h - ch - BLOCK_GAP }, input.minStep);
  return { items: [...items, ...below.items], overflow: below.overflow, numbered: true, step: below.step, cut: below.cut };
};

/** Big title left of centre with an accent bar; subtitle and the flows (owner, date) below. */
function cover(sizePt: number, floorPt: number, barY: number, numbered: boolean): Rule {
  return ({ slide, flows, title, part, minStep }, theme) => {
    let top = barY;
    const w = CONTENT_W * (10 / 12);
    const items: Placed[] = [{ type: 'shape', shape: 'rect', fill: theme.colors.accent, box: { x: MARGIN_X, y: top - 0.3, w: 0.9, h: 0.07 } }];
    if (slide.kind === 'section' && slide.section) {
      items.push({ type: 'title', role: 'kicker', text: slide.section.toUpperCase(), sizePt: 12, weight: 'semibold', color: theme.colors.accent, box: { x: MARGIN_X, y: top - 0.05, w, h: 0.28 } });
      top += 0.35;
    }
    const size = shrinkToLines(title, sizePt, floorPt, w, 3, 'bold');
    const lines = wrapLines(title, size, w, 'bold').length;
    const th = (lines * lineHeight(size)) / PT_PER_IN + 0.06;
    items.push({ type: 'title', role: 'title', text: title, sizePt: size, weight: 'bold', color: theme.colors.text, box: { x: MARGIN_X, y: top, w, h: th } });
    let y = top + th + 0.15;
    if (slide.subtitle && part === 0) {
      const sh = (Math.min(2, wrapLines(slide.subtitle, 20, w).length) * lineHeight(20)) / PT_PER_IN + 0.06;
      items.push({ type: 'title', role: 'subtitle', text: slide.subtitle, sizePt: 20, weight: 'regular', color: theme.colors.muted, box: { x: MARGIN_X, y, w, h: sh } });
      y += sh;
    }
    const region: Box = { x: MARGIN_X, y: y + 0.45, w, h: bodyRegion(0).y + bodyRegion(0).h - y - 0.45 };
    const body = region.h > 0.4 ? fitStack(flows, theme, region, minStep) : { items: [], overflow: flows, step: minStep, cut: false };
    return { items: [...items, ...body.items], overflow: body.overflow, numbered, step: body.step, cut: body.cut };
  };
}

export const RULES: Record<SlideKind, Rule> = {
  title: cover(40, 28, 2.5, false),
  section: cover(34, 26, 2.7, true),
  'exec-summary': onePager,
  chart,
  table: content,
  comparison: content,
  scenarios: content,
  register: content,
  raci: content,
  runbook: content,
  bullets: content,
};
