// Private fontconfig setups for LibreOffice runs: exactly the font files a test names, and the aliases that
// stand them in for the faces a deck names (Calibri → Carlito, as a reader's metric-compatible stand-in would).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ASSETS_DIR } from '../../src/layout/measure.js';

const HEAD = '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n';

/** Environment for a child process: FONTCONFIG_FILE pointing at a config with assets/fonts added to the system's. */
export function envWithShippedFonts(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'gonogo-fonts-'));
  const conf = join(dir, 'fonts.conf');
  writeFileSync(conf, `${HEAD}  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${join(ASSETS_DIR, 'fonts')}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`);
  return { ...base, FONTCONFIG_FILE: conf };
}

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
