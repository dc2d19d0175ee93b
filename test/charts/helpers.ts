// Test helpers: walk Vega's scenegraph for text boxes, and decode PNGs (fflate inflates IDAT).
import { unzlibSync } from 'fflate';
import { expect } from 'vitest';
import { loadVega } from '../../src/charts/vega.js';
import { compileVegaLite, renderSvg } from '../../src/charts/render.js';
import { finalSpec } from '../../src/charts/final-spec.js';
import { LABEL_SEPARATION_PT } from '../../src/charts/config.js';
import type { ChartSpec } from '../../src/deck/types.js';

export interface TextBox {
  text: string;
  fontSize: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Every text item Vega lays out (axis labels, titles, marks), in SVG coordinates. */
export async function textBoxes(spec: Record<string, unknown>): Promise<{ boxes: TextBox[]; width: number; height: number }> {
  const { texts, width, height } = await sceneOf(spec);
  return { boxes: texts.map(({ role: _role, ...box }) => box), width, height };
}

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  rgba: Uint8Array;
}

/** Minimal PNG decoder for 8-bit RGB/RGBA, non-interlaced (what resvg writes). */
export function decodePng(png: Uint8Array): Image {
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let pos = 8;
  let width = 0, height = 0, colorType = 0;
  const idat: Uint8Array[] = [];
  while (pos < png.length) {
    const len = dv.getUint32(pos);
    const type = String.fromCharCode(...png.subarray(pos + 4, pos + 8));
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = dv.getUint32(pos + 8);
      height = dv.getUint32(pos + 12);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('decodePng: only 8-bit non-interlaced');
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!bpp) throw new Error(`decodePng: colour type ${colorType} not supported`);
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let o = 0;
  for (const d of idat) (joined.set(d, o), (o += d.length));
  const raw = unzlibSync(joined);
  const stride = width * bpp;
  const out = new Uint8Array(width * height * bpp);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      out[y * stride + x] = (line[x] + pred) & 255;
    }
  }
  if (bpp === 4) return { width, height, rgba: out };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([out[i * 3], out[i * 3 + 1], out[i * 3 + 2], 255], i * 4);
  return { width, height, rgba };
}

/** Pixels in the rectangle darker than mid-grey (text on the white background). */
export function darkPixels(img: Image, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) {
      const i = (y * img.width + x) * 4;
      if (img.rgba[i + 3] > 128 && img.rgba[i] + img.rgba[i + 1] + img.rgba[i + 2] < 3 * 128) n++;
    }
  }
  return n;
}

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What a chart draws that a label must keep clear of: marker boxes, line segments (rules, leaders, curves). */
export interface Scene {
  texts: (TextBox & { role: string })[];
  boxes: (Rect & { role: string })[];
  segments: { a: { x: number; y: number }; b: { x: number; y: number }; role: string }[];
  width: number;
  height: number;
}

/**
 * The laid-out chart as Vega draws it (the scenegraph the SVG is written from), in SVG coordinates: every text
 * item, and the data marks (role 'mark') as boxes (points, bars, ticks; shaded areas under 30% opacity are left
 * out, labels may sit on them) or segments (rules and lines). Axes, grid lines and legends are not marks.
 */
export async function sceneOf(spec: Record<string, unknown>): Promise<Scene> {
  const { vega } = await loadVega();
  const { vega: compiled } = await compileVegaLite(spec);
  const view = new vega.View(vega.parse(compiled as never), { renderer: 'none', logLevel: vega.Error });
  await view.runAsync();
  const scene: Scene = { texts: [], boxes: [], segments: [], width: 0, height: 0 };
  const origin = view.origin();
  const walk = (node: any, dx: number, dy: number) => {
    if (!node) return;
    const role = String(node.role ?? '');
    if (node.marktype === 'text') {
      for (const item of node.items ?? []) {
        const t = Array.isArray(item.text) ? item.text.join(' ') : String(item.text ?? '');
        if (!t.trim() || item.opacity === 0 || item.fillOpacity === 0) continue;
        const b = item.bounds;
        scene.texts.push({ text: t, role, fontSize: item.fontSize ?? 11, x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy });
      }
      return;
    }
    if (role === 'mark' && node.marktype !== 'group') {
      for (const item of node.items ?? []) {
        if (node.marktype === 'rule') {
          const x = (item.x ?? 0) + dx;
          const y = (item.y ?? 0) + dy;
          scene.segments.push({ a: { x, y }, b: { x: (item.x2 ?? item.x ?? 0) + dx, y: (item.y2 ?? item.y ?? 0) + dy }, role: 'rule' });
        } else if (node.marktype === 'line') {
          // A line mark is one item per point, in order.
          const pts = (node.items ?? []).map((p: any) => ({ x: p.x + dx, y: p.y + dy }));
          for (let i = 1; i < pts.length; i++) scene.segments.push({ a: pts[i - 1], b: pts[i], role: 'line' });
          break;
        } else if ((item.opacity ?? 1) * (item.fillOpacity ?? 1) >= 0.3) {
          const b = item.bounds;
          scene.boxes.push({ x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy, role: node.marktype });
        }
      }
      return;
    }
    for (const item of node.items ?? []) {
      const ox = dx + (node.marktype === 'group' ? item.x ?? 0 : 0);
      const oy = dy + (node.marktype === 'group' ? item.y ?? 0 : 0);
      for (const child of item.items ?? []) walk(child, ox, oy);
    }
  };
  const pad = (view as any).padding() as { left: number; top: number };
  walk((view.scenegraph() as any).root, origin[0] + pad.left, origin[1] + pad.top);
  const svg = await view.toSVG();
  scene.width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
  scene.height = Number(/<svg[^>]* height="([\d.]+)"/.exec(svg)![1]);
  view.finalize();
  return scene;
}

