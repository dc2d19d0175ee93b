// The PPTX's own theme part (ppt/theme/theme1.xml) carries the deck's palette and fonts, so a reader who
// edits the deck in PowerPoint or Keynote picks from the same colours. pptxgenjs writes Office's palette;
// this step replaces the colour scheme and the latin faces of the font scheme.
import type { Theme } from '../../deck/theme.js';
import { xmlAttr as esc } from '../../xml-text.js';

/** Theme slots → our colours: dark/light pairs for text and background, accents in verdict order. */
export function colorScheme(theme: Theme): Record<string, string> {
  const c = theme.colors;
  return { dk1: c.text, lt1: c.background, dk2: c.muted, lt2: c.tableStripe, accent1: c.accent, accent2: c.pass, accent3: c.fail, accent4: c.inconclusive, accent5: c.control, accent6: c.rule, hlink: c.accent, folHlink: c.muted };
}

/** The faces' own PANOSE numbers; any other face gets a generic sans-serif class (Inter's). */
const PANOSE: Record<string, string> = { calibri: '020F0502020204030204', 'calibri light': '020F0302020204030204', arial: '020B0604020202020204' };

/**
 * pitchFamily 34 (variable pitch, Swiss) and the PANOSE class tell a reader without the face to substitute
 * a sans serif; the scheme's name names the fallback the theme chose.
 */
function latin(face: string): string {
  const panose = PANOSE[face.trim().toLowerCase()] ?? '020B0502030000000004';
  return `<a:latin typeface="${esc(face)}" panose="${panose}" pitchFamily="34" charset="0"/>`;
}

export function patchThemeXml(xml: string, theme: Theme): string {
  const slots = Object.entries(colorScheme(theme)).map(([k, v]) => `<a:${k}><a:srgbClr val="${v}"/></a:${k}>`).join('');
  return xml
    .replace(/<a:clrScheme name="[^"]*">[\s\S]*?<\/a:clrScheme>/, `<a:clrScheme name="${esc(theme.name)}">${slots}</a:clrScheme>`)
    .replace(/<a:fontScheme name="[^"]*">/, `<a:fontScheme name="${esc(`${theme.fonts.heading} / ${theme.fonts.body}, fallback ${theme.fonts.fallback}`)}">`)
    .replace(/(<a:majorFont>)<a:latin [^>]*\/>/, `$1${latin(theme.fonts.heading)}`)
    .replace(/(<a:minorFont>)<a:latin [^>]*\/>/, `$1${latin(theme.fonts.body)}`)
    .replace(/(<a:theme [^>]*name=")[^"]*"/, `$1${esc(theme.name)}"`);
}
