// Any PPTX as stable, readable text, slide by slide in presentation order: the form git's textconv
// shows reviewers. Works from the XML alone (placeholders, groups, tables, pictures, notes via rels);
// geometry, styling, slide numbers and dates are left out so two renders of one deck read the same.
import { readSlideParts } from './pptx-package.js';
import { attr, child, kids, path, type XmlNode } from './xml.js';

export interface PptxParagraph {
  text: string;
  /** Outline level, 0-based (a:pPr lvl). */
  level: number;
  bullet: boolean;
}

export interface PptxSlide {
  title: string;
  texts: PptxParagraph[];
  /** Each table as rows of cell texts. */
  tables: string[][][];
  /** Alt text of pictures, charts and other frames, in order. */
  alts: string[];
  /** Speaker notes, one entry per paragraph. */
  notes: string[];
  hidden: boolean;
}

export interface PptxDocument {
  slides: PptxSlide[];
}

// Placeholders that repeat on every slide and change without the content changing.
const SKIPPED_PLACEHOLDERS = new Set(['sldNum', 'dt', 'hdr', 'ftr', 'sldImg']);
// The same furniture drawn as plain text boxes, recognised by PowerPoint's own shape names.
const SKIPPED_NAMES = /^(slide number|footer|date)( placeholder)?\b/i;
const TITLE_NAMES = /^(slide )?title\b/i;
const TITLE_PLACEHOLDERS = new Set(['title', 'ctrTitle']);
// A placeholder with no type is a content placeholder: bulleted by the master unless it says otherwise.
const BULLETED_PLACEHOLDERS = new Set(['body', 'obj']);

export function readPptx(bytes: Uint8Array, shown?: string): PptxDocument {
  if (bytes.length === 0) return { slides: [] }; // git hands textconv an empty file for a deck that does not exist on one side
  return { slides: readSlideParts(bytes, shown).map((p) => readSlide(p.xml, p.notes, p.hidden)) };
}

function readSlide(xml: XmlNode, notesXml: XmlNode | undefined, hidden: boolean): PptxSlide {
  const slide: PptxSlide = { title: '', texts: [], tables: [], alts: [], notes: [], hidden };
  const titles: string[] = [];
  walk(path(xml, 'cSld', 'spTree'), {
    text(paras, role) {
      if (role === 'title') titles.push(paras.map((p) => p.text).join(' '));
      else slide.texts.push(...paras);
    },
    table: (rows) => slide.tables.push(rows),
    alt: (alt) => slide.alts.push(alt),
  });
  slide.title = titles.shift() ?? slide.texts.shift()?.text ?? '';
  slide.texts.unshift(...titles.map((text) => ({ text, level: 0, bullet: false })));
  if (notesXml)
    walk(path(notesXml, 'cSld', 'spTree'), {
      text: (paras, role) => void (role === 'body' && slide.notes.push(...paras.map((p) => p.text))),
      table: () => undefined,
      alt: () => undefined,
    }, true);
  return slide;
}

interface Visitor {
  text(paras: PptxParagraph[], role: 'title' | 'body' | 'other'): void;
  table(rows: string[][]): void;
  alt(alt: string): void;
}

function walk(tree: XmlNode | undefined, v: Visitor, notes = false): void {
  for (const n of tree?.children ?? []) {
    if (n.name === 'sp') shape(n, v, notes);
    else if (n.name === 'grpSp') walk(n, v, notes);
    else if (n.name === 'graphicFrame') frame(n, v);
    else if (n.name === 'pic') v.alt(altOf(path(n, 'nvPicPr', 'cNvPr')) || '(picture without alt text)');
    // Office wraps newer content in mc:AlternateContent; read the first choice, not the fallback too.
    else if (n.name === 'AlternateContent') walk(child(n, 'Choice') ?? child(n, 'Fallback'), v, notes);
  }
}

function shape(sp: XmlNode, v: Visitor, notes = false): void {
  const ph = path(sp, 'nvSpPr', 'nvPr', 'ph');
  const type = ph ? (attr(ph, 'type') ?? 'obj') : undefined;
  const name = attr(path(sp, 'nvSpPr', 'cNvPr') ?? sp, 'name') ?? '';
  if ((type && SKIPPED_PLACEHOLDERS.has(type)) || SKIPPED_NAMES.test(name)) return;
  const isTitle = (type !== undefined && TITLE_PLACEHOLDERS.has(type)) || TITLE_NAMES.test(name);
  const paras = paragraphs(child(sp, 'txBody'), type !== undefined && BULLETED_PLACEHOLDERS.has(type), notes);
  if (paras.length) v.text(paras, isTitle ? 'title' : type === 'body' || type === 'obj' ? 'body' : 'other');
}

function frame(gf: XmlNode, v: Visitor): void {
  const tbl = path(gf, 'graphic', 'graphicData', 'tbl');
  if (tbl) {
    v.table(kids(tbl, 'tr').map((tr) => kids(tr, 'tc').map((tc) => (attr(tc, 'hMerge') === '1' || attr(tc, 'vMerge') === '1' ? '' : paragraphs(child(tc, 'txBody'), false).map((p) => p.text).join(' ')))));
    return;
  }
  const alt = altOf(path(gf, 'nvGraphicFramePr', 'cNvPr'));
  if (alt) v.alt(alt);
}

function altOf(cNvPr: XmlNode | undefined): string {
  return cNvPr ? clean(attr(cNvPr, 'descr') || attr(cNvPr, 'title') || '') : '';
}

/** Paragraphs of a text body. Line breaks inside one (a:br, or newlines pptxgenjs leaves in notes) join with a
 * space on slides, where the paragraph is the bullet; notes split on them, since there they separate thoughts. */
function paragraphs(txBody: XmlNode | undefined, bulletedByDefault: boolean, splitLines = false): PptxParagraph[] {
  return kids(txBody, 'p').flatMap((p) => {
    const lines = p.children.map(runText).join('').split(/[\n\r\u000b]+/).map(clean).filter(Boolean);
    if (lines.length === 0) return [];
    const pPr = child(p, 'pPr');
    const bullet = child(pPr, 'buNone') ? false : child(pPr, 'buChar') || child(pPr, 'buAutoNum') || child(pPr, 'buBlip') ? true : bulletedByDefault;
    const level = Number(attr(pPr ?? p, 'lvl') ?? 0) || 0;
    return (splitLines ? lines : [lines.join(' ')]).map((text) => ({ text, level, bullet }));
  });
}

function runText(n: XmlNode): string {
  if (n.name === 'r' || n.name === 'fld') return kids(n, 't').map((t) => t.children.map((c) => c.text ?? '').join('')).join('');
  return n.name === 'br' ? '\n' : '';
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The text form for `git diff` (textconv): one block per slide, notes after a rule. */
export function pptxToText(bytes: Uint8Array, shown?: string): string {
  return formatPptx(readPptx(bytes, shown));
}

export function formatPptx(doc: PptxDocument): string {
  const out: string[] = [];
  doc.slides.forEach((s, i) => {
    out.push(`=== Slide ${i + 1}${s.hidden ? ' (hidden)' : ''}: ${s.title || '(untitled)'}`);
    for (const p of s.texts) out.push(`${'  '.repeat(p.level)}${p.bullet ? '- ' : ''}${p.text}`);
    for (const rows of s.tables) {
      out.push('');
      for (const r of rows) out.push(`| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
    }
    if (s.alts.length) out.push('');
    for (const a of s.alts) out.push(`[picture] ${a}`);
    if (s.notes.length) out.push('', '--- notes ---', ...s.notes);
    out.push('');
  });
  return out.join('\n');
}
