// A corporate template's theme mapped onto gonogo's Theme: accent1 → accent (and treatment), dk1/lt1 → text
// and background, dk2 → muted text and table header, lt2 → stripes, major/minor latin → heading/body fonts.
// pass/fail/inconclusive keep their meaning-bearing defaults. Every text colour is checked at ≥ 4.5:1 against
// the backgrounds it sits on; one that fails is darkened along its hue (or kept from the defaults) with a warning.
import type { Diagnostic } from '../diagnostics.js';
import type { Theme } from '../deck/theme.js';
import type { TemplateTheme } from './pptx-theme.js';
import { contrast, withContrast } from '../deck/contrast.js';

const TEXT_MIN = 4.5;

export function applyTemplate(base: Theme, t: TemplateTheme, file: string): { theme: Theme; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const note = (code: string, severity: 'info' | 'warning', message: string, hint?: string) => diagnostics.push({ code, severity, message: `${file}: ${message}`, hint, field: 'theme.from' });
  const c = { ...base.colors };
  const from = t.colors;
  if (from.lt1) c.background = from.lt1;
  const stripe = from.lt2 && contrast(from.lt2, c.background) < 1.5 ? from.lt2 : c.tableStripe;
  c.tableStripe = stripe;
  // Text must read on the slide and on the card/stripe fill alike: the weaker of the two decides.
  const readable = (hex: string) => Math.min(contrast(hex, c.background), contrast(hex, c.tableStripe)) >= TEXT_MIN;
  const textual = (slot: keyof Theme['colors'], source: string | undefined, label: string) => {
    if (!source) return;
    if (readable(source)) {
      c[slot] = source;
      return;
    }
    const fixed = withContrast(withContrast(source, c.background, TEXT_MIN), c.tableStripe, TEXT_MIN);
    c[slot] = readable(fixed) ? fixed : c[slot];
    note('theme/contrast', 'warning', `${label} #${source} has ${contrast(source, c.background).toFixed(1)}:1 contrast on #${c.background}, under 4.5:1 for text; using #${c[slot]}`, 'pick a darker colour in the template, or set it under theme: colors: in gonogo.yaml');
  };
  textual('text', from.dk1, 'dk1 (text)');
  textual('muted', from.dk2, 'dk2 (secondary text)');
  textual('accent', from.accent1, 'accent1');
  c.treatment = c.accent;
  // Header text is white on the header fill: the fill is the template's dark 2 when white reads on it.
  if (from.dk2 && contrast(from.dk2, c.tableHeaderText) >= TEXT_MIN) c.tableHeader = from.dk2;
  else c.tableHeader = c.text;
  for (const tone of ['pass', 'fail', 'inconclusive', 'control'] as const) {
    if (!readable(c[tone])) {
      const before = c[tone];
      c[tone] = withContrast(withContrast(before, c.background, TEXT_MIN), c.tableStripe, TEXT_MIN);
      note('theme/contrast', 'warning', `the ${tone} colour #${before} does not reach 4.5:1 on the template's background; using #${c[tone]}`);
    }
  }
  const fonts = { ...base.fonts, heading: t.fonts.major ?? base.fonts.heading, body: t.fonts.minor ?? base.fonts.body };
  if (t.fonts.major || t.fonts.minor)
    note('theme/fonts', 'info', `fonts ${fonts.heading === fonts.body ? `${fonts.body} (headings and body)` : `${fonts.heading} (headings) and ${fonts.body} (body)`}${fonts.body === fonts.fallback ? '' : `; readers without them fall back to ${fonts.fallback}`}`);
  const ig = t.ignored;
  note(
    'theme/ignored', 'info',
    `used its colours, fonts${t.logo ? ' and logo' : ''}; ignored its ${ig.layouts} slide layout(s), ${ig.placeholders} master placeholder(s)${ig.slides ? `, ${ig.slides} slide(s)` : ''}${ig.pictures ? `, ${ig.pictures} other picture(s)` : ''}`,
    'gonogo places content on its own grid; a template contributes its look, not its layouts',
  );
  if (!t.colors.accent1) note('theme/no-colors', 'warning', 'no colour scheme found (a:clrScheme); keeping the default colours');
  return { theme: { ...base, colors: c, fonts }, diagnostics };
}
