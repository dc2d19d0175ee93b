import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { buildSample, sampleSlides } from './sample.js';
import { deckTimestamp, renderPptx } from '../../src/render/pptx/render.js';
import { layoutDeck } from '../../src/layout/layout.js';
import { defaultTheme } from '../../src/deck/theme.js';
import { longTable, sampleDeck } from '../layout/fixtures.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let bytes: Uint8Array;
let parts: Record<string, Uint8Array>;
const xml = (name: string) => strFromU8(parts[name]);
const slideNames = () => Object.keys(parts).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));

beforeAll(async () => {
  bytes = await buildSample();
  parts = unzipSync(bytes);
});

describe('renderPptx determinism', () => {
  it('renders byte-identical twice in one process, also after rendering another deck', async () => {
    const other = layoutDeck({ meta: sampleDeck.meta, slides: [longTable] }, defaultTheme).slides;
    await renderPptx(other, sampleDeck.meta, defaultTheme, new Map());
    expect(sha(await buildSample())).toBe(sha(bytes));
  });

  it('renders the same bytes in another process under TZ=Asia/Tokyo LANG=de_DE.UTF-8', () => {
    const script = fileURLToPath(new URL('./build-sample.ts', import.meta.url));
    const env = { ...process.env, TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { env, encoding: 'utf8' });
    expect(out.trim()).toBe(sha(bytes));
  });

  it('writes [Content_Types].xml first, then sorted parts, deflated XML and fixed dates', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    const nameLen = view.getUint16(26, true);
    expect(strFromU8(bytes.subarray(30, 30 + nameLen))).toBe('[Content_Types].xml');
    expect(view.getUint16(8, true)).toBe(8); // DEFLATE
    const names = Object.keys(parts);
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    expect(names.some((n) => n.endsWith('/'))).toBe(false);
    const core = xml('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-20T09:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-20T09:30:00Z</dcterms:modified>');
  });

  it('takes the timestamp from SOURCE_DATE_EPOCH, else the deck date', () => {
    expect(deckTimestamp({ date: '2026-11-20' }).toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(deckTimestamp({ date: '2026-11-20' }, { SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(deckTimestamp({ date: 'someday' }).toISOString()).toBe('1980-01-01T00:00:00.000Z');
  });
});

describe('renderPptx content', () => {
  it('writes one slide per placed slide, 16:9', () => {
    expect(slideNames()).toHaveLength(sampleSlides().length);
    expect(xml('ppt/presentation.xml')).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
  });

  it('gives every picture its alt text', () => {
    const alts = slideNames().flatMap((n) => [...xml(n).matchAll(/<p:pic>[\s\S]*?<p:cNvPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]));
    const expected = sampleDeck.slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart.alt] : [])));
    expect(alts.map((a) => a.replace(/&amp;/g, '&'))).toEqual(expected);
    expect(Object.keys(parts).filter((n) => n.startsWith('ppt/media/')).every((n) => /\.(png|svg)$/.test(n))).toBe(true);
  });

  it('marks each slide title as the title placeholder, keeping its own position', () => {
    const titles = slideNames().map((n) => {
      const sp = /<p:sp><p:nvSpPr><p:cNvPr [^>]*name="Slide Title"[\s\S]*?<\/p:sp>/.exec(xml(n))![0];
      expect(sp).toContain('<p:ph type="title"/>');
      expect(sp).toMatch(/<a:xfrm><a:off /);
      return [...sp.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
    });
    expect(titles).toEqual(sampleSlides().map((s) => s.title.replace(/&/g, '&amp;')));
  });

  it('adds each chart SVG beside its PNG fallback (svgBlip)', () => {
    for (const n of slideNames()) {
      const slide = xml(n);
      const rels = xml(n.replace('slides/', 'slides/_rels/') + '.rels');
      for (const pic of slide.match(/<p:pic>[\s\S]*?<\/p:pic>/g) ?? []) {
        const png = /<a:blip r:embed="(rId\d+)"/.exec(pic)![1];
        const svg = /<asvg:svgBlip [^>]*r:embed="(rId\d+)"/.exec(pic)![1];
        const target = (rid: string) => 'ppt/' + new RegExp(`Id="${rid}"[^>]*Target="\\.\\./([^"]+)"`).exec(rels)![1];
        expect(target(png)).toMatch(/\.png$/);
        expect(target(svg)).toMatch(/\.svg$/);
        expect(strFromU8(parts[target(svg)])).toMatch(/^<svg /);
        expect(parts[target(png)].subarray(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
      }
    }
  });

  it('keeps every shape inside the slide', () => {
    for (const n of slideNames()) {
      for (const m of xml(n).matchAll(/<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
        const [x, y, cx, cy] = m.slice(1).map(Number);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(x + cx, n).toBeLessThanOrEqual(12192000);
        expect(y + cy, n).toBeLessThanOrEqual(6858000);
      }
    }
  });

  it('writes speaker notes, the body font and shrink-on-overflow', () => {
    const notes = Object.keys(parts).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).map(xml).join('\n');
    for (const s of sampleDeck.slides) for (const p of s.notes) expect(notes).toContain(p.replace(/&/g, '&amp;'));
    expect(xml(slideNames()[1])).toContain('typeface="Calibri"');
    // Every text box says shrink-on-overflow, so a reader's wider substitute face never clips.
    const slide = xml(slideNames()[1]);
    expect(slide.match(/<a:bodyPr[^>]*>/g)!.length).toBe(slide.match(/<a:normAutofit\/>/g)!.length);
  });
});
