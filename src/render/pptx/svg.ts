// SVG charts beside their PNG: PowerPoint 2016+ draws the vector (asvg:svgBlip), every other reader (and
// LibreOffice, which ignores svgBlip) draws the PNG fallback. Done on the unzipped parts, after pptxgenjs,
// because pptxgenjs in Node writes the SVG bytes where the PNG fallback belongs.
import { strFromU8, strToU8 } from 'fflate';

const SVG_EXT = '{96DAC541-7B7A-43D3-8B79-37D633B846F1}';
const SVG_NS = 'http://schemas.microsoft.com/office/drawing/2016/SVG/main';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** The picture name the renderer gives a chart, so that this step can find it again. */
export function chartObjectName(chartId: string): string {
  return `Chart ${chartId}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Adds an svgBlip to every picture named after a chart in `svgs`; mutates `parts` (a fresh unzip). */
export function addSvgBlips(parts: Record<string, Uint8Array>, svgs: Map<string, string>): void {
  for (const [id, svg] of svgs) parts[`ppt/media/${id}.svg`] = strToU8(svg);
  for (const name of Object.keys(parts)) {
    const m = /^ppt\/slides\/(slide\d+\.xml)$/.exec(name);
    if (!m) continue;
    let xml = strFromU8(parts[name]);
    const relsName = `ppt/slides/_rels/${m[1]}.rels`;
    let rels = strFromU8(parts[relsName]);
    let next = Math.max(0, ...[...rels.matchAll(/Id="rId(\d+)"/g)].map((r) => Number(r[1]))) + 1;
    let changed = false;
    for (const id of svgs.keys()) {
      const pic = new RegExp(`(name="${escapeRegExp(chartObjectName(id))}"[\\s\\S]*?<a:blip r:embed="rId\\d+")>(</a:blip>)`, 'g');
      xml = xml.replace(pic, (_all, head: string, close: string) => {
        const rid = `rId${next++}`;
        rels = rels.replace('</Relationships>', `<Relationship Id="${rid}" Type="${IMAGE_REL}" Target="../media/${id}.svg"/></Relationships>`);
        changed = true;
        return `${head}><a:extLst><a:ext uri="${SVG_EXT}"><asvg:svgBlip xmlns:asvg="${SVG_NS}" r:embed="${rid}"/></a:ext></a:extLst>${close}`;
      });
    }
    if (changed) {
      parts[name] = strToU8(xml);
      parts[relsName] = strToU8(rels);
    }
  }
}
