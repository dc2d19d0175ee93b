// Trade-off / efficiency frontier: speed gain (x) against the change in a quality metric (y)
// for each segment or option, with the acceptable region shaded and each point labelled.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { textWidthPt } from '../layout/measure.js';
import { baseSpec, chart, chartFamily, chartId, DEFAULT_SIZE, hex, toneEncoding, type ChartSize, type MarkTone } from './config.js';
import { autoDigits, formatValue, midSentence, vegaLabelExpr, type ValueFormat } from './format.js';
import { frame, framedSpec, niceTicks } from './frame.js';
import { paddedDomain, round } from './scale.js';

export interface TradeoffAxis {
  /** "Speed gain in time to first quote" — write it so that right/up reads as the label says. */
  label: string;
  format: ValueFormat;
}

export interface TradeoffPoint {
  label: string;
  x: number;
  y: number;
  /** News colour of the point's mark (inconclusive when it has none). */
  tone?: MarkTone;
  /** What the point's rules came to, in words, from compose: "✓ met". */
  mark?: string;
}

export interface TradeoffInput {
  id: string;
  x: TradeoffAxis;
  y: TradeoffAxis;
  points: TradeoffPoint[];
  /** The acceptable region, when the bars fix one: any side left open extends to the edge of the chart. */
  acceptable?: { xMin?: number; xMax?: number; yMin?: number; yMax?: number; label?: string };
  /** What a point's mark grades, for the subtitle and the alt text: "met when both rules are met …". */
  marks?: string;
  title?: string;
  size?: ChartSize;
  /** What the points are, singular and plural, for the alt text (default option/options). */
  noun?: [string, string];
}

