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

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!has('soffice') || !has('pdftotext'))('LibreOffice reads the deck', () => {
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
    for (const word of ['✓ Pass', '✗ Fail', '? Inconclusive', 'All 60 segments (cont.)', 'Segment 60 with a fairly descriptive name']) expect(text).toContain(word);
  });

  it('keeps the speaker notes (ODP round trip)', () => {
    convert('odp');
    const content = strFromU8(unzipSync(readFileSync(join(dir, 'sample.odp')))['content.xml']);
    const notes = [...content.matchAll(/<presentation:notes[\s\S]*?<\/presentation:notes>/g)].map((m) => m[0].replace(/<[^>]+>/g, ' ')).join(' ');
    for (const s of sampleDeck.slides) for (const p of s.notes) expect(notes.replace(/\s+/g, ' ')).toContain(p.replace(/&/g, '&amp;'));
  });
});
