// The parts of a PPTX zip that a reader needs: slides in presentation order and each slide's notes,
// found through relationships (PowerPoint and LibreOffice name parts freely; only the rels are reliable).
import { unzipSync, strFromU8 } from 'fflate';
import { posix } from 'node:path';
import { errorDiag, GonogoError } from '../diagnostics.js';
import { attr, descendants, kids, parseXml, type XmlNode } from './xml.js';

export interface SlidePart {
  /** Zip path, e.g. 'ppt/slides/slide3.xml'. */
  part: string;
  xml: XmlNode;
  notes?: XmlNode;
  hidden: boolean;
}

const NOTES_REL = /\/notesSlide$/;

export function readSlideParts(bytes: Uint8Array, shown = 'the file'): SlidePart[] {
  let files: Record<string, Uint8Array>;
  try {
    // Only XML parts and relationships: media can be most of a deck's bytes and is never read here.
    files = unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/i.test(f.name) });
  } catch (err) {
    throw notPptx(shown, `it is not a zip archive (${(err as Error).message})`);
  }
  const xmlOf = (part: string): XmlNode | undefined => {
    const data = files[part];
    if (!data) return undefined;
    try {
      return parseXml(strFromU8(data));
    } catch (err) {
      throw notPptx(shown, `${part} is not well-formed XML (${(err as Error).message})`);
    }
  };
  const presentation = xmlOf('ppt/presentation.xml');
  if (!presentation) throw notPptx(shown, 'it has no ppt/presentation.xml');
  const presRels = relsOf(xmlOf, 'ppt/presentation.xml');
  const ids = descendants(presentation, 'sldId');
  return ids.flatMap((sldId) => {
    const target = presRels.get(attr(sldId, 'id', true) ?? '');
    const xml = target ? xmlOf(target.part) : undefined;
    if (!target || !xml) return [];
    const notesPart = [...relsOf(xmlOf, target.part).values()].find((r) => NOTES_REL.test(r.type));
    return [{ part: target.part, xml, notes: notesPart ? xmlOf(notesPart.part) : undefined, hidden: attr(xml, 'show') === '0' }];
  });
}

function relsOf(xmlOf: (part: string) => XmlNode | undefined, part: string): Map<string, { part: string; type: string }> {
  const dir = posix.dirname(part);
  const rels = xmlOf(`${dir}/_rels/${posix.basename(part)}.rels`);
  const out = new Map<string, { part: string; type: string }>();
  for (const r of kids(rels, 'Relationship')) {
    const target = attr(r, 'Target') ?? '';
    if (attr(r, 'TargetMode') === 'External') continue;
    const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target));
    out.set(attr(r, 'Id') ?? '', { part: resolved, type: attr(r, 'Type') ?? '' });
  }
  return out;
}

function notPptx(shown: string, why: string): GonogoError {
  return new GonogoError(errorDiag('pptx/unreadable', `cannot read ${shown} as a PowerPoint deck: ${why}`, { expected: 'a .pptx file (an Office Open XML zip)', hint: 'git textconv passes the file path; check that the path is a .pptx, not a Git LFS pointer' }));
}