export function tradeoffChart(input: TradeoffInput, theme: Theme): ChartSpec {
  if (input.points.length === 0) throw new Error(`tradeoffChart(${input.id}): no points`);
  const a = input.acceptable ?? {};
  const family = chartFamily(theme);
  const xs = input.points.map((p) => p.x);
  const ys = input.points.map((p) => p.y);
  const xDomain = paddedDomain([...xs, 0, ...[a.xMin, a.xMax].filter(isNum)], 0.15);
  const yDomain = paddedDomain([...ys, 0, ...[a.yMin, a.yMax].filter(isNum)], 0.15);
  const xd = autoDigits(input.x.format, Math.max(...xs.map(Math.abs)));
  const yd = autoDigits(input.y.format, Math.max(...ys.map(Math.abs)));
  // Ticks are chosen here so the frame knows the widest label; one precision per axis.
  const xTicks = niceTicks(xDomain[0], xDomain[1], 6);
  const yTicks = niceTicks(yDomain[0], yDomain[1], 5);
  const tickText = (v: number, f: ValueFormat, d: number) => (Math.abs(v) < 1e-12 ? '0' : formatValue(v, f, { signed: true, digits: Math.min(d, 1) }));
  const size = input.size ?? DEFAULT_SIZE;
  const subtitle = `Each point is a segment or option${input.marks ? ` · marks: ${input.marks}` : ''}`;
  const f = frame(size, { yLabels: yTicks.map((v) => tickText(v, input.y.format, yd)), xLastLabel: tickText(xTicks[xTicks.length - 1] ?? 0, input.x.format, xd), subtitleLines: 1, legend: false, xTitle: true, family });
  const x = { type: 'quantitative', scale: { domain: xDomain, nice: false, zero: false }, axis: { title: input.x.label, labelExpr: vegaLabelExpr(input.x.format, Math.min(xd, 1)), values: xTicks, grid: true } };
  const y = { type: 'quantitative', scale: { domain: yDomain, nice: false, zero: false }, axis: { title: input.y.label, labelExpr: vegaLabelExpr(input.y.format, Math.min(yd, 1)), values: yTicks, grid: true } };
  const region = { x: a.xMin ?? xDomain[0], x2: a.xMax ?? xDomain[1], y: a.yMin ?? yDomain[0], y2: a.yMax ?? yDomain[1], label: a.label ?? 'Acceptable region' };
  const texts = input.points.map((p) => `${p.label}${p.mark ? ` ${p.mark}` : ''}`);
  const toPx = { x: (v: number) => ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * f.plot.w, y: (v: number) => (1 - (v - yDomain[0]) / (yDomain[1] - yDomain[0])) * f.plot.h };
  const fromPx = { x: (px: number) => round(xDomain[0] + (px / f.plot.w) * (xDomain[1] - xDomain[0])), y: (py: number) => round(yDomain[0] + (1 - py / f.plot.h) * (yDomain[1] - yDomain[0])) };
  // The region's name sits in its top-left corner; zero lines cross the plot: labels keep clear of all three.
  const regionLabel: Rect[] = input.acceptable ? [{ x0: toPx.x(region.x) + 6, y0: toPx.y(region.y2) + 6, x1: toPx.x(region.x) + 6 + textWidthPt(region.label, 12, 'bold', family), y1: toPx.y(region.y2) + 6 + 14 }] : [];
  const lines: Rect[] = [
    { x0: toPx.x(0) - 0.6, x1: toPx.x(0) + 0.6, y0: 0, y1: f.plot.h },
    { x0: 0, x1: f.plot.w, y0: toPx.y(0) - 0.6, y1: toPx.y(0) + 0.6 },
  ];
  const placed = placeLabels(
    input.points.map((p, i) => ({ x: toPx.x(p.x), y: toPx.y(p.y), w: textWidthPt(texts[i], 12, 'regular', family) })),
    { w: f.plot.w, h: f.plot.h },
    [...regionLabel, ...lines],
  );
  const values = input.points.map((p, i) => ({ ...p, tone: p.tone ?? 'inconclusive', text: texts[i], lx: fromPx.x(placed[i].x), ly: fromPx.y(placed[i].y), align: placed[i].align }));
  const leaders = placed.flatMap((l, i) => (l.leader ? [{ x: values[i].x, y: values[i].y, x2: fromPx.x(l.leader.x), y2: fromPx.y(l.leader.y) }] : []));
  const color = toneEncoding(theme);
  const muted = hex(theme.colors.muted);
  const spec = {
    ...baseSpec(theme, input.title ?? 'Trade-off by segment', subtitle),
    ...framedSpec(f),
    layer: [
      ...(input.acceptable
        ? [
            { data: { values: [region] }, mark: { type: 'rect', color: hex(theme.colors.pass), opacity: 0.1 }, encoding: { x: { field: 'x', ...x }, x2: { field: 'x2' }, y: { field: 'y', ...y }, y2: { field: 'y2' } } },
            { data: { values: [region] }, mark: { type: 'text', align: 'left', baseline: 'top', dx: 6, dy: 6, fontSize: 12, color: hex(theme.colors.pass), fontWeight: 'bold' }, encoding: { x: { field: 'x', ...x }, y: { field: 'y2', ...y }, text: { field: 'label' } } },
          ]
        : []),
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: muted, strokeWidth: 1.2 }, encoding: { x: { field: 'v', ...x } } },
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: muted, strokeWidth: 1.2 }, encoding: { y: { field: 'v', ...y } } },
      { data: { values: leaders }, mark: { type: 'rule', color: muted, strokeWidth: 0.8 }, encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, x2: { field: 'x2' }, y2: { field: 'y2' } } },
      { data: { values }, mark: { type: 'point', filled: true, size: 130, opacity: 1 }, encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, color } },
      { data: { values }, mark: { type: 'text', align: { expr: 'datum.align' }, baseline: 'middle', fontSize: 12 }, encoding: { x: { field: 'lx', ...x }, y: { field: 'ly', ...y }, text: { field: 'text' }, color } },
    ],
  };
  return chart(chartId('tradeoff', input.id), 'tradeoff', size, tradeoffAlt(input, xd, yd), spec);
}

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Half the side of the box a point marker (size 130, r ≈ 6.4) occupies, with a hair of air. */
const MARK_R = 7.5;
const LABEL_H = 14;
const GAP = 2;

const overlap = (a: Rect, b: Rect) => a.x0 < b.x1 + GAP && b.x0 < a.x1 + GAP && a.y0 < b.y1 + GAP && b.y0 < a.y1 + GAP;

