import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPdf, exportThumbnails } from '../../src/review/export.js';
import { GonogoError } from '../../src/diagnostics.js';
import { pptxgenDeck } from './pptx-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'gonogo-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pre-read exports', () => {
  it('writes a PDF with LibreOffice and one PNG per slide with pdftoppm', async () => {
    const pptx = join(dir, 'deck.pptx');
    writeFileSync(pptx, await pptxgenDeck([1, 2, 3].map((n) => ({ title: `Slide number ${n}`, bullets: [{ text: 'text' }] }))));
    const pdf = await exportPdf(pptx, join(dir, 'pdf'));
    expect(pdf).toBe(join(dir, 'pdf', 'deck.pdf'));
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const pngs = await exportThumbnails(pdf, join(dir, 'thumbs'), { width: 320 });
    expect(pngs.map((p) => p.replace(/^.*\//, ''))).toEqual(['slide-01.png', 'slide-02.png', 'slide-03.png']);
    expect(readFileSync(pngs[0]).subarray(1, 4).toString()).toBe('PNG');
  });

  it('names the install command when a tool is missing', async () => {
    const err = await exportPdf(join(dir, 'deck.pptx'), dir, { soffice: 'no-such-soffice-binary' }).catch((e) => e);
    expect(err).toBeInstanceOf(GonogoError);
    expect(err.diagnostics[0].hint).toBe('install it: apt-get install libreoffice-impress');
    expect(err.exitCode).toBe(3);
    const err2 = await exportThumbnails(join(dir, 'x.pdf'), dir, { pdftoppm: 'no-such-pdftoppm' }).catch((e) => e);
    expect(err2.diagnostics[0].hint).toBe('install it: apt-get install poppler-utils');
  });

  it('reports a file LibreOffice cannot convert', async () => {
    const err = await exportPdf(join(dir, 'does-not-exist.pptx'), join(dir, 'pdf2')).catch((e) => e);
    expect(err).toBeInstanceOf(GonogoError);
    expect(err.message).toContain('LibreOffice could not convert');
  });
});
