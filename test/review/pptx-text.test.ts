import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pptxToText, readPptx } from '../../src/review/pptx-text.js';
import { GonogoError } from '../../src/diagnostics.js';
import { pptxgenDeck, powerPointStyleDeck, type FixtureSlide } from './pptx-fixtures.js';
import { runCli } from '../support/cli.js';

const SLIDES: FixtureSlide[] = [
  { title: 'Recommend B: speed up, quality holds', bullets: [{ text: 'Median time to first quote −11.9%' }, { text: 'All top-5 categories faster', level: 1 }], table: [['Metric', 'Change'], ['Hire rate', '−0.2 pp']], alt: 'Forest plot of time to first quote by category', notes: 'Lead with the recommendation.\n\nThen the evidence.' },
  { title: 'Rollback in 30 minutes', bullets: [{ text: 'Eng on call flips the flag' }], notes: 'Name who flips.' },
];

/** LibreOffice converts to PPTX with its own XML (its own shape names, bullets, notes masters). */
function libreOfficeConvert(file: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'gonogo-lo-'));
  try {
    const out = join(dir, 'out');
    const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pptx', '--outdir', out, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    const name = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '.pptx');
    return new Uint8Array(readFileSync(join(out, name)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('pptxToText on pptxgenjs decks', () => {
  it('is the same text for two renders of the same deck', async () => {
    const a = await pptxgenDeck(SLIDES);
    const b = await pptxgenDeck(SLIDES);
    expect(pptxToText(a)).toBe(pptxToText(b));
  });

  it('reads title, bullets with levels, table rows, alt text and notes in slide order', async () => {
    const text = pptxToText(await pptxgenDeck(SLIDES));
    expect(text).toBe(
      [
        '=== Slide 1: Recommend B: speed up, quality holds',
        '- Median time to first quote −11.9%',
        '  - All top-5 categories faster',
        '',
        '| Metric | Change |',
        '| Hire rate | −0.2 pp |',
        '',
        '[picture] Forest plot of time to first quote by category',
        '',
        '--- notes ---',
        'Lead with the recommendation.',
        'Then the evidence.',
        '',
        '=== Slide 2: Rollback in 30 minutes',
        '- Eng on call flips the flag',
        '',
        '--- notes ---',
        'Name who flips.',
        '',
      ].join('\n'),
    );
  });
});

describe('readPptx on PowerPoint-style XML', () => {
  const doc = readPptx(powerPointStyleDeck());

  it('follows the presentation order through relationships, not part names', () => {
    expect(doc.slides.map((s) => s.title)).toEqual(['Speed up, quality holds', 'Appendix']);
    expect(doc.slides[1].hidden).toBe(true);
  });

  it('inherits bullets from content placeholders, honours buNone and levels, reads groups and runs', () => {
    expect(doc.slides[0].texts).toEqual([
      { text: 'Median time to first quote −11.9%', level: 0, bullet: true },
      { text: 'Top-5 categories', level: 1, bullet: true },
      { text: 'No bullet here', level: 0, bullet: false },
      { text: 'Grouped note second line', level: 0, bullet: false },
      { text: 'Choice text', level: 0, bullet: false },
    ]);
  });

  it('reads graphicFrame tables, alt text inside groups, notes via the notesSlide relationship, and skips slide numbers', () => {
    const s = doc.slides[0];
    expect(s.tables).toEqual([[['Metric', 'Change'], ['Hire rate', 'a | b']]]);
    expect(s.alts).toEqual(['Forest plot: all categories faster']);
    expect(s.notes).toEqual(['Open with the ask.', 'Then the risks.']);
    const text = pptxToText(powerPointStyleDeck());
    expect(text).toContain('| Hire rate | a \\| b |');
    expect(text).not.toContain('Fallback text');
    expect(text).not.toContain('Internal — do not forward'); // footers and slide numbers change without the content changing
    expect(text).toContain('=== Slide 2 (hidden): Appendix');
  });

  it('rejects a file that is not a PPTX with a clear error, and reads an empty file as no slides', () => {
    expect(() => readPptx(new TextEncoder().encode('version https://git-lfs.github.com/spec/v1'), 'deck.pptx')).toThrow(GonogoError);
    expect(() => readPptx(new TextEncoder().encode('x'), 'deck.pptx')).toThrow(/cannot read deck.pptx as a PowerPoint deck/);
    expect(readPptx(new Uint8Array()).slides).toEqual([]);
  });
});

describe('pptxToText on decks converted by LibreOffice', () => {
  it('finds the texts, table, alt text and notes of a pptxgenjs deck re-written by LibreOffice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-src-'));
    try {
      const file = join(dir, 'deck.pptx');
      const original = await pptxgenDeck(SLIDES);
      writeFileSync(file, original);
      const converted = libreOfficeConvert(file);
      expect(Buffer.from(converted).equals(Buffer.from(original))).toBe(false);
      const doc = readPptx(converted);
      expect(doc.slides.map((s) => s.title)).toEqual(SLIDES.map((s) => s.title));
      expect(doc.slides[0].texts.map((p) => [p.text, p.level])).toEqual([['Median time to first quote −11.9%', 0], ['All top-5 categories faster', 1]]);
      expect(doc.slides[0].tables[0]).toEqual(SLIDES[0].table);
      expect(doc.slides[0].alts).toEqual([SLIDES[0].alt]);
      expect(doc.slides.map((s) => s.notes)).toEqual([['Lead with the recommendation.', 'Then the evidence.'], ['Name who flips.']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads an ODP presentation converted to PPTX: list levels, a group and a table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-src-'));
    try {
      const file = join(dir, 'talk.fodp');
      copyFileSync(join(import.meta.dirname, 'lo-talk.fodp'), file);
      const doc = readPptx(libreOfficeConvert(file));
      expect(doc.slides.map((s) => s.title)).toEqual(['Quality holds while speed improves', 'Rollback plan']);
      const texts = doc.slides[0].texts;
      expect(texts.slice(0, 3)).toEqual([
        { text: 'Median time to first quote down 11.9%', level: 0, bullet: true },
        { text: 'All five top categories faster', level: 1, bullet: true },
        { text: 'Hire rate within the bar', level: 0, bullet: true },
      ]);
      expect(texts.map((p) => p.text)).toContain('Second grouped caption');
      expect(doc.slides[0].tables).toEqual([[['Metric', 'Change'], ['Hire rate', '−0.2 pp']]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gonogo textconv (CLI)', () => {
  it('prints the text form, and exits 2 for a missing or unreadable file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-tc-'));
    try {
      writeFileSync(join(dir, 'deck.pptx'), await pptxgenDeck(SLIDES));
      writeFileSync(join(dir, 'pointer.pptx'), 'version https://git-lfs.github.com/spec/v1\n');
      const ok = await runCli(['textconv', 'deck.pptx'], { cwd: dir });
      expect(ok.code).toBe(0);
      expect(ok.stdout).toBe(pptxToText(readFileSync(join(dir, 'deck.pptx'))));
      const missing = await runCli(['textconv', 'nope.pptx'], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('cannot read nope.pptx: no such file');
      const lfs = await runCli(['textconv', 'pointer.pptx'], { cwd: dir });
      expect(lfs.code).toBe(2);
      expect(lfs.stderr).toContain('not a Git LFS pointer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pptxToText round trip (property)', () => {
  it('recovers any single-line text pptxgenjs writes: XML specials, unicode, pipes in cells', async () => {
    const fc = (await import('fast-check')).default;
    const word = fc.string({ unit: fc.constantFrom('a', 'Z', '7', '&', '<', '>', '"', "'", '|', '−', '→', 'é', '✓', '%', '.'), minLength: 1, maxLength: 8 });
    const line = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
    await fc.assert(
      fc.asyncProperty(line, line, line, async (title, bullet, cell) => {
        const doc = readPptx(await pptxgenDeck([{ title, bullets: [{ text: bullet }], table: [[cell, 'x']], alt: cell, notes: bullet }]));
        const s = doc.slides[0];
        return s.title === title && s.texts[0].text === bullet && s.tables[0][0][0] === cell && s.alts[0] === cell && s.notes[0] === bullet;
      }),
      { numRuns: 25, seed: 42 },
    );
  });
});
