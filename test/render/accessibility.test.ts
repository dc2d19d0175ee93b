// What a screen reader and an accessibility checker meet in the written PPTX of both reference decks:
// every picture has alt text, each slide's title placeholder comes first in z-order (= reading order),
// and every verdict coloured pass/fail/inconclusive also says so in words or a symbol.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { build } from '../../src/build.js';
import { defaultTheme } from '../../src/deck/theme.js';
import { tempDeck } from '../support/decks.js';

const ROOT = join(import.meta.dirname, '..', '..', 'decks');

describe.each([
  ['quoting-workflow', undefined],
  ['call-volume-pilot', undefined],
  ['call-volume-pilot', 'final' as const],
])('accessibility of %s (phase %s)', (name, phase) => {
  let slides: string[];
  beforeAll(async () => {
    const deck = tempDeck(undefined, join(ROOT, name));
    try {
      const r = await build(deck.dir, { cwd: deck.dir, env: {}, phase });
      const zip = unzipSync(readFileSync(join(deck.dir, r.pptxPath)));
      slides = Object.keys(zip)
        .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
        .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]))
        .map((n) => strFromU8(zip[n]));
    } finally {
      deck.cleanup();
    }
  }, 120_000);

  it('gives every picture alt text', () => {
    for (const xml of slides)
      for (const pic of xml.match(/<p:pic>[\s\S]*?<\/p:pic>/g) ?? []) expect(/descr="[^"]{12,}"/.test(pic), pic.slice(0, 200)).toBe(true);
  });

  it('puts the title placeholder first in reading order on every slide', () => {
    for (const [i, xml] of slides.entries()) {
      const tree = xml.slice(xml.indexOf('<p:spTree>'));
      const first = /<p:(sp|pic|graphicFrame|cxnSp)>[\s\S]*?<\/p:\1>/.exec(tree.slice(tree.indexOf('</p:grpSpPr>')))![0];
      expect(first, `slide ${i + 1}`).toContain('<p:ph type="title"/>');
    }
  });

  it('never carries good or bad news by colour alone: every paragraph in a news colour says it in words', () => {
    const tones = [defaultTheme.colors.pass, defaultTheme.colors.fail, defaultTheme.colors.inconclusive];
    for (const xml of slides)
      for (const para of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) {
        const runs = para.match(/<a:r>[\s\S]*?<\/a:r>/g) ?? [];
        const coloured = runs.some((run) => tones.includes(/<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(run)?.[1] ?? ''));
        if (!coloured) continue;
        const text = runs.map((run) => /<a:t>([\s\S]*?)<\/a:t>/.exec(run)?.[1] ?? '').join('');
        expect(text, text).toMatch(/[✓✗○] (met|not met|triggered|not triggered|not yet clear|no data)\b|\b(failure|fail|fails|pass|passed|failed|warn|breached|within|closed|over|Over)\b/);
      }
  });
});
