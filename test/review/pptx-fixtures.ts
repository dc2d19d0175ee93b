// PPTX files made in tests: one with pptxgenjs directly, one hand-written in PowerPoint's own XML style
// (title/body placeholders with inherited bullets, a group, a graphicFrame table, mc:AlternateContent,
// notes through relationships, parts named unlike pptxgenjs's).
import pptxgenjs from 'pptxgenjs';
import { strToU8, zipSync } from 'fflate';

// A 1×1 transparent PNG.
const PNG = 'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export interface FixtureSlide {
  title: string;
  bullets: { text: string; level?: number }[];
  table?: string[][];
  alt?: string;
  notes?: string;
}

export async function pptxgenDeck(slides: FixtureSlide[]): Promise<Uint8Array> {
  // pptxgenjs ships CommonJS types; under NodeNext the class may sit one level down.
  type Ctor = new () => import('pptxgenjs').default;
  const PptxGenJS = ((pptxgenjs as unknown as { default?: Ctor }).default ?? pptxgenjs) as unknown as Ctor;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  for (const s of slides) {
    const slide = pptx.addSlide();
    slide.addText(s.title, { x: 0.5, y: 0.3, w: 12, h: 0.8, fontSize: 28, objectName: 'Title' });
    slide.addText(
      s.bullets.map((b) => ({ text: b.text, options: { bullet: true, indentLevel: b.level ?? 0, breakLine: true } })),
      { x: 0.5, y: 1.3, w: 6, h: 4 },
    );
    if (s.table) slide.addTable(s.table.map((r) => r.map((text) => ({ text }))), { x: 7, y: 1.3, w: 5.5 });
    if (s.alt) slide.addImage({ data: PNG, x: 7, y: 5, w: 1, h: 1, altText: s.alt });
    if (s.notes) slide.addNotes(s.notes);
  }
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

const NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (list: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
const ph = (type: string | null, idx?: number) => `<p:nvPr><p:ph${type ? ` type="${type}"` : ''}${idx !== undefined ? ` idx="${idx}"` : ''}/></p:nvPr>`;
const sp = (id: number, name: string, nvPr: string, paras: string) => `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr/>${nvPr}</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>${paras}</p:txBody></p:sp>`;
const para = (text: string, lvl = 0, pPr = '') => `<a:p>${lvl || pPr ? `<a:pPr lvl="${lvl}">${pPr}</a:pPr>` : ''}<a:r><a:rPr lang="en-US"/><a:t>${text}</a:t></a:r></a:p>`;

/** A deck as PowerPoint writes it; slide 2 comes first in presentation order though its part is slide7.xml. */
export function powerPointStyleDeck(): Uint8Array {
  const slideA = `<p:sld ${NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>
${sp(2, 'Title 1', ph('title'), para('Speed up, quality holds'))}
${sp(3, 'Content Placeholder 2', ph(null, 1), para('Median time to first quote &#8722;11.9%') + para('Top-5 categories', 1) + para('No bullet here', 0, '<a:buNone/>'))}
<p:grpSp><p:nvGrpSpPr><p:cNvPr id="4" name="Group 3"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>
${sp(5, 'TextBox 4', '<p:nvPr/>', `<a:p><a:r><a:t>Grouped </a:t></a:r><a:r><a:rPr b="1"/><a:t>note</a:t></a:r><a:br/><a:r><a:t>second line</a:t></a:r></a:p>`)}
<p:pic><p:nvPicPr><p:cNvPr id="6" name="Picture 5" descr="Forest plot: all categories faster"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill/><p:spPr/></p:pic></p:grpSp>
<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="7" name="Table 6"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblGrid><a:gridCol w="1"/><a:gridCol w="1"/></a:tblGrid>
<a:tr h="1"><a:tc><a:txBody><a:bodyPr/>${para('Metric')}</a:txBody></a:tc><a:tc><a:txBody><a:bodyPr/>${para('Change')}</a:txBody></a:tc></a:tr>
<a:tr h="1"><a:tc><a:txBody><a:bodyPr/>${para('Hire rate')}</a:txBody></a:tc><a:tc><a:txBody><a:bodyPr/>${para('a | b')}</a:txBody></a:tc></a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>
<mc:AlternateContent><mc:Choice Requires="p14">${sp(8, 'TextBox 7', '<p:nvPr/>', para('Choice text'))}</mc:Choice><mc:Fallback>${sp(9, 'TextBox 8', '<p:nvPr/>', para('Fallback text'))}</mc:Fallback></mc:AlternateContent>
${sp(10, 'Slide Number', ph('sldNum', 12), `<a:p><a:fld id="{1}" type="slidenum"><a:t>1</a:t></a:fld></a:p>`)}
${sp(11, 'Footer Placeholder 3', ph('ftr', 11), para('Internal — do not forward'))}
${sp(12, 'Slide Number 9', '<p:nvPr/>', para('1'))}
</p:spTree></p:cSld></p:sld>`;
  const slideB = `<p:sld ${NS} show="0"><p:cSld><p:spTree>${sp(2, 'Title 1', ph('ctrTitle'), para('Appendix'))}</p:spTree></p:cSld></p:sld>`;
  const notes = `<p:notes ${NS}><p:cSld><p:spTree>${sp(2, 'Slide Image', ph('sldImg'), '')}${sp(3, 'Notes', ph('body', 1), para('Open with the ask.') + para('Then the risks.'))}${sp(4, 'Num', ph('sldNum', 5), para('1'))}</p:spTree></p:cSld></p:notes>`;
  const presentation = `<p:presentation ${NS}><p:sldIdLst><p:sldId id="256" r:id="rId7"/><p:sldId id="257" r:id="rId2"/></p:sldIdLst></p:presentation>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'ppt/presentation.xml': strToU8(presentation),
    'ppt/_rels/presentation.xml.rels': strToU8(rels([['rId2', 'slide', 'slides/slide2.xml'], ['rId7', 'slide', '/ppt/slides/slide7.xml']])),
    'ppt/slides/slide7.xml': strToU8(slideA),
    'ppt/slides/_rels/slide7.xml.rels': strToU8(rels([['rId1', 'slideLayout', '../slideLayouts/slideLayout2.xml'], ['rId3', 'notesSlide', '../notesSlides/notesSlide9.xml']])),
    'ppt/slides/slide2.xml': strToU8(slideB),
    'ppt/notesSlides/notesSlide9.xml': strToU8(notes),
  });
}
