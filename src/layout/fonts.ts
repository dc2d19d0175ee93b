// Which font files measure a deck. The PPTX names fonts the reader's Office has (Calibri by default); the
// layout measures them with metric-compatible open files shipped in assets/fonts (Carlito has Calibri's
// advance widths, Liberation Sans has Arial's), so PowerPoint, Keynote and LibreOffice break lines where the
// layout did. A face Office does not ship (Inter, a brand font) is measured as well as we can and the layout
// keeps room for the wider substitute readers will see.

export type FontWeight = 'regular' | 'semibold' | 'bold' | 'italic';

/** A family of shipped font files: what the layout measures with and what charts are drawn with. */
export interface FontFamily {
  /** The family name inside the files (what resvg and fontconfig match). */
  name: string;
  /** Files under assets/; a weight the family lacks maps to the nearest file it has. */
  files: Readonly<Record<FontWeight, string>>;
}

export const CARLITO: FontFamily = {
  name: 'Carlito',
  // Carlito, like Calibri, has no semibold: PowerPoint draws semibold runs bold, and so do we.
  files: { regular: 'fonts/Carlito-Regular.ttf', semibold: 'fonts/Carlito-Bold.ttf', bold: 'fonts/Carlito-Bold.ttf', italic: 'fonts/Carlito-Italic.ttf' },
};

export const LIBERATION_SANS: FontFamily = {
  name: 'Liberation Sans',
  files: { regular: 'fonts/LiberationSans-Regular.ttf', semibold: 'fonts/LiberationSans-Bold.ttf', bold: 'fonts/LiberationSans-Bold.ttf', italic: 'fonts/LiberationSans-Italic.ttf' },
};

export const INTER: FontFamily = {
  name: 'Inter',
  files: { regular: 'fonts/Inter-Regular.ttf', semibold: 'fonts/Inter-SemiBold.ttf', bold: 'fonts/Inter-Bold.ttf', italic: 'fonts/Inter-Italic.ttf' },
};

export const SHIPPED_FAMILIES: readonly FontFamily[] = [CARLITO, LIBERATION_SANS, INTER];

/** What measures text when a theme names a face we have no file for. */
export const DEFAULT_FAMILY = CARLITO;

/** Faces with the same advance widths as a shipped family, by lower-case name. */
const METRICS_OF: Record<string, FontFamily> = {
  calibri: CARLITO,
  carlito: CARLITO,
  arial: LIBERATION_SANS,
  // Helvetica and Arial share their advance widths (Arial was drawn to them).
  helvetica: LIBERATION_SANS,
  'liberation sans': LIBERATION_SANS,
  arimo: LIBERATION_SANS,
  inter: INTER,
};

/**
 * Faces every desktop Office install carries (Windows and Mac, Office 2016 and later): a deck naming one of
 * them is drawn in it on the reader's machine. Cloud fonts downloaded on first use (Aptos) are not listed.
 */
const OFFICE_FONTS = new Set(
  [
    'Arial', 'Arial Black', 'Arial Narrow', 'Calibri', 'Calibri Light', 'Cambria', 'Candara', 'Century Gothic', 'Consolas',
    'Constantia', 'Corbel', 'Courier New', 'Franklin Gothic Medium', 'Garamond', 'Georgia', 'Gill Sans MT', 'Impact',
    'Palatino Linotype', 'Segoe UI', 'Tahoma', 'Times New Roman', 'Trebuchet MS', 'Verdana',
  ].map((f) => f.toLowerCase()),
);

/** The shipped family with `face`'s advance widths, if we ship one. */
export function metricFamily(face: string): FontFamily | undefined {
  return METRICS_OF[face.trim().toLowerCase()];
}

export function officeShips(face: string): boolean {
  return OFFICE_FONTS.has(face.trim().toLowerCase());
}

/** How a theme's faces are measured: with which files, and whether readers see exactly those metrics. */
export interface FontPlan {
  family: FontFamily;
  /**
   * True when the heading and body faces are Office faces measured by their metric-compatible files: lines
   * break where the layout put them. False when readers may see a substitute (or we measure a stand-in).
   */
  exact: boolean;
  /** Faces readers without them will see substituted (not shipped with Office). */
  substituted: string[];
  /** Office faces we have no metric-compatible file for: measured with `family` plus the margin. */
  unmeasured: string[];
}

export function fontPlan(fonts: { heading: string; body: string }): FontPlan {
  const faces = [...new Set([fonts.body, fonts.heading])];
  const families = faces.map(metricFamily);
  const family = families[0] ?? families.find(Boolean) ?? DEFAULT_FAMILY;
  const substituted = faces.filter((f) => !officeShips(f));
  const unmeasured = faces.filter((f) => officeShips(f) && !metricFamily(f));
  const exact = substituted.length === 0 && unmeasured.length === 0 && families.every((f) => f === family);
  return { family, exact, substituted, unmeasured };
}

/**
 * The CSS font-family list a chart's SVG names: the theme's face first (PowerPoint draws the SVG with it), then
 * the shipped family that measured it (resvg draws the PNG fallback with that file), then a generic.
 */
export function chartFontList(face: string): string {
  const measured = (metricFamily(face) ?? DEFAULT_FAMILY).name;
  const quote = (f: string) => (/^[A-Za-z][A-Za-z0-9-]*$/.test(f) ? f : `'${f.replace(/['"\\]/g, '')}'`);
  return [...new Set([face.trim(), measured])].map(quote).join(', ') + ', sans-serif';
}

/** The shipped family a CSS font-family list is measured with: the first entry we have files or metrics for. */
export function familyOfFontList(list: string | undefined): FontFamily {
  for (const entry of (list ?? '').split(',')) {
    const f = metricFamily(entry.replace(/['"]/g, ''));
    if (f) return f;
  }
  return DEFAULT_FAMILY;
}
