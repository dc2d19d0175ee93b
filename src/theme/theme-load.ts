// Theme loading: the code defaults ← assets/theme.yaml ← the deck's `theme:` (a theme file, then a corporate
// .pptx/.potx, then inline fields). YAML is validated like the spec, errors naming file:line:col; the logo's
// bytes are read here so that layout and render stay pure.
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { errorDiag, GonogoError, sortDiagnostics, type Diagnostic, type SourcePosition } from '../diagnostics.js';
import type { FieldPath, PositionIndex } from '../spec/positions.js';
import { fieldName, issuesToDiagnostics } from '../spec/issues.js';
import { readYaml } from '../spec/yaml-read.js';
import { readUserText } from '../spec/source-file.js';
import { resolveDeckFile } from '../spec/deck-path.js';
import { ASSETS_DIR } from '../layout/measure.js';
import { DEFAULT_FAMILY, fontPlan } from '../layout/fonts.js';
import { MAX_TEMPLATE_BYTES } from '../limits.js';
import { defaultTheme, type Theme } from '../deck/theme.js';
import { LogoError, logoImage } from './logo-image.js';
import { themeFile, type SpecTheme, type ThemeFile } from '../spec/theme-schema.js';
import { readTemplateTheme, TemplateError } from './pptx-theme.js';
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

/** Where files a theme names may come from: the deck folder (unless the user allows more), or the shipped assets. */
interface Confine {
  deckDir: string;
  allowOutside: boolean;
}

export interface ThemeOptions {
  /** --allow-outside-deck: a theme, template or logo may lie outside the deck folder. */
  allowOutsideDeck?: boolean;
}

