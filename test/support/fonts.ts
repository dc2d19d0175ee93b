// A fontconfig setup that adds the shipped Inter faces to the system's fonts, for LibreOffice runs that should
// see the deck's intended font. Tests that check the fallback (readers without Inter) leave it out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASSETS_DIR } from '../../src/layout/measure.js';

/** Environment for a child process: FONTCONFIG_FILE pointing at a config with assets/fonts added. */
export function envWithInter(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'gonogo-fonts-'));
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${join(ASSETS_DIR, 'fonts')}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return { ...base, FONTCONFIG_FILE: conf };
}
