// What a reader's office suite makes of the deck: LibreOffice opens it, one PDF page per slide, the texts
// are there, and the speaker notes survive a round trip to ODP. Few conversions: each costs seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { buildSample, sampleSlides } from './sample.js';
import { sampleDeck } from '../layout/fixtures.js';

describe('LibreOffice reads the deck', () => {
  let dir: string;
  let deck: string;
  const convert = (to: string) => {
    const profile = join(dir, 'profile');
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', dir, deck], { stdio: 'ignore', timeout: 180_000 });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gonogo-lo-'));
    deck = join(dir, 'sample.pptx');
    writeFileSync(deck, await buildSample());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('converts to a PDF with one page per slide and the slide texts', () => {
    convert('pdf');
    const pdf = join(dir, 'sample.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(sampleSlides().length);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of sampleDeck.slides) expect(text).toContain(s.title.split(' ').slice(0, 4).join(' '));
    for (const word of ['✓ met', '✗ not met', '○ no data', 'All 60 segments (cont.)', 'Segment 60 with a fairly descriptive name']) expect(text).toContain(word);
  });

  it('draws no word outside the content area or on top of another word (LibreOffice, fallback fonts)', () => {
    const html = execFileSync('pdftotext', ['-bbox', join(dir, 'sample.pdf'), '-'], { encoding: 'utf8' });
    const pages = html.split('<page ').slice(1);
    expect(pages).toHaveLength(sampleSlides().length);
    const left = 0.6 * 72 - 1;
    const right = (13.333 - 0.6) * 72 + 1;
    pages.forEach((page, n) => {
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => {
        const [x0, y0, x1, y1] = m.slice(1, 5).map(Number);
        // The line box is taller than the glyphs; keep its middle half so adjacent lines do not touch.
        const q = (y1 - y0) / 4;
        return { x0: x0 + 0.5, x1: x1 - 0.5, y0: y0 + q, y1: y1 - q, text: m[5] };
      });
      for (const w of words) {
        expect(w.x0, `slide ${n + 1} '${w.text}'`).toBeGreaterThanOrEqual(left);
        expect(w.x1, `slide ${n + 1} '${w.text}'`).toBeLessThanOrEqual(right);
        expect(w.y1, `slide ${n + 1} '${w.text}'`).toBeLessThanOrEqual(540);
      }
      for (let i = 0; i < words.length; i++)
        for (let j = i + 1; j < words.length; j++) {
          const a = words[i];
          const b = words[j];
          const hit = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
          expect(hit, `slide ${n + 1}: '${a.text}' overlaps '${b.text}'`).toBe(false);
        }
    });
  });

  it('keeps the speaker notes (ODP round trip)', () => {
    convert('odp');
    const content = strFromU8(unzipSync(readFileSync(join(dir, 'sample.odp')))['content.xml']);
    // Every slide's title arrives as a title object (what outlines and screen readers use).
    expect(content.match(/presentation:class="title"/g)).toHaveLength(sampleSlides().length);
    const notes = [...content.matchAll(/<presentation:notes[\s\S]*?<\/presentation:notes>/g)].map((m) => m[0].replace(/<[^>]+>/g, ' ')).join(' ');
    for (const s of sampleDeck.slides) for (const p of s.notes) expect(notes.replace(/\s+/g, ' ')).toContain(p.replace(/&/g, '&amp;'));
  });
});