/** Parses and validates a theme file's text; throws a GonogoError naming file:line:col. */
export function parseThemeText(text: string, file: string): { fields: ThemeFile; positions: PositionIndex } {
  const { data: raw, positions } = readYaml(text, file, 'theme');
  const data: unknown = raw ?? {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new GonogoError(
      errorDiag('theme/shape', `${file} should hold a mapping of theme fields, not ${Array.isArray(data) ? 'a list' : 'a single value'}`, {
        pos: { file, line: 1, col: 1 },
        expected: 'keys such as name:, colors:, fonts:, logo:',
        hint: 'see assets/theme.yaml for a complete theme file',
      }),
    );
  const parsed = themeFile.safeParse(data);
  if (!parsed.success) throw new GonogoError(sortDiagnostics(issuesToDiagnostics(parsed.error.issues, themeFile, data, positions).map((d) => ({ ...d, code: d.code.replace(/^spec\//, 'theme/') }))));
  return { fields: parsed.data, positions };
}

async function loadThemeFile(path: string, shown: string, base: Theme, cwd: string, confine?: Confine): Promise<LoadedTheme> {
  const { fields, positions } = parseThemeText(await readUserText(path, 'theme file', undefined, shown), shown);
  return applyFields(base, fields, { dir: dirname(path), positions, at: [] }, cwd, confine);
}

/** The default look: the code's defaults with assets/theme.yaml over them. */
export async function loadDefaultTheme(cwd = process.cwd()): Promise<LoadedTheme> {
  const loaded = existsSync(DEFAULT_THEME_FILE) ? await loadThemeFile(DEFAULT_THEME_FILE, relative(cwd, DEFAULT_THEME_FILE) || DEFAULT_THEME_FILE, defaultTheme, cwd) : { theme: defaultTheme, diagnostics: [] };
  return { ...loaded, diagnostics: [...loaded.diagnostics, ...fontDiagnostics(loaded)] };
}

/** The deck's theme: the default, then `theme: {file}`, then `theme: {from}`, then inline fields. */
export async function resolveDeckTheme(spec: { theme?: SpecTheme }, specDir: string, positions: PositionIndex, cwd = process.cwd(), opts: ThemeOptions = {}): Promise<LoadedTheme> {
  const base = await loadDefaultTheme(cwd);
  const t = spec.theme;
  if (!t) return base;
  const confine: Confine = { deckDir: specDir, allowOutside: Boolean(opts.allowOutsideDeck) };
  const origin: Origin = { dir: specDir, positions, at: ['theme'] };
  const diagnostics = base.diagnostics.filter((d) => !d.code.startsWith('theme/font-'));
  let theme = base.theme;
  let fontsAt = base.fontsAt;
  if (t.file) {
    const path = deckFile(t.file, origin, ['file'], 'a theme YAML file', confine);
    const r = await loadThemeFile(path, relative(cwd, path) || path, theme, cwd, confine);
    theme = r.theme;
    fontsAt = r.fontsAt ?? fontsAt;
    diagnostics.push(...r.diagnostics);
  }
  const r = await applyFields(theme, t, origin, cwd, confine);
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

async function applyFields(base: Theme, f: ThemeFile, origin: Origin, cwd: string, confine?: Confine): Promise<LoadedTheme> {
  const diagnostics: Diagnostic[] = [];
  let fontsAt: LoadedTheme['fontsAt'];
  let theme = base;
  if (f.from) {
    const path = deckFile(f.from, origin, ['from'], 'a .pptx or .potx file', confine);
    const shown = relative(cwd, path) || path;
    const pos = origin.positions.at([...origin.at, 'from']);
    const where = { pos, field: fieldName([...origin.at, 'from']) };
    if ((await stat(path)).size > MAX_TEMPLATE_BYTES)
      throw new GonogoError(errorDiag('theme/template', `${shown} is larger than the ${MAX_TEMPLATE_BYTES / 1048576} MB gonogo reads from a template`, { ...where, expected: 'a .pptx or .potx of a few MB', hint: 'save the template without its sample slides and media' }));
    let template;
    try {
      template = readTemplateTheme(new Uint8Array(await readFile(path)));
    } catch (e) {
      const why = e instanceof TemplateError ? e.message : 'it is not a zip of PowerPoint parts';
      throw new GonogoError(errorDiag('theme/template', `cannot read ${shown} as a PowerPoint file: ${why}`, { ...where, expected: 'a .pptx or .potx saved by PowerPoint, LibreOffice or Google Slides', hint: 'open it in PowerPoint and save it again as .potx' }));
    }
    const mapped = applyTemplate(theme, template, shown);
    theme = mapped.theme;
    if (template.fonts.major || template.fonts.minor) fontsAt = where;
    diagnostics.push(...mapped.diagnostics.map((d) => ({ ...d, pos })));
    if (template.logo && !f.logo) {
      try {
        const logo = await logoImage(template.logo.data, 'top-right', 'Company logo');
        theme = { ...theme, logo: `${shown}:${template.logo.name}`, logoImage: logo };
      } catch (e) {
        if (!(e instanceof LogoError)) throw e;
        diagnostics.push({ code: 'theme/logo-format', severity: 'warning', field: where.field, pos, message: `${shown}: the master's picture ${template.logo.name} ${e.problem.message}; no logo placed`, hint: 'set theme: logo: to a PNG or SVG file' });
      }
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
    const at = ['logo', ...(typeof f.logo === 'string' ? [] : ['file'])];
    const path = deckFile(spec.file, origin, at, 'a PNG, JPEG or SVG file', confine);
    const shown = relative(cwd, path) || path;
    try {
      const logo = await logoImage(new Uint8Array(await readFile(path)), spec.position, spec.alt ?? `${theme.name} logo`);
      theme = { ...theme, logo: spec.file, logoImage: logo };
    } catch (e) {
      if (!(e instanceof LogoError)) throw e;
      const p = e.problem;
      throw new GonogoError(
        errorDiag('theme/logo-format', `logo ${shown} ${p.message}`, {
          pos: p.at ? { file: shown, ...p.at } : origin.positions.at([...origin.at, ...at]),
          field: fieldName([...origin.at, ...at]),
          expected: p.expected,
          hint: p.hint,
        }),
      );
    }
  }
  const named = f.fonts?.body !== undefined ? 'body' : f.fonts?.heading !== undefined ? 'heading' : undefined;
  if (named) fontsAt = { pos: origin.positions.at([...origin.at, 'fonts', named]), field: fieldName([...origin.at, 'fonts', named]) };
  return { theme, diagnostics, fontsAt };
}

/** A file a theme names, resolved next to the file that names it and kept inside the deck folder. */
function deckFile(rel: string, origin: Origin, at: FieldPath, what: string, confine?: Confine): string {
  const path = [...origin.at, ...at];
  return resolveDeckFile({
    deckDir: confine?.deckDir ?? origin.dir,
    base: origin.dir,
    path: rel,
    field: fieldName(path),
    pos: origin.positions.at(path),
    what,
    code: 'theme/path',
    // The shipped default theme names nothing outside assets/; only a deck's theme is confined.
    allowOutside: confine ? confine.allowOutside : true,
  });
}

/** The defined entries only, so an unset field never overwrites the base. */
function pick<T extends Record<string, unknown>>(o: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
