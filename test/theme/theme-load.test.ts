// Theme YAML: the shipped default equals the code's defaults, fields merge over it, and mistakes are named
// with file:line:col like the spec's. A corporate template's colours that fail 4.5:1 fall back with a warning.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTheme } from '../../src/deck/theme.js';
import { loadDefaultTheme, parseThemeText, resolveDeckTheme } from '../../src/theme/theme-load.js';
import { applyTemplate } from '../../src/theme/template-map.js';
import { contrast } from '../../src/deck/contrast.js';
import { formatDiagnostic, GonogoError } from '../../src/diagnostics.js';
import { parseSpecText } from '../../src/spec/load.js';
import { REFERENCE, tempDeck } from '../support/decks.js';
import { build } from '../../src/build.js';
import { logoPng } from './template-fixture.js';

function errorOf(f: () => unknown): GonogoError {
  try {
    f();
  } catch (e) {
    if (e instanceof GonogoError) return e;
    throw e;
  }
  throw new Error('expected a GonogoError');
}

async function rejection(p: Promise<unknown>): Promise<GonogoError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GonogoError) return e;
    throw e;
  }
  throw new Error('expected a GonogoError');
}

/** The reference spec with a theme section appended; `line(n)` is the n-th line of that section. */
const REF = readFileSync(join(REFERENCE, 'gonogo.yaml'), 'utf8').replace(/\n*$/, '\n');
const withTheme = (section: string) => REF + section;
const line = (n: number) => REF.split('\n').length - 1 + n;

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('theme YAML', () => {
  it('ships assets/theme.yaml equal to the code defaults', async () => {
    const { theme, diagnostics } = await loadDefaultTheme();
    expect(diagnostics).toEqual([]);
    expect(theme).toEqual(defaultTheme);
  });

  it('names file:line:col, the field and what was expected for a bad colour', () => {
    const text = 'name: brand\ncolors:\n  accent: "#12345"\n';
    const e = errorOf(() => parseThemeText(text, 'brand.yaml'));
    const d = e.diagnostics[0];
    expect(d.pos).toMatchObject({ file: 'brand.yaml', line: 3, col: 11 });
    expect(formatDiagnostic(d)).toMatch(/^brand\.yaml:3:11: error: /);
    expect(d.field).toBe('colors.accent');
  });

  it('explains an unquoted colour (YAML reads # as a comment)', () => {
    const e = errorOf(() => parseThemeText('colors:\n  accent: #0B5CAD\n', 'brand.yaml'));
    expect(e.diagnostics[0]).toMatchObject({ field: 'colors.accent', pos: { line: 2, col: 11 } });
    expect(e.diagnostics[0].hint).toMatch(/in quotes.*# starts a YAML comment/);
  });

  it('names an unknown key with its position and the closest known key', () => {
    const e = errorOf(() => parseThemeText('colours:\n  accent: "#0B5CAD"\n', 'brand.yaml'));
    const text = e.diagnostics.map(formatDiagnostic).join('\n');
    expect(e.diagnostics[0].pos).toMatchObject({ file: 'brand.yaml', line: 1, col: 1 });
    expect(text).toContain('colors');
  });

  it('reports YAML syntax errors with a position', () => {
    const e = errorOf(() => parseThemeText('colors:\n  accent: [unclosed\n', 'brand.yaml'));
    expect(e.diagnostics[0].code).toBe('theme/yaml');
    expect(e.diagnostics[0].pos?.file).toBe('brand.yaml');
  });

  it('warns, at the line that names it, when a face is not one Office installs', async () => {
    const loaded = parseSpecText(withTheme('theme:\n  fonts: {heading: Inter, body: Inter}\n'), 'decks/x/gonogo.yaml', '/tmp');
    const { diagnostics } = await resolveDeckTheme(loaded.spec, '/tmp', loaded.positions);
    const d = diagnostics.find((x) => x.code === 'theme/font-substitute');
    expect(d).toMatchObject({ severity: 'warning', field: 'theme.fonts.body', pos: { file: 'decks/x/gonogo.yaml', line: line(2) } });
    expect(d!.message).toMatch(/^Inter is not installed with Office: readers without it see a substitute/);
    expect(d!.hint).toMatch(/keeps 8% of every line/);
  });

  it('warns about an Office face it cannot measure exactly, and says nothing for Arial or Calibri', async () => {
    const georgia = parseSpecText(withTheme('theme:\n  fonts: {body: Georgia}\n'), 'decks/x/gonogo.yaml', '/tmp');
    const g = (await resolveDeckTheme(georgia.spec, '/tmp', georgia.positions)).diagnostics.filter((x) => x.code.startsWith('theme/font-'));
    expect(g).toMatchObject([{ code: 'theme/font-unmeasured', severity: 'warning', pos: { line: line(2) } }]);
    expect(g[0].message).toMatch(/no metric-compatible file for Georgia: text is measured with Carlito/);
    for (const face of ['Arial', 'Calibri']) {
      const ok = parseSpecText(withTheme(`theme:\n  fonts: {heading: ${face}, body: ${face}}\n`), 'decks/x/gonogo.yaml', '/tmp');
      expect((await resolveDeckTheme(ok.spec, '/tmp', ok.positions)).diagnostics.filter((x) => x.code.startsWith('theme/font-'))).toEqual([]);
    }
  });

  it('points into gonogo.yaml for a bad inline theme field', () => {
    const e = errorOf(() => parseSpecText(withTheme('theme:\n  colors:\n    pass: green\n'), 'decks/x/gonogo.yaml', '/tmp'));
    const d = e.diagnostics.find((x) => x.field === 'theme.colors.pass');
    expect(d?.pos).toMatchObject({ file: 'decks/x/gonogo.yaml', line: line(3), col: 11 });
  });

  it('merges a theme file, then inline fields, and resolves the logo next to the file that names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-theme-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'logo.png'), logoPng());
    writeFileSync(join(dir, 'brand.yaml'), 'name: brand\nfonts: {heading: Georgia}\ncolors: {accent: "#7a1fa2", table_stripe: "#EEEEF4"}\nlogo: {file: logo.png, position: footer}\nconfidentiality: Secret\n');
    const loaded = parseSpecText(withTheme('theme:\n  file: brand.yaml\n  colors: {text: "#202124"}\n  slide_numbers: false\n'), join(dir, 'gonogo.yaml'), dir);
    const { theme } = await resolveDeckTheme(loaded.spec, dir, loaded.positions);
    expect(theme.colors).toMatchObject({ accent: '7A1FA2', treatment: '7A1FA2', tableStripe: 'EEEEF4', text: '202124', pass: defaultTheme.colors.pass });
    expect(theme.fonts).toMatchObject({ heading: 'Georgia', body: 'Calibri', fallback: 'Arial' });
    expect(theme).toMatchObject({ name: 'brand', confidentiality: 'Secret', slideNumbers: false });
    expect(theme.logoImage).toMatchObject({ type: 'png', widthPx: 400, heightPx: 120, position: 'footer' });
  });

  it('rasterises an SVG logo to PNG (PowerPoint needs a real PNG beside an SVG)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-theme-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="90"><rect width="300" height="90" fill="#0B5CAD"/></svg>');
    const loaded = parseSpecText(withTheme('theme:\n  logo: logo.svg\n'), join(dir, 'gonogo.yaml'), dir);
    const { theme } = await resolveDeckTheme(loaded.spec, dir, loaded.positions);
    expect(theme.logoImage).toMatchObject({ type: 'png', widthPx: 600, heightPx: 180, position: 'top-right' });
    expect([...theme.logoImage!.data.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it('names the missing theme file at its place in gonogo.yaml', async () => {
    const loaded = parseSpecText(withTheme('theme:\n  file: nowhere.yaml\n'), 'decks/x/gonogo.yaml', '/tmp/none');
    const e = await rejection(resolveDeckTheme(loaded.spec, '/tmp/none', loaded.positions));
    expect(e.diagnostics[0]).toMatchObject({ code: 'theme/path', pos: { file: 'decks/x/gonogo.yaml', line: line(2), col: 9 } });
  });
});

describe('a template that is not a presentation', () => {
  it('is named at theme.from in gonogo.yaml, with what was expected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-theme-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'company.potx'), 'not a zip');
    const loaded = parseSpecText(withTheme('theme:\n  from: company.potx\n'), 'decks/x/gonogo.yaml', dir);
    const e = await rejection(resolveDeckTheme(loaded.spec, dir, loaded.positions));
    expect(e.diagnostics[0]).toMatchObject({ code: 'theme/template', field: 'theme.from', pos: { file: 'decks/x/gonogo.yaml', line: line(2), col: 9 } });
    expect(e.diagnostics[0].expected).toMatch(/\.pptx or \.potx/);
  });
});

describe('a template whose colours fail contrast', () => {
  const template = {
    colors: { dk1: '000000', lt1: 'FFFFFF', dk2: 'A0A0A0', lt2: 'F2F2F2', accent1: 'FFC000' },
    fonts: { major: 'Calibri Light', minor: 'Calibri' },
    ignored: { layouts: 11, placeholders: 5, slides: 0, pictures: 0 },
  };

  it('darkens them to 4.5:1 along their hue and says so; keeps the verdict colours; lists what it ignored', () => {
    const { theme, diagnostics } = applyTemplate(defaultTheme, template, 'company.potx');
    for (const c of [theme.colors.accent, theme.colors.muted, theme.colors.text, theme.colors.pass, theme.colors.fail, theme.colors.inconclusive]) {
      expect(contrast(c, theme.colors.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c, theme.colors.tableStripe)).toBeGreaterThanOrEqual(4.5);
    }
    expect(theme.colors.accent).not.toBe('FFC000');
    expect(theme.colors.pass).toBe(defaultTheme.colors.pass);
    expect(contrast(theme.colors.tableHeaderText, theme.colors.tableHeader)).toBeGreaterThanOrEqual(4.5);
    expect(theme.fonts).toMatchObject({ heading: 'Calibri Light', body: 'Calibri', fallback: 'Arial' });
    const codes = diagnostics.map((d) => `${d.severity} ${d.code}`);
    expect(codes).toContain('warning theme/contrast');
    expect(diagnostics.find((d) => d.code === 'theme/contrast' && d.message.includes('accent1'))?.message).toMatch(/FFC000 has 1\.\d:1/);
    expect(diagnostics.find((d) => d.code === 'theme/ignored')?.message).toMatch(/11 slide layout\(s\), 5 master placeholder\(s\)/);
  });
});

describe('a deck with an inline theme', () => {
  it('carries the colours into text, tables, charts and the PPTX theme part', async () => {
    const { dir, cleanup } = tempDeck((y) => `${y}\ntheme:\n  colors: {accent: "#7A1FA2", pass: "#1B6E3A"}\n  footer: Acme Corp\n`);
    cleanups.push(cleanup);
    const r = await build(dir, { cwd: dir, env: {} });
    const { unzipSync, strFromU8 } = await import('fflate');
    const { readFileSync } = await import('node:fs');
    const files = unzipSync(readFileSync(join(dir, r.pptxPath)));
    const slides = Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => strFromU8(files[n])).join('');
    expect(slides).toContain('val="7A1FA2"');
    expect(slides).toContain('val="1B6E3A"');
    expect(slides).toContain('Acme Corp');
    expect(strFromU8(files['ppt/theme/theme1.xml'])).toContain('<a:accent1><a:srgbClr val="7A1FA2"/>');
    const svgs = Object.keys(files).filter((n) => n.endsWith('.svg')).map((n) => strFromU8(files[n])).join('');
    expect(svgs.toLowerCase()).toContain('#7a1fa2');
  });
});

describe('arm colours', () => {
  it('sets text in an arm tone in the arm’s chart hue, readable at ≥ 4.5:1', async () => {
    const { toneColor } = await import('../../src/layout/grid.js');
    for (const arm of ['control', 'treatment'] as const) {
      const c = toneColor(defaultTheme, arm);
      expect(contrast(c, defaultTheme.colors.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c, defaultTheme.colors.tableStripe)).toBeGreaterThanOrEqual(4.5);
      // Same hue: each channel scaled by one factor from the chart colour.
      const ch = (h: string) => [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
      const [a, b] = [ch(defaultTheme.colors[arm]), ch(c)];
      const k = Math.max(...b) / Math.max(...a);
      for (let i = 0; i < 3; i++) expect(Math.abs(b[i] - a[i] * k)).toBeLessThanOrEqual(2);
    }
  });
});
