// Chart pictures get their real bytes after pptxgenjs: pptxgenjs writes a one-pixel placeholder per chart (so
// it never base64-encodes, decodes and checksums megabytes of PNG), and this step puts each chart's PNG where
// that chart's picture points. SVG charts go beside their PNG: PowerPoint 2016+ draws the vector
// (asvg:svgBlip), every other reader (and LibreOffice, which ignores svgBlip) draws the PNG fallback.
// Done on the unzipped parts, found by the picture's name, so it holds whatever media names pptxgenjs chose.
import { strFromU8, strToU8 } from 'fflate';

const SVG_EXT = '{96DAC541-7B7A-43D3-8B79-37D633B846F1}';
const SVG_NS = 'http://schemas.microsoft.com/office/drawing/2016/SVG/main';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** A 1×1 transparent PNG: what pptxgenjs is given in place of each chart. */
export const PLACEHOLDER_PNG = 'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR42mNgAAIAAAUAAen63NgAAAAASUVORK5CYII=';

export interface ChartMedia {
  png: Uint8Array;
  /** Embedded beside the PNG when given. */
  svg?: string;
}

/** The picture name the renderer gives a chart, so that this step can find it again. */
export function chartObjectName(chartId: string): string {
  return `Chart ${chartId}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Fills every chart picture's media part with its PNG and adds an svgBlip where an SVG is given; mutates
 * `parts` (a fresh unzip). Throws when a picture names a chart without media (a renderer bug).
 */
export function attachChartMedia(parts: Record<string, Uint8Array>, media: Map<string, ChartMedia>): void {
  // by id, so that the svgBlips' relationship ids do not depend on the map's order
  const charts = [...media].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, m] of charts) if (m.svg) parts[`ppt/media/${id}.svg`] = strToU8(m.svg);
  for (const name of Object.keys(parts)) {
    const m = /^ppt\/slides\/(slide\d+\.xml)$/.exec(name);
    if (!m) continue;
    let xml = strFromU8(parts[name]);
    if (!xml.includes('name="Chart ')) continue;
    const relsName = `ppt/slides/_rels/${m[1]}.rels`;
    let rels = strFromU8(parts[relsName]);
    let next = Math.max(0, ...[...rels.matchAll(/Id="rId(\d+)"/g)].map((r) => Number(r[1]))) + 1;
    let changed = false;
    for (const [id, chart] of charts) {
      const pic = new RegExp(`(name="${escapeRegExp(chartObjectName(id))}"[\\s\\S]*?<a:blip r:embed="(rId\\d+)")>(</a:blip>)`, 'g');
      xml = xml.replace(pic, (all, head: string, rid: string, close: string) => {
        const target = new RegExp(`<Relationship Id="${rid}" [^>]*Target="\\.\\./media/([^"]+)"`).exec(rels)?.[1];
        if (!target) throw new Error(`renderPptx: the picture of chart '${id}' points at no media part`);
        parts[`ppt/media/${target}`] = chart.png;
        if (!chart.svg) return all;
        const svgRid = `rId${next++}`;
        rels = rels.replace('</Relationships>', `<Relationship Id="${svgRid}" Type="${IMAGE_REL}" Target="../media/${id}.svg"/></Relationships>`);
        changed = true;
        return `${head}><a:extLst><a:ext uri="${SVG_EXT}"><asvg:svgBlip xmlns:asvg="${SVG_NS}" r:embed="${svgRid}"/></a:ext></a:extLst>${close}`;
      });
    }
    if (changed) {
      parts[name] = strToU8(xml);
      parts[relsName] = strToU8(rels);
    }
  }
}