/** Whether segment p–q passes through rectangle r (Liang–Barsky clipping). */
function segmentHits(p: { x: number; y: number }, q: { x: number; y: number }, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  for (const [pp, qq] of [[-dx, p.x - r.x0], [dx, r.x1 - p.x], [-dy, p.y - r.y0], [dy, r.y1 - p.y]]) {
    if (pp === 0) {
      if (qq < 0) return false;
      continue;
    }
    const t = qq / pp;
    if (pp < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

function segmentsCross(a: [{ x: number; y: number }, { x: number; y: number }], b: [{ x: number; y: number }, { x: number; y: number }]): boolean {
  const cross = (o: { x: number; y: number }, p: { x: number; y: number }, q: { x: number; y: number }) => (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
  const d1 = cross(b[0], b[1], a[0]);
  const d2 = cross(b[0], b[1], a[1]);
  const d3 = cross(a[0], a[1], b[0]);
  const d4 = cross(a[0], a[1], b[1]);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

interface Placement {
  /** Anchor of the text in plot points (left or right end, vertical middle). */
  x: number;
  y: number;
  align: 'left' | 'right';
  /** Where a leader line from the point ends, when the label stands away from its point. */
  leader?: { x: number; y: number };
}

/**
 * Greedy label placement in the plot's own points (the frame makes them exact): each label takes the nearest
 * candidate position around its point (right, left, above, below, then diagonals further out) whose box stays
 * in the plot and clear of every marker, every other label, the obstacles (region name, zero lines), and whose
 * leader line, if it needs one, crosses no other leader, label or marker. Crowded points choose first.
 */
function placeLabels(points: { x: number; y: number; w: number }[], plot: { w: number; h: number }, obstacles: Rect[]): Placement[] {
  const crowd = points.map((p) => points.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) < 60).length);
  let order = points.map((_, i) => i).sort((a, b) => crowd[b] - crowd[a] || a - b);
  // A label that found no clean spot goes first in the next round; then shuffled orders (a fixed seed, so the
  // same chart always gets the same labels). The first round with every label clean wins, else the best.
  let best = placeInOrder(points, plot, obstacles, order);
  let seed = 0x9e3779b9;
  const random = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296);
  for (let round = 0; round < 60 && best.failed.length > 0; round++) {
    if (round < 4) order = [...best.failed, ...order.filter((i) => !best.failed.includes(i))];
    else order = order.map((i) => [random(), i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
    const next = placeInOrder(points, plot, obstacles, order);
    if (next.failed.length < best.failed.length) best = next;
  }
  return best.placements;
}

function placeInOrder(points: { x: number; y: number; w: number }[], plot: { w: number; h: number }, obstacles: Rect[], order: number[]): { placements: Placement[]; failed: number[] } {
  const markers: Rect[] = points.map((p) => ({ x0: p.x - MARK_R, y0: p.y - MARK_R, x1: p.x + MARK_R, y1: p.y + MARK_R }));
  const failed: number[] = [];
  const boxes: Rect[] = [];
  const leaders: [{ x: number; y: number }, { x: number; y: number }][] = [];
  const out: Placement[] = new Array(points.length);
  // Right, left, up, down first, then the diagonals and the angles between (16 directions).
  const DIRS = [0, 8, 12, 4, 14, 10, 2, 6, 15, 9, 13, 11, 1, 7, 3, 5].map((k) => [round(Math.cos((k * Math.PI) / 8)), round(-Math.sin((k * Math.PI) / 8))] as const);
  for (const i of order) {
    const p = points[i];
    let chosen: { box: Rect; place: Placement } | undefined;
    let fallback: { box: Rect; place: Placement; bad: number } | undefined;
    for (const dist of [10, 18, 28, 40, 55, 72, 92, 115, 140, 170, 205, 245, 290]) {
      for (const [dx, dy] of DIRS) {
        // The label's box: to the right (left) of the spot `dist` away it starts (ends) there; straight above
        // or below it is centred on it.
        const side = dx > 0.3 ? 1 : dx < -0.3 ? -1 : 0;
        const cx = p.x + dx * dist;
        const cy = p.y + dy * dist + (side === 0 ? Math.sign(dy) * LABEL_H / 2 : 0);
        const x0 = side > 0 ? cx : side < 0 ? cx - p.w : cx - p.w / 2;
        const box: Rect = { x0, x1: x0 + p.w, y0: cy - LABEL_H / 2, y1: cy + LABEL_H / 2 };
        const align: 'left' | 'right' = side < 0 ? 'right' : 'left';
        const place: Placement = { x: align === 'left' ? box.x0 : box.x1, y: cy, align };
        const far = dist > 10;
        let leader: [{ x: number; y: number }, { x: number; y: number }] | undefined;
        if (far) {
          const end = { x: Math.min(Math.max(p.x, box.x0), box.x1), y: Math.min(Math.max(p.y, box.y0), box.y1) };
          leader = [{ x: p.x, y: p.y }, end];
          place.leader = end;
        }
        // A spot no better than the fallback changes nothing: its count stops there (same placements, less work).
        const limit = fallback?.bad ?? Infinity;
        let bad = 0;
        if (box.x0 < 0 || box.x1 > plot.w || box.y0 < 0 || box.y1 > plot.h) bad += 100;
        if (bad < limit) bad += count(boxes, (b) => overlap(b, box)) * 10;
        if (bad < limit) bad += count(markers, (m) => overlap(m, box)) * 10;
        if (bad < limit) bad += count(obstacles, (o) => overlap(o, box)) * 5;
        if (bad < limit) bad += count(leaders, (l) => segmentHits(l[0], l[1], box)) * 10;
        if (leader && bad < limit) {
          const [from, to] = leader;
          // A leader may cross markers that overlap its own point (no line could avoid them), nothing else.
          const apart = (k: number) => k !== i && Math.hypot(points[k].x - p.x, points[k].y - p.y) > 2 * MARK_R;
          bad += count(leaders, (l) => segmentsCross(l, leader!)) * 10;
          if (bad < limit) bad += count(markers, (m, k) => apart(k) && segmentHits(from, to, m)) * 10;
          if (bad < limit) bad += count(boxes, (b) => segmentHits(from, to, b)) * 10;
        }
        if (bad >= limit) continue;
        if (bad === 0) {
          chosen = { box, place };
          break;
        }
        if (!fallback || bad < fallback.bad) fallback = { box, place, bad };
      }
      if (chosen) break;
    }
    if (!chosen) failed.push(i);
    const pick = chosen ?? fallback!;
    boxes.push(pick.box);
    if (pick.place.leader) leaders.push([{ x: p.x, y: p.y }, pick.place.leader]);
    out[i] = pick.place;
  }
  return { placements: out, failed };
}

/** How many of `items` are hit (no array built: placement counts these thousands of times a chart). */
function count<T>(items: readonly T[], hit: (item: T, k: number) => boolean): number {
  let n = 0;
  for (let k = 0; k < items.length; k++) if (hit(items[k], k)) n++;
  return n;
}

function isNum(v: number | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function inRegion(p: { x: number; y: number }, a: NonNullable<TradeoffInput['acceptable']>): boolean {
  return (a.xMin ?? -Infinity) <= p.x && p.x <= (a.xMax ?? Infinity) && (a.yMin ?? -Infinity) <= p.y && p.y <= (a.yMax ?? Infinity);
}

function tradeoffAlt(input: TradeoffInput, xd: number, yd: number): string {
  const fx = (v: number) => formatValue(v, input.x.format, { signed: true, digits: xd });
  const fy = (v: number) => formatValue(v, input.y.format, { signed: true, digits: yd });
  const [one, many] = input.noun ?? ['option', 'options'];
  const where = (p: TradeoffPoint) => `${p.label} (${midSentence(input.x.label)} ${fx(p.x)}, ${midSentence(input.y.label)} ${fy(p.y)})`;
  const parts: string[] = [];
  if (input.acceptable) {
    const inside = input.points.filter((p) => inRegion(p, input.acceptable!));
    parts.push(`${inside.length} of ${input.points.length} ${input.points.length === 1 ? `${one} lies` : `${many} lie`} in the shaded region${input.acceptable.label ? ` (${midSentence(input.acceptable.label)})` : ''}`);
  }
  const marked = input.points.filter((p) => p.mark);
  if (marked.length) parts.push(`${input.marks ? `${input.marks}: ` : ''}${marked.map((p) => `${p.label} ${p.mark}`).join(', ')}`);
  // Where the points that fall short lie: outside the region, or (without a region) marked bad news.
  const short = input.points.filter((p) => (input.acceptable ? !inRegion(p, input.acceptable) : p.tone === 'fail'));
  if (short.length) parts.push(`${input.acceptable ? 'outside it' : 'short'}: ${short.map(where).join('; ')}`);
  return `${parts.join('; ')}.`;
}
