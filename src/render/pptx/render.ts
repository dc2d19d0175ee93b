// Placed slides → .pptx bytes. Each Placed maps to one pptxgenjs call; pptxgenjs is imported lazily so that
// commands that never write a deck do not pay for it. pptxgenjs gets a placeholder for each chart picture; the
// re-pack attaches the PNGs and writes a byte-identical zip.
import type { DeckMeta } from '../../deck/types.js';
import type { Theme } from '../../deck/theme.js';
import type { Placed, PlacedSlide, PlacedTable, PlacedText, PlacedTitle } from '../../layout/types.js';
import { BULLET_INDENT_PT, bulletIndentPt, lineHeight, NUMBER_INDENT_PT } from '../../layout/textfit.js';
import { repackPptx } from './repack.js';
import { chartObjectName, PLACEHOLDER_PNG, type ChartMedia } from './svg.js';
import type { DeflateCache } from './zip.js';
import { unzipSync } from 'fflate';
import { PARTS, type Parts } from './jszip-parts.js';
import { KICKER_OBJECT_NAME, SUBTITLE_OBJECT_NAME, TITLE_OBJECT_NAME } from './titles.js';
import { xmlAttr, xmlSafe } from '../../xml-text.js';

export interface ChartImage {
  png: Uint8Array;
  svg?: string;
  widthPx: number;
  heightPx: number;
}

export interface RenderOptions {
  /** Written into docProps/core.xml and the zip entries; see deckTimestamp(). */
  timestamp?: Date;
  /** Embed each chart's SVG (when given) beside its PNG fallback. Default true. */
  svg?: boolean;
  /** Deflated XML parts from earlier builds (bytes are the same with or without). */
  deflateCache?: DeflateCache;
}

// The typings describe the CommonJS shape (module.default.default); the ESM build's default is the class.
type Pres = import('pptxgenjs').default;
type PresCtor = new () => Pres;
type PptxSlide = ReturnType<Pres['addSlide']>;

/** SOURCE_DATE_EPOCH when set (reproducible builds), else the deck's date at 00:00 UTC, else 1980-01-01. */
export function deckTimestamp(meta: Pick<DeckMeta, 'date'>, env: Record<string, string | undefined> = {}): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(meta.date ?? '');
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Date(Date.UTC(1980, 0, 1));
}

/** `images` may still be drawing: the slides are written first, and the pictures attached when they are ready. */
export async function renderPptx(slides: PlacedSlide[], meta: DeckMeta, theme: Theme, images: Map<string, ChartImage> | Promise<Map<string, ChartImage>>, opts: RenderOptions = {}): Promise<Uint8Array> {
  const [mod, zipLib] = await Promise.all([import('pptxgenjs'), import('jszip')]);
  const PptxGenJS = ((mod.default as unknown as { default?: PresCtor }).default ?? mod.default) as PresCtor;
  const pres = new PptxGenJS();
  pres.layout = 'LAYOUT_WIDE';
  pres.title = xmlSafe(meta.title);
  pres.subject = xmlSafe(meta.subtitle ?? '');
  pres.author = xmlSafe(meta.owner);
  pres.company = '';
  pres.theme = { headFontFace: face(theme.fonts.heading), bodyFontFace: face(theme.fonts.body) };
  for (const placed of slides) {
    const s = pres.addSlide();
    s.background = { color: theme.colors.background };
    for (const item of placed.items) ITEM[item.type](s, item as never, theme, pres);
    if (placed.notes.length > 0) s.addNotes(xmlSafe(placed.notes.join('\n\n')));
  }
  // The bundle and the tests give pptxgenjs a JSZip stand-in (jszip-parts.ts) that returns its parts unzipped;
  // run from source without that mapping (tsx) pptxgenjs has JSZip itself, and its zip is opened again.
  const parts = PARTS in zipLib.default
    ? ((await pres.write({ outputType: 'parts' as never })) as unknown as Parts)
    : unzipSync((await pres.write({ outputType: 'uint8array', compression: false })) as Uint8Array);
  const ready = await images;
  const media = new Map<string, ChartMedia>();
  for (const id of new Set(slides.flatMap((s) => s.items.flatMap((i) => (i.type === 'image' ? [i.chartId] : []))))) {
    const img = ready.get(id);
    if (!img) throw new Error(`renderPptx: no image for chart '${id}'`);
    media.set(id, { png: img.png, ...(opts.svg !== false && img.svg ? { svg: img.svg } : {}) });
  }
  return repackPptx(parts, opts.timestamp ?? deckTimestamp(meta), media, theme, opts.deflateCache);
}

type Handler<T extends Placed> = (s: PptxSlide, item: T, theme: Theme, pres: Pres) => void;

