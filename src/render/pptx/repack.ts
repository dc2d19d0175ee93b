// pptxgenjs output is not reproducible: zip entry times, core.xml dates, stored (uncompressed) entries.
// Re-pack: [Content_Types].xml first, then names sorted, fixed entry times, DEFLATE, dates from a timestamp.
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';
import { addSvgBlips } from './svg.js';
import { markTitlePlaceholder } from './titles.js';
import { patchThemeXml } from './theme-xml.js';
import type { Theme } from '../../deck/theme.js';
import { bytesNeedXmlSafe, xmlSafe } from '../../xml-text.js';

const CONTENT_TYPES = '[Content_Types].xml';

function iso(ts: Date): string {
  return ts.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A Date whose *local* fields equal the UTC fields of `ts` (zip times are local; this cancels TZ). */
function zipTime(ts: Date): Date {
  const t = ts.getTime() < Date.UTC(1980, 0, 1, 12) ? new Date(Date.UTC(1980, 0, 1, 12)) : ts;
  return new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
}

export function normalizeCoreXml(xml: string, ts: Date): string {
  return xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso(ts)}$3`);
}

export function repackPptx(raw: Uint8Array, ts: Date, svgs: Map<string, string> = new Map(), theme?: Theme): Uint8Array {
  const entries = unzipSync(raw);
  if (svgs.size > 0) addSvgBlips(entries, svgs);
  // Folder entries carry nothing in an OPC package; dropping them keeps the listing to parts.
  const names = Object.keys(entries).filter((n) => !n.endsWith('/')).sort((a, b) => (a === CONTENT_TYPES ? -1 : b === CONTENT_TYPES ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const mtime = zipTime(ts);
  const out: Zippable = {};
  for (const name of names) {
    let data = entries[name];
    if (name === 'docProps/core.xml') data = strToU8(normalizeCoreXml(strFromU8(data), ts));
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) data = strToU8(markTitlePlaceholder(strFromU8(data)));
    if (theme && /^ppt\/theme\/theme\d+\.xml$/.test(name)) data = strToU8(patchThemeXml(strFromU8(data), theme));
    // The last line of defence: no part leaves with a character XML cannot hold, whatever reached it.
    if (/\.(xml|rels|svg)$/.test(name) && bytesNeedXmlSafe(data)) data = strToU8(xmlSafe(strFromU8(data)));
    // PNGs are already compressed: store them; XML deflates well.
    const level = name.endsWith('.png') ? 0 : 6;
    out[name] = [data, { level, mtime }];
  }
  return zipSync(out, { mtime });
}