/** Whether segment a–b passes through the rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(a: { x: number; y: number }, b: { x: number; y: number }, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [[-dx, a.x - r.x1], [dx, r.x2 - a.x], [-dy, a.y - r.y1], [dy, r.y2 - a.y]]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Every collision of a label with another label or a mark. Text boxes are Vega's (a full em tall): they are
 * shrunk by `inset` points before they meet marks, so a leader line that ends at its label's edge does not count.
 */
export function collisions(scene: Scene, inset = 1.5): string[] {
  const out: string[] = [];
  const t = scene.texts;
  for (let i = 0; i < t.length; i++)
    for (let j = i + 1; j < t.length; j++) if (rectsOverlap(shrink(t[i], 0.5), shrink(t[j], 0.5))) out.push(`'${t[i].text}' overlaps '${t[j].text}'`);
  for (const label of t) {
    const r = shrink(label, inset);
    for (const b of scene.boxes) if (rectsOverlap(r, b)) out.push(`'${label.text}' overlaps a ${b.role}`);
    for (const s of scene.segments) if (segmentHitsRect(s.a, s.b, r)) out.push(`'${label.text}' is crossed by a ${s.role}`);
  }
  return out;
}

function shrink(r: Rect, d: number): Rect {
  return { x1: r.x1 + d, y1: r.y1 + d, x2: r.x2 - d, y2: r.y2 - d };
}

export interface RowLayout {
  plot: { h: number; w: number; x: number };
  /** Row labels as drawn (lines joined), and how many Vega's overlap rule hid. */
  shown: string[];
  hidden: number;
  /** Vertical bounds of each row label, in the plot's coordinates. */
  rowBounds: { y1: number; y2: number }[];
  /** Where what stands under the plot starts: the top of the x axis's labels, or the plot's bottom when it has no x axis. */
  below: number;
}

/** A chart with a row axis (forest, guardrail, scenario charts) as Vega lays it out and draws it. */
export async function rowLayout(chart: ChartSpec | Record<string, unknown>): Promise<RowLayout> {
  const spec = ('vegaLite' in chart ? finalSpec(chart as ChartSpec) : chart) as Record<string, unknown>;
  const { vega } = await loadVega();
  const view = new vega.View(vega.parse((await compileVegaLite(spec)).vega as never), { renderer: 'none' });
  await view.runAsync();
  const plot = { h: view.height(), w: view.width(), x: view.origin()[0] };
  // Axis label marks in drawing order (an x axis's, then the row axis'), their bounds moved into the plot's frame.
  type Node = { role?: string; y?: number; items?: Node[]; bounds?: { y1: number; y2: number } };
  const axes: { y1: number; y2: number }[][] = [];
  const walk = (node: Node, dy: number): void => {
    for (const mark of node.items ?? []) {
      if (mark.role === 'axis-label') axes.push((mark.items ?? []).map((t) => ({ y1: t.bounds!.y1 + dy, y2: t.bounds!.y2 + dy })));
      for (const item of mark.items ?? []) walk(item, dy + (item.y ?? 0));
    }
  };
  walk((view.scenegraph() as unknown as { root: { items: Node[] } }).root.items[0], 0);
  view.finalize();
  const rowBounds = axes.at(-1)!;
  // A hidden label is transparent in the SVG; the lines of a label are its tspans.
  const rowAxis = (await renderSvg(spec)).split('role-axis-label').pop()!.split('</g>')[0];
  const texts = [...rowAxis.matchAll(/<text [^>]*?(opacity="0")?>(.*?)<\/text>/g)];
  const text = (inner: string) => [...inner.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ') || inner;
  return {
    plot,
    shown: texts.filter((m) => !m[1]).map((m) => unescapeXml(text(m[2]))),
    hidden: texts.filter((m) => m[1]).length,
    rowBounds,
    below: axes.length > 1 ? Math.min(...axes[0].map((b) => b.y1)) : plot.h,
  };
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Every row label a label separation above the next; the last one not reaching what stands under the plot. */
export function expectRowsClear(drawn: RowLayout, what: string): void {
  drawn.rowBounds.forEach((b, i) => {
    const last = i + 1 === drawn.rowBounds.length;
    expect((last ? drawn.below : drawn.rowBounds[i + 1].y1) - b.y2, `${what}, row ${i}`).toBeGreaterThanOrEqual(last ? 0 : LABEL_SEPARATION_PT);
  });
}
