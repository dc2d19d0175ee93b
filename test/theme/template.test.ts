// A corporate template made by another tool (pptxgenjs, then re-saved by LibreOffice as .potx and .pptx;
// the pptxgenjs original too, whose font scheme LibreOffice would rewrite):
// the reference deck built with `theme: {from: …}` carries the template's colours, fonts and logo into
// its PPTX XML, and says what it ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { build, type BuildResult } from '../../src/build.js';
import { tempDeck } from '../support/decks.js';
import { makeTemplates } from './template-fixture.js';
import { runUntil } from '../../src/pipeline.js';
import { layoutDeck } from '../../src/layout/layout.js';
import { SLIDE } from '../../src/layout/grid.js';
import { expectReadableText } from '../support/contrast.js';
import type { Box } from '../../src/layout/types.js';

const overlaps = (a: Box, b: Box) => a.x + a.w > b.x + 0.005 && b.x + b.w > a.x + 0.005 && a.y + a.h > b.y + 0.005 && b.y + b.h > a.y + 0.005;

/** The template's own scheme, read with plain regular expressions (not gonogo's reader). */
function templateFacts(file: string): { accent1: string; dk2: string; minor: string; major: string } {
  const files = unzipSync(readFileSync(file));
  const theme = strFromU8(files['ppt/theme/theme1.xml']);
  const slot = (k: string) => new RegExp(`<a:${k}>\\s*<a:srgbClr val="([0-9A-Fa-f]{6})"`).exec(theme)![1].toUpperCase();
  const face = (k: string) => new RegExp(`<a:${k}>\\s*<a:latin typeface="([^"]+)"`).exec(theme)![1];
  return { accent1: slot('accent1'), dk2: slot('dk2'), major: face('majorFont'), minor: face('minorFont') };
}

function parts(pptx: string): { slides: string; theme: string; media: string[] } {
  const files = unzipSync(readFileSync(pptx));
  const names = Object.keys(files);
  return {
    slides: names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => strFromU8(files[n])).join('\n'),
    theme: strFromU8(files['ppt/theme/theme1.xml']),
    media: names.filter((n) => n.startsWith('ppt/media/')),
  };
}

describe.each(['potx', 'pptx', 'source'] as const)('theme from the %s template', (kind) => {
  let dir: string;
  let deck: { dir: string; cleanup: () => void };
  let result: BuildResult;
  let facts: ReturnType<typeof templateFacts>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gonogo-template-'));
    const made = await makeTemplates(dir);
    const template = made[kind];
    facts = templateFacts(template);
    deck = tempDeck((y) => `${y}\ntheme:\n  from: ${JSON.stringify(template)}\n`);
    // The template lies outside the deck folder: the flag that allows it is part of what is tested.
    result = await build(deck.dir, { cwd: deck.dir, env: {}, allowOutsideDeck: true });
  }, 240_000);
  afterAll(() => {
    deck?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the template colours and fonts in the output PPTX XML', () => {
    expect(facts.accent1).toBe('7A1FA2');
    // LibreOffice 7.4 rewrites the font scheme on save; the pptxgenjs original keeps Georgia / Verdana.
    if (kind === 'source') expect(facts).toMatchObject({ major: 'Georgia', minor: 'Verdana' });
    const out = parts(join(deck.dir, result.pptxPath));
    // The kicker and the treatment arm are set in the template's accent; headers on its dark 2.
    expect(out.slides).toContain(`<a:srgbClr val="${facts.accent1}"/>`);
    expect(out.slides).toContain(`<a:srgbClr val="${facts.dk2}"/>`);
    expect(out.slides).toContain(`typeface="${facts.minor}"`);
    expect(out.slides).toContain(`typeface="${facts.major}"`);
    expect(out.slides).not.toContain('typeface="Calibri"');
    expect(out.theme).toContain(`<a:accent1><a:srgbClr val="${facts.accent1}"/></a:accent1>`);
    expect(out.theme).toMatch(new RegExp(`<a:minorFont><a:latin typeface="${facts.minor}"`));
  });

  it('places the master picture as a logo with alt text on every slide', () => {
    const out = parts(join(deck.dir, result.pptxPath));
    const logos = out.slides.match(/<p:cNvPr id="\d+" name="Logo" descr="Company logo"/g) ?? [];
    expect(logos.length).toBe(result.slideCount);
  });

  it('keeps every text colour at ≥ 4.5:1 on the template background and the card fill', async () => {
    const run = await runUntil('compose', deck.dir, { cwd: deck.dir, allowOutsideDeck: true });
    const { colors } = run.theme!;
    const laid = layoutDeck(run.compose!, run.theme!);
    const seen = expectReadableText(laid.slides, colors);
    expect(seen.has(facts.accent1)).toBe(true);
  });

  it('lays the logo out inside the slide, clear of every other box', async () => {
    const run = await runUntil('compose', deck.dir, { cwd: deck.dir, allowOutsideDeck: true });
    const laid = layoutDeck(run.compose!, run.theme!);
    for (const s of laid.slides) {
      const logo = s.items.find((i) => i.type === 'logo')!;
      expect(logo.box.x + logo.box.w).toBeLessThanOrEqual(SLIDE.w);
      expect(logo.box.y).toBeGreaterThanOrEqual(0);
      for (const i of s.items) if (i !== logo && i.type !== 'shape') expect(overlaps(i.box, logo.box), `slide ${s.number} ${i.type}`).toBe(false);
    }
  });

  it('says what it used and what it ignored, as diagnostics', () => {
    const ignored = result.diagnostics.find((d) => d.code === 'theme/ignored');
    expect(ignored).toMatchObject({ severity: 'info' });
    expect(ignored!.message).toMatch(/used its colours, fonts and logo; ignored its \d+ slide layout\(s\)/);
  });
});
