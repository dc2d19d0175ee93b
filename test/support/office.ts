// The real reader: LibreOffice (headless) and poppler. CI installs both (.ci/run); a missing one fails the test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Converts `file` with LibreOffice into `outDir` (`to`: pdf, odp, …); returns the written path. */
export function convertWithLibreOffice(file: string, to: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'gonogo-lo-profile-'));
  try {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', outDir, file], { stdio: 'ignore', timeout: 240_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(file).replace(/\.[^.]+$/, `.${to}`));
}

export function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
