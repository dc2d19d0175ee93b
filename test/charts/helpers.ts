// Test helpers: walk Vega's scenegraph for text boxes, and decode PNGs (fflate inflates IDAT).
import { unzlibSync } from 'fflate';
import { loadVega } from '../../src/charts/vega.js';
import { compileVegaLite } from '../../src/charts/render.js';

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
  const { vega } = await loadVega();
  const { vega: compiled } = await compileVegaLite(spec);
  const view = new vega.View(vega.parse(compiled as never), { renderer: 'none', logLevel: vega.Error });
  await view.runAsync();
  const boxes: TextBox[] = [];
  const origin = view.origin();
  // Item bounds are in their group's coordinates; groups shift their children by (x, y).
  const walk = (node: any, dx: number, dy: number) => {
    if (!node) return;
    if (node.marktype === 'text') {
      for (const item of node.items ?? []) {
        const t = Array.isArray(item.text) ? item.text.join(' ') : String(item.text ?? '');
        if (!t.trim() || item.opacity === 0 || item.fillOpacity === 0) continue;
        const b = item.bounds;
        boxes.push({ text: t, fontSize: item.fontSize ?? 11, x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy });
      }
      return;
    }
    for (const item of node.items ?? []) {
      const ox = dx + (node.marktype === 'group' ? item.x ?? 0 : 0);
      const oy = dy + (node.marktype === 'group' ? item.y ?? 0 : 0);
      for (const child of item.items ?? []) walk(child, ox, oy);
    }
  };
  walk((view.scenegraph() as any).root, origin[0], origin[1]);
  // The drawn size is the SVG's: plot, axes, legends and padding together.
  const svg = await view.toSVG();
  const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
  const height = Number(/<svg[^>]* height="([\d.]+)"/.exec(svg)![1]);
  view.finalize();
  return { boxes, width, height };
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
