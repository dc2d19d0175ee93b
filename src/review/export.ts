// Pre-read exports: PDF through LibreOffice, one PNG per slide through pdftoppm (poppler).
// Both are outside programs: a missing one is a clear error with the install command.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT, errorDiag, GonogoError } from '../diagnostics.js';

interface Ran {
  code: number | null;
  stderr: string;
}

function run(cmd: string, args: string[], installHint: string): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? new GonogoError(errorDiag('export/missing-tool', `${cmd} is not installed (needed for this export)`, { hint: `install it: ${installHint}` }), EXIT.external) : err),
    );
    child.on('close', (code) => done({ code, stderr }));
  });
}

/** PPTX → PDF in outDir; returns the PDF's path. A throwaway LibreOffice profile keeps runs independent. */
export async function exportPdf(pptxPath: string, outDir: string, opts: { soffice?: string } = {}): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'gonogo-lo-'));
  try {
    const soffice = opts.soffice ?? 'soffice';
    const r = await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', resolve(outDir), resolve(pptxPath)], 'apt-get install libreoffice-impress');
    const pdf = join(outDir, basename(pptxPath, extname(pptxPath)) + '.pdf');
    if (r.code !== 0 || !readdirSync(outDir).includes(basename(pdf)))
      throw new GonogoError(errorDiag('export/pdf', `LibreOffice could not convert ${pptxPath} to PDF${r.stderr.trim() ? `: ${r.stderr.trim().split('\n')[0]}` : ''}`, { hint: 'open the file in LibreOffice Impress to see whether it loads' }), EXIT.external);
    return pdf;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** PDF → slide-01.png, slide-02.png … in outDir (one per page, 1280 px wide); returns their paths in order. */
export async function exportThumbnails(pdfPath: string, outDir: string, opts: { pdftoppm?: string; width?: number } = {}): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(resolve(outDir), '.thumbs-'));
  try {
    const r = await run(opts.pdftoppm ?? 'pdftoppm', ['-png', '-scale-to-x', String(opts.width ?? 1280), '-scale-to-y', '-1', resolve(pdfPath), join(work, 'p')], 'apt-get install poppler-utils');
    if (r.code !== 0) throw new GonogoError(errorDiag('export/thumbnails', `pdftoppm could not render ${pdfPath}${r.stderr.trim() ? `: ${r.stderr.trim().split('\n')[0]}` : ''}`), EXIT.external);
    // pdftoppm pads page numbers to the page count's width; rename to a fixed two-digit (or wider) form.
    const pages = readdirSync(work).filter((f) => f.endsWith('.png')).sort((x, y) => pageNo(x) - pageNo(y));
    const width = Math.max(2, String(pages.length).length);
    return pages.map((f) => {
      const target = join(outDir, `slide-${String(pageNo(f)).padStart(width, '0')}.png`);
      renameSync(join(work, f), target);
      return target;
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function pageNo(file: string): number {
  return Number(/-(\d+)\.png$/.exec(file)?.[1] ?? 0);
}
