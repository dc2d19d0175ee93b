// Theme loading: the code defaults ← assets/theme.yaml ← the deck's `theme:` (a theme file, then a corporate
// .pptx/.potx, then inline fields). YAML is validated like the spec, errors naming file:line:col; the logo's
// bytes are read here so that layout and render stay pure.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { imageSize } from 'image-size';
import { errorDiag, GonogoError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { PositionIndex, type FieldPath } from '../spec/positions.js';
import { issuesToDiagnostics } from '../spec/issues.js';
import { allFontPaths, ASSETS_DIR } from '../layout/measure.js';
import { DEFAULT_FAMILY, fontPlan } from '../layout/fonts.js';
import type { SourcePosition } from '../diagnostics.js';
import { defaultTheme, type LogoImage, type Theme } from './theme.js';
import { themeFile, type SpecTheme, type ThemeFile } from './theme-schema.js';
import { readTemplateTheme } from './pptx-theme.js';
import { applyTemplate } from './template-map.js';

export const DEFAULT_THEME_FILE = join(ASSETS_DIR, 'theme.yaml');

export interface LoadedTheme {
  theme: Theme;
  diagnostics: Diagnostic[];
  /** Where the faces in use were named (for the font warnings), when a theme file or the spec named them. */
  fontsAt?: { pos: SourcePosition; field: string };
}

/** Where a theme's fields came from: relative paths resolve against `dir`; errors point into `positions`. */
interface Origin {
  dir: string;
  positions: PositionIndex;
  /** Path of the theme's fields inside its file ([] for a theme file, ['theme'] in gonogo.yaml). */
  at: FieldPath;
}

/** Parses and validates a theme file's text; throws a GonogoError naming file:line:col. */
export function parseThemeText(text: string, file: string): { fields: ThemeFile; positions: PositionIndex } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const positions = new PositionIndex(file, doc, counter, text);
  if (doc.errors.length > 0)
    throw new GonogoError(doc.errors.slice(0, 5).map((e) => errorDiag('theme/yaml', `YAML syntax error: ${e.message.split('\n')[0]}`, { pos: positions.offset(e.pos[0]), expected: 'valid YAML' })));
  const data: unknown = doc.toJS() ?? {};
  const parsed = themeFile.safeParse(data);
  if (!parsed.success) throw new GonogoError(sortDiagnostics(issuesToDiagnostics(parsed.error.issues, themeFile, data, positions).map((d) => ({ ...d, code: d.code.replace(/^spec\//, 'theme/') }))));
  return { fields: parsed.data, positions };
}

async function loadThemeFile(path: string, shown: string, base: Theme, cwd: string): Promise<LoadedTheme> {
  const { fields, positions } = parseThemeText(await readFile(path, 'utf8'), shown);
  return applyFields(base, fields, { dir: dirname(path), positions, at: [] }, cwd);
}

/** The default look: the code's defaults with assets/theme.yaml over them. */
export async function loadDefaultTheme(cwd = process.cwd()): Promise<LoadedTheme> {
  const loaded = existsSync(DEFAULT_THEME_FILE) ? await loadThemeFile(DEFAULT_THEME_FILE, relative(cwd, DEFAULT_THEME_FILE) || DEFAULT_THEME_FILE, defaultTheme, cwd) : { theme: defaultTheme, diagnostics: [] };
  return { ...loaded, diagnostics: [...loaded.diagnostics, ...fontDiagnostics(loaded)] };
}

/** The deck's theme: the default, then `theme: {file}`, then `theme: {from}`, then inline fields. */
export async function resolveDeckTheme(spec: { theme?: SpecTheme }, specDir: string, positions: PositionIndex, cwd = process.cwd()): Promise<LoadedTheme> {
  const base = await loadDefaultTheme(cwd);
  const t = spec.theme;
  if (!t) return base;
  const diagnostics = base.diagnostics.filter((d) => !d.code.startsWith('theme/font-'));
  let theme = base.theme;
  let fontsAt = base.fontsAt;
  if (t.file) {
    const path = mustExist(resolve(specDir, t.file), positions, ['theme', 'file'], 'a theme YAML file');
    const r = await loadThemeFile(path, relative(cwd, path) || path, theme, cwd);
    theme = r.theme;
    fontsAt = r.fontsAt ?? fontsAt;
    diagnostics.push(...r.diagnostics);
  }
  const r = await applyFields(theme, t, { dir: specDir, positions, at: ['theme'] }, cwd);
  const resolved = { theme: r.theme, fontsAt: r.fontsAt ?? fontsAt, diagnostics: [...diagnostics, ...r.diagnostics] };
  return { ...resolved, diagnostics: [...resolved.diagnostics, ...fontDiagnostics(resolved)] };
}

/**
 * Warnings for faces the reader may not see as measured: a face Office does not ship (readers without it get
 * a substitute), or an Office face gonogo has no metric-compatible file for. Either way the layout keeps the
 * substitute's allowance on every line, and the PPTX shrinks text that would still overflow.
 */
function fontDiagnostics({ theme, fontsAt }: LoadedTheme): Diagnostic[] {
  const plan = fontPlan(theme.fonts);
  const where = { ...(fontsAt ? { pos: fontsAt.pos, field: fontsAt.field } : { field: 'theme.fonts' }) };
  const list = (faces: string[]) => faces.join(' and ');
  const out: Diagnostic[] = [];
  if (plan.substituted.length)
    out.push({
      code: 'theme/font-substitute', severity: 'warning', ...where,
      message: `${list(plan.substituted)} ${plan.substituted.length === 1 ? 'is' : 'are'} not installed with Office: readers without ${plan.substituted.length === 1 ? 'it' : 'them'} see a substitute, which may break lines differently`,
      expected: 'a face Office ships, e.g. Calibri or Arial',
      hint: `the layout keeps 8% of every line (16% for bold) free for a wider substitute; use Calibri or Arial for line breaks every reader sees as built`,
    });
  if (plan.unmeasured.length)
    out.push({
      code: 'theme/font-unmeasured', severity: 'warning', ...where,
      message: `gonogo has no metric-compatible file for ${list(plan.unmeasured)}: text is measured with ${plan.family.name === DEFAULT_FAMILY.name ? `${DEFAULT_FAMILY.name} (Calibri's metrics)` : plan.family.name} and keeps a margin for the difference`,
      expected: 'Calibri or Arial (measured exactly with Carlito or Liberation Sans)',
      hint: 'lines may break differently than the layout planned; the PPTX shrinks any text that would overflow its box',
    });
  return out;
}

async function applyFields(base: Theme, f: ThemeFile, origin: Origin, cwd: string): Promise<LoadedTheme> {
  const diagnostics: Diagnostic[] = [];
  let theme = base;
  let fontsAt: LoadedTheme['fontsAt'];
  if (f.from) {
    const path = mustExist(resolve(origin.dir, f.from), origin.positions, [...origin.at, 'from'], 'a .pptx or .potx file');
    const shown = relative(cwd, path) || path;
    let template;
    try {
      template = readTemplateTheme(new Uint8Array(await readFile(path)));
    } catch (e) {
      throw new GonogoError(errorDiag('theme/template', `cannot read ${shown} as a PowerPoint file: ${(e as Error).message}`, { pos: origin.positions.at([...origin.at, 'from']), field: 'theme.from', expected: 'a .pptx or .potx saved by PowerPoint, LibreOffice or Google Slides' }));
    }
    const mapped = applyTemplate(theme, template, shown);
    theme = mapped.theme;
    const pos = origin.positions.at([...origin.at, 'from']);
    if (template.fonts.major || template.fonts.minor) fontsAt = { pos, field: [...origin.at, 'from'].join('.') };
    diagnostics.push(...mapped.diagnostics.map((d) => ({ ...d, pos })));
    if (template.logo && !f.logo) {
      const logo = logoImage(await rasterIfSvg(template.logo.data), template.logo.ext, 'top-right', 'Company logo');
      if (logo) theme = { ...theme, logo: `${shown}:${template.logo.name}`, logoImage: logo };
      else diagnostics.push({ code: 'theme/logo-format', severity: 'info', field: 'theme.from', message: `${shown}: the master's picture ${template.logo.name} is not PNG, JPEG or SVG; no logo placed`, hint: 'set theme: logo: to a PNG or SVG file' });
    }
  }
  const c = f.colors ?? {};
  const colors = {
    ...theme.colors,
    ...pick({ background: c.background, text: c.text, muted: c.muted, accent: c.accent, rule: c.rule, pass: c.pass, fail: c.fail, inconclusive: c.inconclusive, control: c.control, tableHeader: c.table_header, tableHeaderText: c.table_header_text, tableStripe: c.table_stripe }),
  };
  // Treatment follows the accent unless it is set: the treatment arm is the accent in text, tables and charts.
  if (c.accent && !c.treatment) colors.treatment = c.accent;
  if (c.treatment) colors.treatment = c.treatment;
  theme = {
    ...theme,
    ...pick({ name: f.name, footer: f.footer, confidentiality: f.confidentiality, slideNumbers: f.slide_numbers }),
    fonts: { ...theme.fonts, ...pick({ heading: f.fonts?.heading, body: f.fonts?.body, fallback: f.fonts?.fallback }) },
    colors,
  };
  if (f.logo) {
    const spec = typeof f.logo === 'string' ? { file: f.logo, position: 'top-right' as const, alt: undefined } : f.logo;
    const at = [...origin.at, 'logo', ...(typeof f.logo === 'string' ? [] : ['file'])];
    const path = mustExist(resolve(origin.dir, spec.file), origin.positions, at, 'a PNG, JPEG or SVG file');
    const logo = logoImage(await rasterIfSvg(new Uint8Array(await readFile(path))), extname(path).slice(1), spec.position, spec.alt ?? `${theme.name} logo`);
    if (!logo) throw new GonogoError(errorDiag('theme/logo-format', `${spec.file} is not a PNG, JPEG or SVG image`, { pos: origin.positions.at(at), field: 'theme.logo', expected: 'a .png, .jpg or .svg file' }));
    theme = { ...theme, logo: spec.file, logoImage: logo };
  }
  const named = f.fonts?.body !== undefined ? 'body' : f.fonts?.heading !== undefined ? 'heading' : undefined;
  if (named) fontsAt = { pos: origin.positions.at([...origin.at, 'fonts', named]), field: [...origin.at, 'fonts', named].join('.') };
  return { theme, diagnostics, fontsAt };
}

/**
 * An SVG logo is rasterised to a 600 px wide PNG: pptxgenjs has no SVG rasteriser in Node and would write the
 * SVG bytes as the PNG fallback, which older PowerPoint versions and some viewers cannot show. Text in the
 * SVG is set with the shipped fonts only, so the PNG is the same on every machine.
 */
async function rasterIfSvg(data: Uint8Array): Promise<Uint8Array> {
  let kind: string | undefined;
  try {
    kind = imageSize(data).type;
  } catch {
    return data;
  }
  if (kind !== 'svg') return data;
  const { Resvg } = await import('@resvg/resvg-js');
  const svg = new Resvg(Buffer.from(data), { fitTo: { mode: 'width', value: 600 }, font: { fontFiles: allFontPaths(), loadSystemFonts: false, defaultFontFamily: DEFAULT_FAMILY.name, sansSerifFamily: DEFAULT_FAMILY.name } });
  return new Uint8Array(svg.render().asPng());
}

function logoImage(data: Uint8Array, _ext: string, position: LogoImage['position'], alt: string): LogoImage | undefined {
  try {
    const size = imageSize(data);
    const type = size.type === 'jpg' ? 'jpeg' : size.type;
    if ((type !== 'png' && type !== 'jpeg' && type !== 'svg') || !size.width || !size.height) return undefined;
    return { data, type, widthPx: size.width, heightPx: size.height, position, alt };
  } catch {
    return undefined;
  }
}

function mustExist(path: string, positions: PositionIndex, at: FieldPath, what: string): string {
  if (existsSync(path)) return path;
  throw new GonogoError(errorDiag('theme/missing-file', `no such file: ${path}`, { pos: positions.at(at), field: at.join('.'), expected: what, hint: 'paths are relative to the file that names them' }));
}

/** The defined entries only, so an unset field never overwrites the base. */
function pick<T extends Record<string, unknown>>(o: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
