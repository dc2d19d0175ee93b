// The speed-ups in measure.ts must not change a single line break or width: wrapText against the plain
// greedy wrap it replaced (one exact width per word), and the persisted width cache round trip.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWidthCache, saveWidthCache, textWidthPt, wrapText, type FontWeight } from '../../src/layout/measure.js';

/** The greedy wrap as first written: measure every candidate line. */
function referenceWrap(text: string, sizePt: number, maxWidthPt: number, weight: FontWeight): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const candidate = line ? line + ' ' + word : word;
      if (textWidthPt(candidate, sizePt, weight) <= maxWidthPt) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (textWidthPt(line, sizePt, weight) > maxWidthPt && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && textWidthPt(line.slice(0, cut), sizePt, weight) > maxWidthPt) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

const WORDS = ['Median', 'time', 'to', 'first', 'quote', '−11.9%', '[−13.3%,', '−10.5%]', 'AVAVAV', 'fi', 'ffl', 'Wo', 'T.', '12:30', '→', '1,000', 'pp', 'Electrical', 'supercalifragilisticexpialidocious', '“quoted”', 'x'];

describe('wrapText', () => {
  it('breaks lines exactly where the one-width-per-word greedy wrap does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS, ' ', '\n'), { maxLength: 40 }),
        fc.integer({ min: 8, max: 28 }),
        fc.integer({ min: 10, max: 600 }),
        fc.constantFrom<FontWeight>('regular', 'semibold', 'bold', 'italic'),
        (parts, size, width, weight) => {
          const text = parts.join(' ');
          expect(wrapText(text, size, width, weight)).toEqual(referenceWrap(text, size, width, weight));
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('width cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gonogo-widths-'));
  /** The file as gonogo writes it: a line with the sha256 of the JSON body, then the body. */
  const read = (file: string) => {
    const text = readFileSync(file, 'utf8');
    return JSON.parse(text.slice(text.indexOf('\n') + 1));
  };
  const write = (file: string, body: unknown) => {
    const json = JSON.stringify(body);
    writeFileSync(file, `gonogo-widths sha256:${createHash('sha256').update(json).digest('hex')}\n${json}`);
  };

  it('saves the exact widths measured and ignores a file made for other fonts', () => {
    const w = textWidthPt('Cache round trip', 1);
    const file = join(dir, 'w.json');
    saveWidthCache(file);
    const saved = read(file);
    expect(saved.widths['Carlito\u0000regular\u0000Cache round trip']).toBe(w);

    write(file, { ...saved, fonts: 'other-fonts', widths: { 'Carlito\u0000regular\u0000never measured A': 123 } });
    loadWidthCache(file);
    expect(textWidthPt('never measured A', 1)).not.toBe(123);
  });

  it('answers from a loaded file for the same fonts, and survives a missing or broken file', () => {
    const file = join(dir, 'w2.json');
    textWidthPt('something new', 1);
    saveWidthCache(file);
    const saved = read(file);
    write(file, { ...saved, widths: { 'Carlito\u0000regular\u0000never measured B': 7 } });
    expect(loadWidthCache(file)).toBeUndefined();
    expect(textWidthPt('never measured B', 2)).toBe(14);
    expect(() => loadWidthCache(join(dir, 'missing.json'))).not.toThrow();
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(loadWidthCache(join(dir, 'broken.json'))).toMatchObject({ code: 'cache/dropped' });
  });
});
