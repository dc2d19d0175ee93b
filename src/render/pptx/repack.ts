// pptxgenjs's parts are not reproducible (core.xml dates) and carry placeholder pictures. Re-pack: the charts'
// PNGs (and SVGs) attached, [Content_Types].xml first, then names sorted, fixed entry times, XML deflated
// (through the cache when one is given), dates from a timestamp.
import { strFromU8, strToU8 } from 'fflate';
import { attachChartMedia, type ChartMedia } from './svg.js';
import { markTitlePlaceholder } from './titles.js';
import { patchThemeXml } from './theme-xml.js';
import { writeZip, type DeflateCache, type ZipPart } from './zip.js';
import type { Theme } from '../../deck/theme.js';
import type { Parts } from './jszip-parts.js';
import { bytesNeedXmlSafe, xmlSafe } from '../../xml-text.js';

const CONTENT_TYPES = '[Content_Types].xml';

function iso(ts: Date): string {
  return ts.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function normalizeCoreXml(xml: string, ts: Date): string {
  return xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso(ts)}$3`);
}

export function repackPptx(written: Parts, ts: Date, charts: Map<string, ChartMedia> = new Map(), theme?: Theme, cache?: DeflateCache): Uint8Array {
  const entries = { ...written };
  if (charts.size > 0) attachChartMedia(entries, charts);
  // Folder entries carry nothing in an OPC package; dropping them keeps the listing to parts.
  const names = Object.keys(entries).filter((n) => !n.endsWith('/')).sort((a, b) => (a === CONTENT_TYPES ? -1 : b === CONTENT_TYPES ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const parts: ZipPart[] = names.map((name) => {
    let data = entries[name];
    if (name === 'docProps/core.xml') data = strToU8(normalizeCoreXml(strFromU8(data), ts));
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) data = strToU8(markTitlePlaceholder(strFromU8(data)));
    if (theme && /^ppt\/theme\/theme\d+\.xml$/.test(name)) data = strToU8(patchThemeXml(strFromU8(data), theme));
    // The last line of defence: no part leaves with a character XML cannot hold, whatever reached it.
    if (/\.(xml|rels|svg)$/.test(name) && bytesNeedXmlSafe(data)) data = strToU8(xmlSafe(strFromU8(data)));
    // PNGs are already compressed: store them; XML deflates well.
    return { name, data, level: name.endsWith('.png') ? 0 : 6 };
  });
  return writeZip(parts, ts, cache);
}
