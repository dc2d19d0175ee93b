// A private fontconfig setup for LibreOffice runs: exactly the font files a test names, and the aliases that
// stand them in for the faces a deck names (Calibri → Carlito, as a reader's metric-compatible stand-in would).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const HEAD = '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n';

/**
 * Environment whose fontconfig knows only `files` (no system fonts), with `aliases` mapping a face the deck
 * names to a family those files hold, e.g. { Calibri: 'Carlito' }.
 */
export function envWithOnlyFonts(files: string[], aliases: Record<string, string>, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'gonogo-fonts-'));
  const fontDir = join(dir, 'fonts');
  mkdirSync(fontDir);
  for (const f of files) symlinkSync(f, join(fontDir, basename(f)));
  const alias = Object.entries(aliases)
    .map(([face, family]) => `  <alias binding="same"><family>${face}</family><prefer><family>${family}</family></prefer></alias>\n`)
    .join('');
  const conf = join(dir, 'fonts.conf');
  writeFileSync(conf, `${HEAD}  <dir>${fontDir}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n${alias}</fontconfig>\n`);
  return { ...base, FONTCONFIG_FILE: conf };
}