const box = (b: Placed['box']) => ({ x: r3(b.x), y: r3(b.y), w: r3(b.w), h: r3(b.h) });
/** Positions rounded to a thousandth of an inch, so float noise never reaches the XML. */
const r3 = (v: number) => Math.round(v * 1000) / 1000;
/** pptxgenjs writes font names into attributes unescaped (and escapes texts itself): every string passes here. */
const face = (name: string) => xmlAttr(name);

const title: Handler<PlacedTitle> = (s, t, theme) => {
  s.addText(xmlSafe(t.text), {
    ...box(t.box), fontFace: face(theme.fonts.heading), fontSize: t.sizePt, bold: t.weight !== 'regular', color: t.color,
    // Shrink on overflow: a reader's substitute face wider than the one measured never clips.
    margin: 0, valign: 'top', align: 'left', lineSpacing: lineHeight(t.sizePt), fit: 'shrink', wrap: true,
    // Named so readers of the file (accessibility, the fill test) tell the title area from the body.
    objectName: t.role === 'title' ? TITLE_OBJECT_NAME : t.role === 'kicker' ? KICKER_OBJECT_NAME : SUBTITLE_OBJECT_NAME,
  });
};

const text: Handler<PlacedText> = (s, t, theme) => {
  const firstNumber = t.paragraphs.find((p) => p.number !== undefined && !p.continued)?.number ?? 1;
  const runs = t.paragraphs.map((p) => ({
    text: xmlSafe(p.text),
    options: {
      bold: p.weight !== 'regular',
      color: p.color,
      breakLine: true,
      paraSpaceBefore: p.spaceBeforePt,
      indentLevel: p.level,
      bullet: p.continued
        ? { indent: bulletIndentPt(p), characterCode: '00A0' } // the item's indent, no mark of its own
        : p.bullet === 'number'
          ? { type: 'number' as const, indent: NUMBER_INDENT_PT, numberStartAt: firstNumber }
          : p.bullet === 'bullet'
            ? { indent: BULLET_INDENT_PT, characterCode: p.level === 0 ? '2022' : '2013' }
            : false,
    },
  }));
  s.addText(runs, {
    ...box(t.box), fontFace: face(theme.fonts.body), fontSize: t.sizePt, lineSpacing: t.lineHeightPt,
    margin: 0, align: t.align, valign: t.valign, fit: 'shrink', wrap: true,
    // Named like PowerPoint's own footer placeholders, so textconv and diff leave them out.
    ...(t.role === 'footer' ? { objectName: t.align === 'right' ? 'Slide Number' : 'Footer' } : {}),
  });
};

const table: Handler<PlacedTable> = (s, t, theme) => {
  const cell = (text: string, o: Record<string, unknown>) => ({ text: xmlSafe(text), options: o });
  const rule = { type: 'solid' as const, pt: 0.75, color: t.ruleColor };
  const header = t.header.map((h, c) => cell(h, { bold: true, color: t.headerColor, fill: { color: t.headerFill }, align: t.align[c] }));
  const rows = t.rows.map((r, i) =>
    r.map((c, j) => cell(c.text, { bold: c.weight !== 'regular', color: c.color, align: t.align[j], ...((t.stripes?.[i] ?? i % 2 === 1) ? { fill: { color: t.stripeFill } } : {}) })),
  );
  s.addTable([header, ...rows], {
    x: r3(t.box.x), y: r3(t.box.y), w: r3(t.box.w), h: r3(t.box.h),
    colW: t.colWidths.map(r3), rowH: t.rowHeights.map(r3),
    fontFace: face(theme.fonts.body), fontSize: t.sizePt, valign: t.valign ?? 'top',
    margin: [t.pad.y, t.pad.x, t.pad.y, t.pad.x],
    // Horizontal rules only: vertical lines add ink without information.
    border: [rule, { type: 'none' }, rule, { type: 'none' }],
    autoPage: false,
  });
};

const image: Handler<Extract<Placed, { type: 'image' }>> = (s, t) => {
  s.addImage({ data: PLACEHOLDER_PNG, ...box(t.box), altText: xmlSafe(t.alt), objectName: chartObjectName(t.chartId) });
};

const shape: Handler<Extract<Placed, { type: 'shape' }>> = (s, t, _theme, pres) => {
  const line = t.line ? { color: t.line, width: t.lineWidthPt ?? 0.75 } : { type: 'none' as const };
  s.addShape(t.shape === 'line' ? pres.ShapeType.line : pres.ShapeType.rect, { ...box(t.box), fill: t.fill ? { color: t.fill } : { type: 'none' }, line });
};

const MIME = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' } as const;

const logo: Handler<Extract<Placed, { type: 'logo' }>> = (s, t, theme) => {
  const img = theme.logoImage;
  if (!img) return;
  s.addImage({ data: `${MIME[img.type]};base64,` + Buffer.from(img.data).toString('base64'), ...box(t.box), altText: xmlSafe(t.alt), objectName: 'Logo' });
};

const ITEM: { [K in Placed['type']]: Handler<Extract<Placed, { type: K }>> } = { title, text, table, image, shape, logo };
