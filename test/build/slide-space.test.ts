// Every slide of both reference decks, in every phase, as the written PPTX has it: no text under 12 pt, no
// shape off the slide, and the lowest content box ends in the bottom quarter of the body area (title and
// section slides may leave space). Geometry and sizes come from the slide XML; the slide kinds from the Deck.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { build } from '../../src/build.js';
import { BODY_BOTTOM, bodyTopBelow, SLIDE } from '../../src/layout/grid.js';
import { KICKER_OBJECT_NAME, SUBTITLE_OBJECT_NAME, TITLE_OBJECT_NAME } from '../../src/render/pptx/titles.js';
import type { SlideKind } from '../../src/deck/types.js';
import { REFERENCE, tempDeck } from '../support/decks.js';
import { pilotDeck, PILOT } from '../support/pilot.js';

const EMU = 914400;
const TITLE_AREA = new Set([TITLE_OBJECT_NAME, KICKER_OBJECT_NAME, SUBTITLE_OBJECT_NAME]);
const FURNITURE = new Set(['Footer', 'Slide Number', 'Logo']);

interface Shape {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every placed shape of a slide (text boxes, pictures, tables, rectangles) with its box in inches. */
function shapes(xml: string): Shape[] {
  return [...xml.matchAll(/<p:(sp|pic|graphicFrame)>([\s\S]*?)<\/p:\1>/g)].flatMap((m) => {
    const name = /<p:cNvPr [^>]*name="([^"]*)"/.exec(m[2])?.[1] ?? '';
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(m[2]);
    if (!off) return [];
    const [x, y, w, h] = off.slice(1).map((v) => Number(v) / EMU);
    return [{ name, x, y, w, h }];
  });
}

interface Variant {
  name: string;
  dir: () => { dir: string; cleanup: () => void };
}

const VARIANTS: Variant[] = [
  { name: 'quoting-workflow (final)', dir: () => tempDeck() },
  { name: 'call-volume-pilot (design)', dir: () => tempDeck(undefined, PILOT) },
  // The reference pilot's own interim (week 3) and readout data.
  { name: 'call-volume-pilot (interim)', dir: () => pilotDeck('interim') },
  { name: 'call-volume-pilot (final)', dir: () => pilotDeck('final') },
];

describe.each(VARIANTS)('$name, as written', ({ dir }) => {
  let deck: { dir: string; cleanup: () => void };
  let slides: string[];
  let kinds: SlideKind[];
  beforeAll(async () => {
    deck = dir();
    const r = await build(deck.dir, { cwd: deck.dir, env: {} });
    const parts = unzipSync(readFileSync(r.pptxFile));
    slides = Array.from({ length: r.slideCount }, (_, i) => strFromU8(parts[`ppt/slides/slide${i + 1}.xml`]));
    // No slide continues on a '(cont.)' slide, so written slides and Deck slides correspond one to one.
    kinds = r.deck.slides.map((s) => s.kind);
    expect(kinds).toHaveLength(r.slideCount);
  }, 120_000);
  afterAll(() => deck.cleanup());

  it('sets no text under 12 pt', () => {
    const small = slides.flatMap((xml, i) => [...xml.matchAll(/<a:(?:rPr|defRPr|endParaRPr)[^>]* sz="(\d+)"/g)].filter((m) => Number(m[1]) < 1200).map((m) => `slide ${i + 1}: ${Number(m[1]) / 100} pt`));
    expect(small).toEqual([]);
  });

  it('places no shape off the slide', () => {
    const off = slides.flatMap((xml, i) => shapes(xml).filter((s) => s.x < -0.001 || s.y < -0.001 || s.x + s.w > SLIDE.w + 0.01 || s.y + s.h > SLIDE.h + 0.01).map((s) => `slide ${i + 1}: ${s.name}`));
    expect(off).toEqual([]);
  });

  it('ends the lowest content box in the bottom quarter of the body area, except on title and section slides', () => {
    const empty: string[] = [];
    slides.forEach((xml, i) => {
      if (kinds[i] === 'title' || kinds[i] === 'section') return;
      const all = shapes(xml);
      const titleBottom = Math.max(...all.filter((s) => TITLE_AREA.has(s.name)).map((s) => s.y + s.h));
      const top = bodyTopBelow(titleBottom);
      const lowest = Math.max(...all.filter((s) => !TITLE_AREA.has(s.name) && !FURNITURE.has(s.name)).map((s) => s.y + s.h));
      const line = top + 0.75 * (BODY_BOTTOM - top);
      if (!(lowest >= line - 0.005)) empty.push(`slide ${i + 1} (${kinds[i]}): content ends at ${lowest.toFixed(2)} in, the bottom quarter starts at ${line.toFixed(2)} in`);
    });
    expect(empty).toEqual([]);
  });
});

it('covers both reference decks', () => {
  expect(VARIANTS.map((v) => v.name.split(' ')[0])).toEqual(expect.arrayContaining([REFERENCE.split('/').pop(), PILOT.split('/').pop()]));
});
