// Trade-off / efficiency frontier: speed gain (x) against the change in a quality metric (y)
// for each segment or option, with the acceptable region shaded and each point labelled.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { textWidthPt } from '../layout/measure.js';
import { baseSpec, chart, chartId, withHalo, DEFAULT_SIZE, hex, toneEncoding, type ChartSize, type MarkTone } from './config.js';
import { autoDigits, formatValue, midSentence, vegaLabelExpr, type ValueFormat } from './format.js';
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
  /** What a point's mark grades, for the subtitle and the alt text: "both rules". */
  marks?: string;
  title?: string;
  size?: ChartSize;
  /** What the points are, singular and plural, for the alt text (default option/options). */
  noun?: [string, string];
}

export function tradeoffChart(input: TradeoffInput, theme: Theme): ChartSpec {
  if (input.points.length === 0) throw new Error(`tradeoffChart(${input.id}): no points`);
  const a = input.acceptable ?? {};
  const xs = input.points.map((p) => p.x);
  const ys = input.points.map((p) => p.y);
  const xDomain = paddedDomain([...xs, 0, ...[a.xMin, a.xMax].filter(isNum)], 0.15);
  const yDomain = paddedDomain([...ys, 0, ...[a.yMin, a.yMax].filter(isNum)], 0.15);
  const xd = autoDigits(input.x.format, Math.max(...xs.map(Math.abs)));
  const yd = autoDigits(input.y.format, Math.max(...ys.map(Math.abs)));
  const x = { type: 'quantitative', scale: { domain: xDomain, nice: false, zero: false }, axis: { title: input.x.label, labelExpr: vegaLabelExpr(input.x.format, Math.min(xd, 1)), tickCount: 6, grid: true } };
  const y = { type: 'quantitative', scale: { domain: yDomain, nice: false, zero: false }, axis: { title: input.y.label, labelExpr: vegaLabelExpr(input.y.format, Math.min(yd, 1)), tickCount: 5, grid: true } };
  const region = { x: a.xMin ?? xDomain[0], x2: a.xMax ?? xDomain[1], y: a.yMin ?? yDomain[0], y2: a.yMax ?? yDomain[1], label: a.label ?? 'Acceptable region' };
  const size = input.size ?? DEFAULT_SIZE;
  const texts = input.points.map((p) => `${p.label}${p.mark ? ` ${p.mark}` : ''}`);
  const placed = placeLabels(input.points, texts, xDomain, yDomain, size);
  const values = input.points.map((p, i) => ({ ...p, tone: p.tone ?? 'inconclusive', text: texts[i], lx: round(placed[i].lx), ly: round(placed[i].ly), align: placed[i].align }));
  const leaders = values.filter((_, i) => placed[i].moved).map((v) => ({ x: v.x, y: v.y, x2: v.lx, y2: v.ly }));
  const color = toneEncoding(theme);
  const muted = hex(theme.colors.muted);
  const spec = {
    ...baseSpec(theme, input.title ?? 'Trade-off by segment', `Each point is a segment or option${input.marks ? ` · marks: ${input.marks}` : ''}`),
    layer: [
      ...(input.acceptable
        ? [
            { data: { values: [region] }, mark: { type: 'rect', color: hex(theme.colors.pass), opacity: 0.1 }, encoding: { x: { field: 'x', ...x }, x2: { field: 'x2' }, y: { field: 'y', ...y }, y2: { field: 'y2' } } },
            { data: { values: [region] }, mark: { type: 'text', align: 'left', baseline: 'top', dx: 6, dy: 6, color: hex(theme.colors.pass), fontWeight: 600 }, encoding: { x: { field: 'x', ...x }, y: { field: 'y2', ...y }, text: { field: 'label' } } },
          ]
        : []),
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: muted, strokeWidth: 1.2 }, encoding: { x: { field: 'v', ...x } } },
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: muted, strokeWidth: 1.2 }, encoding: { y: { field: 'v', ...y } } },
      { data: { values }, mark: { type: 'point', filled: true, size: 130, opacity: 1 }, encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, color } },
      { data: { values: leaders }, mark: { type: 'rule', color: muted, strokeWidth: 0.8 }, encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, x2: { field: 'x2' }, y2: { field: 'y2' } } },
      ...withHalo(theme, { data: { values }, mark: { type: 'text', align: { expr: 'datum.align' }, baseline: 'middle', fontSize: 12 }, encoding: { x: { field: 'lx', ...x }, y: { field: 'ly', ...y }, text: { field: 'text' }, color } }),
    ],
  };
  return chart(chartId('tradeoff', input.id), 'tradeoff', size, tradeoffAlt(input, xd, yd), spec);
}

/**
 * Label placement without overlaps: each label starts beside its point (right, or left in the right part
 * of the plot); labels whose boxes would overlap are pushed apart vertically, and a label moved off its
 * point gets a leader line. Positions are worked out in the plot's pixel space (estimated from the chart
 * size) and returned in data units, so Vega draws them where they were planned.
 */
function placeLabels(
  points: TradeoffPoint[],
  texts: string[],
  xd: [number, number],
  yd: [number, number],
  size: { width: number; height: number },
): { lx: number; ly: number; align: 'left' | 'right'; moved: boolean }[] {
  // the plot area: the chart less its axes, axis titles, title and subtitle (measured on rendered charts)
  const W = size.width * 72 - 167;
  const H = size.height * 72 - 132;
  const LINE = 16;
  const items = points.map((p, i) => {
    const x = ((p.x - xd[0]) / (xd[1] - xd[0])) * W;
    const y = (1 - (p.y - yd[0]) / (yd[1] - yd[0])) * H;
    const w = textWidthPt(texts[i], 12);
    const right = x > W * 0.6;
    return { i, x, y, ly: y, x0: right ? x - 10 - w : x + 10, x1: right ? x - 10 : x + 10 + w, align: (right ? 'right' : 'left') as 'left' | 'right' };
  });
  const byY = [...items].sort((a, b) => a.y - b.y || a.i - b.i);
  const overlapX = (a: (typeof items)[number], b: (typeof items)[number]) => a.x0 < b.x1 && b.x0 < a.x1;
  for (let k = 0; k < byY.length; k++)
    for (let j = 0; j < k; j++) if (overlapX(byY[j], byY[k]) && byY[k].ly < byY[j].ly + LINE) byY[k].ly = byY[j].ly + LINE;
  // a group pushed past the bottom edge moves up as a whole
  const overflow = Math.max(0, ...items.map((it) => it.ly + LINE / 2 - H));
  if (overflow > 0) for (const it of items) if (it.ly !== it.y) it.ly -= overflow;
  return items.map((it) => ({
    lx: xd[0] + ((it.align === 'left' ? it.x + 10 : it.x - 10) / W) * (xd[1] - xd[0]),
    ly: yd[0] + (1 - it.ly / H) * (yd[1] - yd[0]),
    align: it.align,
    moved: Math.abs(it.ly - it.y) > 4,
  }));
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
