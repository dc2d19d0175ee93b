// Exact shaped widths without running the shaper, for the text most decks are made of. fontkit's layout runs every
// GSUB and GPOS lookup of the font over every glyph (≈ 0.1 ms a string, more before V8 has warmed up); yet a
// string whose glyphs no substitution and no positioning other than pair kerning can touch shapes to its advances
// plus one kerning value per adjacent pair. This module reads those from the tables fontkit has parsed, following
// fontkit's own rules (src/opentype/*Processor.js, src/layout/KernProcessor.js in fontkit 2) so the sum is the same
// integer fontkit's run would give, and answers `undefined` for anything else, which the caller shapes as before.
// test/layout/plain-shaping.test.ts holds the two equal on every string the decks measure and on random text.

interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}

interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}

interface LazyArray<T> {
  length: number;
  get(i: number): T;
}

interface ValueRecord {
  xAdvance?: number | null;
}

/** A lookup subtable as fontkit parses it: only the fields read here are typed. */
interface SubTable {
  version: number;
  lookupType?: number;
  extension?: SubTable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  pairSets?: LazyArray<{ secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }[]>;
  ligatureSets?: LazyArray<{ components: number[] }[]>;
  ruleSets?: { input: number[] }[][];
  classDef?: ClassDef;
  classSet?: ({ classes: number[] }[] | null)[];
  chainRuleSets?: { backtrack: number[]; input: number[]; lookahead: number[] }[][];
  chainClassSet?: ({ backtrack: number[]; input: number[]; lookahead: number[] }[] | null)[];
  backtrackClassDef?: ClassDef;
  inputClassDef?: ClassDef;
  lookaheadClassDef?: ClassDef;
  backtrackGlyphCount?: number;
  backtrackCoverage?: Coverage[];
  inputGlyphCount?: number;
  lookaheadCoverage?: Coverage[];
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: LazyArray<LazyArray<{ value1?: ValueRecord; value2?: ValueRecord }>>;
}

interface Lookup {
  lookupType: number;
  flags: { markAttachmentType: number; flags: { ignoreMarks: boolean; ignoreBaseGlyphs: boolean; ignoreLigatures: boolean } };
  subTables: SubTable[];
}

interface LayoutTable {
  scriptList: { tag: string; script: { defaultLangSys?: { featureIndexes: number[] } } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: LazyArray<Lookup>;
}

interface KernTable {
  tables: { version: number; format: number; coverage: { crossStream?: boolean; horizontal?: boolean; vertical?: boolean; variation?: boolean; override?: boolean }; subtable: { pairs?: { left: number; right: number; value: number }[] } }[];
}

/** The parts of a fontkit font read here. */
export interface ShapedFont {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
  kern?: KernTable;
  fvar?: unknown;
  morx?: unknown;
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
  hasGlyphForCodePoint(cp: number): boolean;
}

/**
 * The script fontkit shapes a string in: its first Latin letter makes it 'latn'; a string of Common characters
 * only (digits, punctuation, spaces, symbols) is 'zzzz', which picks the font's DFLT (or latn) tables. Characters of
 * any other script, combining marks (Inherited), default-ignorable characters (drawn with no width), U+2044 (which
 * turns on fraction features) and anything past U+2BFF are never plain.
 */
export type Script = 'latn' | 'zzzz';
const LATIN = /^\p{Script=Latin}$/u;
const COMMON = /^\p{Script=Common}$/u;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const scriptOfChar = new Map<number, Script | null>();

function charScript(code: number): Script | null {
  let s = scriptOfChar.get(code);
  if (s === undefined) {
    const ch = String.fromCharCode(code);
    s = code < 0x20 || code > 0x2bff || code === 0x2044 || IGNORABLE.test(ch) ? null : LATIN.test(ch) ? 'latn' : COMMON.test(ch) ? 'zzzz' : null;
    scriptOfChar.set(code, s);
  }
  return s;
}

/** The script fontkit shapes `text` in (Script.forString), or undefined when some character is never plain. */
export function plainScript(text: string): Script | undefined {
  let script: Script = 'zzzz';
  for (let i = 0; i < text.length; i++) {
    const s = charScript(text.charCodeAt(i));
    if (s === null) return undefined;
    if (s === 'latn') script = s;
  }
  return script;
}

/** The features fontkit's DefaultShaper applies to every glyph of a left-to-right run (its local fraction features need U+2044). */
const GLOBAL_FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];

/** A substitution that starts at a glyph only in some contexts (a ligature, a contextual rule). */
interface Conditional {
  type: number;
  st: SubTable;
}

/** One (script's) view of a font: what plain text may contain there, and how its pairs kern. */
interface ScriptTables {
  /** Glyphs some applied lookup always acts on (a single substitution, positioning other than pair kerning, marks). */
  blocked: Set<number>;
  /** Glyphs a ligature or contextual substitution starts at: plain only where none of its rules matches. */
  conditional: Map<number, Conditional[]>;
  /** Pair-kerning subtables of each applied GPOS pair lookup, in the order fontkit applies the lookups. */
  pairLookups: SubTable[][];
  /** The legacy kern table's pairs, when fontkit falls back to it (the script's GPOS features have no kern). */
  kernPairs?: Map<number, number>[];
  kernOverride?: boolean[];
  pairs: Map<number, number>;
}

const shapers = new WeakMap<ShapedFont, PlainShaper | null>();

/**
 * The advance width in font units fontkit's `font.layout(text)` gives, computed from advances and pair kerning when
 * nothing else in the font can touch `text`; `undefined` when something might (shape it with fontkit then).
 */
export function plainUnits(font: ShapedFont, text: string): number | undefined {
  let shaper = shapers.get(font);
  if (shaper === undefined) {
    shaper = PlainShaper.for(font);
    shapers.set(font, shaper);
  }
  return shaper?.units(text);
}

class PlainShaper {
  private readonly scripts = new Map<Script, ScriptTables | null>();
  private readonly glyphs = new Map<number, { id: number; advance: number } | null>();

  private constructor(
    private readonly font: ShapedFont,
    private readonly glyphClass: ClassDef,
  ) {}

  /** Fonts whose widths vary (fvar), that shape with AAT (morx) or have no glyph classes are left to fontkit. */
  static for(font: ShapedFont): PlainShaper | null {
    const classes = font.GDEF?.glyphClassDef;
    if (font.fvar || font.morx || !classes) return null;
    return new PlainShaper(font, classes);
  }

  units(text: string): number | undefined {
    const script = plainScript(text);
    if (!script) return undefined;
    const tables = this.tablesFor(script);
    if (!tables) return undefined;
    const ids: number[] = new Array(text.length);
    let units = 0;
    for (let i = 0; i < text.length; i++) {
      const g = this.glyph(text.charCodeAt(i));
      if (!g || tables.blocked.has(g.id)) return undefined;
      ids[i] = g.id;
      units += g.advance;
      if (i > 0) units += this.pair(tables, ids[i - 1], g.id);
    }
    // No substitution acts on the glyphs as they stand, so none acts at all: the run keeps its glyphs.
    for (let i = 0; i < ids.length; i++) for (const c of tables.conditional.get(ids[i]) ?? []) if (substitutes(c, ids, i)) return undefined;
    return units;
  }

  /**
   * A character's glyph and advance; null when the font lacks it. fontkit keeps each glyph object with the code
   * points it was first made for, and reads a .notdef's from there (measure.ts measures those in a fallback font):
   * so a missing character is left to fontkit's own run, never looked up here.
   */
  private glyph(code: number): { id: number; advance: number } | null {
    let g = this.glyphs.get(code);
    if (g === undefined) {
      if (this.font.hasGlyphForCodePoint(code)) {
        const glyph = this.font.glyphForCodePoint(code);
        g = { id: glyph.id, advance: glyph.advanceWidth };
      } else g = null;
      this.glyphs.set(code, g);
    }
    return g;
  }

  private tablesFor(script: Script): ScriptTables | null {
    let t = this.scripts.get(script);
    if (t === undefined) {
      t = this.derive(script);
      this.scripts.set(script, t);
    }
    return t;
  }

  /** What fontkit's OTLayoutEngine would apply to a run in `script`, as OTProcessor.selectScript and lookupsForFeatures pick it. */
  private derive(script: Script): ScriptTables | null {
    const { GSUB, GPOS } = this.font;
    // Without GPOS fontkit positions marks by Unicode rules instead: not followed here.
    if (!GPOS) return null;
    const blocked = new Set<number>();
    const conditional = new Map<number, Conditional[]>();
    const pairLookups: SubTable[][] = [];
    const skips = { ignoreBaseGlyphs: false, ignoreLigatures: false };
    for (const [table, gpos] of [[GSUB, false], [GPOS, true]] as const) {
      if (!table) continue;
      for (const lookup of appliedLookups(table, script)) {
        const extension = lookup.lookupType === (gpos ? 9 : 7);
        const parts = lookup.subTables.map((st) => (extension ? { type: st.lookupType!, st: st.extension! } : { type: lookup.lookupType, st }));
        if (gpos && parts.every((p) => p.type === 2)) {
          pairLookups.push(parts.map((p) => p.st));
          skips.ignoreBaseGlyphs ||= lookup.flags.flags.ignoreBaseGlyphs;
          skips.ignoreLigatures ||= lookup.flags.flags.ignoreLigatures;
          continue;
        }
        // A lookup that skips base glyphs or ligatures would match across plain glyphs: taken as acting wherever it starts.
        const contiguous = !lookup.flags.flags.ignoreBaseGlyphs && !lookup.flags.flags.ignoreLigatures;
        for (const { type, st } of parts) {
          const first = firstCoverage(type, st, gpos);
          if (!first) return null; // a subtable not understood here: leave the script to fontkit
          const when = !gpos && contiguous && [4, 5, 6].includes(type);
          for (const id of coverageGlyphs(first)) {
            if (!when) blocked.add(id);
            else if (conditional.has(id)) conditional.get(id)!.push({ type, st });
            else conditional.set(id, [{ type, st }]);
          }
        }
      }
    }
    // Marks get no advance after positioning; glyphs a pair lookup skips would kern with their neighbours' neighbours.
    for (const id of classGlyphs(this.glyphClass, (c) => c === 3 || (skips.ignoreBaseGlyphs && c === 1) || (skips.ignoreLigatures && c === 2))) blocked.add(id);
    const tables: ScriptTables = { blocked, conditional, pairLookups, pairs: new Map() };
    // LayoutEngine.position: the kern table applies when the script's GPOS features have no kern.
    if (!appliedFeatures(GPOS, script).has('kern') && this.font.kern) {
      const legacy = legacyKern(this.font.kern);
      if (!legacy) return null;
      Object.assign(tables, legacy);
    }
    return tables;
  }

  /** The kerning fontkit adds between two adjacent plain glyphs (remembered: a deck repeats its pairs). */
  private pair(tables: ScriptTables, left: number, right: number): number {
    const key = left * 0x10000 + right;
    let v = tables.pairs.get(key);
    if (v === undefined) {
      v = 0;
      for (const subTables of tables.pairLookups) v += pairValue(subTables, left, right);
      if (tables.kernPairs) {
        // KernProcessor.getKerning: the tables add up; an override table replaces what came before it.
        let k = 0;
        tables.kernPairs.forEach((pairs, i) => {
          const val = pairs.get(key) ?? 0;
          k = tables.kernOverride![i] ? val : k + val;
        });
        v += k;
      }
      tables.pairs.set(key, v);
    }
    return v;
  }
}

/** The script entry fontkit selects (OTProcessor.selectScript), its default language's features by tag. */
function appliedFeatures(table: LayoutTable, script: Script): Map<string, { lookupListIndexes: number[] }> {
  const entry = table.scriptList.find((e) => e.tag === script) ?? ['DFLT', 'dflt', 'latn'].map((tag) => table.scriptList.find((e) => e.tag === tag)).find(Boolean);
  const features = new Map<string, { lookupListIndexes: number[] }>();
  for (const i of entry?.script.defaultLangSys?.featureIndexes ?? []) features.set(table.featureList[i].tag, table.featureList[i].feature);
  return features;
}

/** The lookups applied to a plain run, in fontkit's order (by index; a lookup two features list runs twice). */
function appliedLookups(table: LayoutTable, script: Script): Lookup[] {
  const features = appliedFeatures(table, script);
  const indexes = GLOBAL_FEATURES.flatMap((tag) => features.get(tag)?.lookupListIndexes ?? []);
  return indexes.sort((a, b) => a - b).map((i) => table.lookupList.get(i));
}

/**
 * The coverage a subtable's current glyph must be in for fontkit to apply it (GSUBProcessor / GPOSProcessor /
 * OTProcessor.applyContext and applyChainingContext): a run none of whose glyphs is in it is left alone.
 */
function firstCoverage(type: number, st: SubTable, gpos: boolean): Coverage | undefined {
  if (gpos && (type === 4 || type === 5)) return st.markCoverage;
  if (gpos && type === 6) return st.mark1Coverage;
  if (st.version === 3 && st.coverages) return st.coverages[0];
  if (st.version === 3 && st.inputCoverage) return st.inputCoverage[0];
  return st.coverage;
}

function coverageGlyphs(c: Coverage): number[] {
  if (c.version === 1) return c.glyphs ?? [];
  const out: number[] = [];
  for (const r of c.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) out.push(g);
  return out;
}

function coverageIndex(c: Coverage, glyph: number): number {
  if (c.version === 1) return c.glyphs!.indexOf(glyph);
  for (const r of c.rangeRecords ?? []) if (r.start <= glyph && glyph <= r.end) return r.startCoverageIndex + glyph - r.start;
  return -1;
}

function classOf(c: ClassDef, glyph: number): number {
  if (c.version === 1) {
    const i = glyph - c.startGlyph!;
    return i >= 0 && i < c.classValueArray!.length ? c.classValueArray![i] : 0;
  }
  for (const r of c.classRangeRecord ?? []) if (r.start <= glyph && glyph <= r.end) return r.class;
  return 0;
}

function classGlyphs(c: ClassDef, keep: (cls: number) => boolean): number[] {
  const out: number[] = [];
  if (c.version === 1) c.classValueArray!.forEach((cls, i) => keep(cls) && out.push(c.startGlyph! + i));
  else for (const r of c.classRangeRecord ?? []) if (keep(r.class)) for (let g = r.start; g <= r.end; g++) out.push(g);
  return out;
}

/**
 * Whether a ligature or contextual substitution applies at ids[at], as GSUBProcessor and OTProcessor.applyContext /
 * applyChainingContext decide it on a run no lookup skips a glyph of. OTProcessor.match compares a sequence starting
 * `from` glyphs away, in reading order (for backtracks too: fontkit reads them forwards, and so must we to agree).
 */
function substitutes({ type, st }: Conditional, ids: number[], at: number): boolean {
  const seq = <T>(from: number, items: T[], same: (item: T, glyph: number) => boolean): boolean => {
    if (items.length === 0) return true;
    const start = at + from;
    if (start < 0 || start + items.length > ids.length) return false;
    return items.every((item, k) => same(item, ids[start + k]));
  };
  const glyphs = (from: number, items: number[]) => seq(from, items, (g, id) => g === id);
  const classes = (from: number, items: number[], def: ClassDef) => seq(from, items, (c, id) => c === classOf(def, id));
  const coverages = (from: number, items: Coverage[]) => seq(from, items, (c, id) => coverageIndex(c, id) >= 0);
  const cur = ids[at];
  if (type === 4) return st.ligatureSets!.get(coverageIndex(st.coverage!, cur)).some((lig) => glyphs(1, lig.components));
  if (type === 5) {
    if (st.version === 1) return st.ruleSets![coverageIndex(st.coverage!, cur)].some((r) => glyphs(1, r.input));
    if (st.version === 2) {
      const set = st.classSet![classOf(st.classDef!, cur)];
      return !set || set.some((r) => classes(1, r.classes, st.classDef!));
    }
    return coverages(0, st.coverages!);
  }
  if (st.version === 1) return st.chainRuleSets![coverageIndex(st.coverage!, cur)].some((r) => glyphs(-r.backtrack.length, r.backtrack) && glyphs(1, r.input) && glyphs(1 + r.input.length, r.lookahead));
  if (st.version === 2) {
    const rules = st.chainClassSet![classOf(st.inputClassDef!, cur)];
    return !!rules && rules.some((r) => classes(-r.backtrack.length, r.backtrack, st.backtrackClassDef!) && classes(1, r.input, st.inputClassDef!) && classes(1 + r.input.length, r.lookahead, st.lookaheadClassDef!));
  }
  return coverages(-st.backtrackGlyphCount!, st.backtrackCoverage!) && coverages(0, st.inputCoverage!) && coverages(st.inputGlyphCount!, st.lookaheadCoverage!);
}

const xAdvance = (v: ValueRecord | undefined) => v?.xAdvance ?? 0;

/** One pair lookup on (left, right), as GPOSProcessor applies lookup type 2: the first subtable that applies wins. */
function pairValue(subTables: SubTable[], left: number, right: number): number {
  for (const st of subTables) {
    const index = coverageIndex(st.coverage!, left);
    if (index === -1) continue;
    if (st.version === 1) {
      const pair = st.pairSets!.get(index).find((p) => p.secondGlyph === right);
      if (pair) return xAdvance(pair.value1) + xAdvance(pair.value2);
      continue;
    }
    const record = st.classRecords!.get(classOf(st.classDef1!, left)).get(classOf(st.classDef2!, right));
    return xAdvance(record.value1) + xAdvance(record.value2);
  }
  return 0;
}

/** The kern table as KernProcessor reads it (format 0 pairs only; anything else is left to fontkit). */
function legacyKern(kern: KernTable): { kernPairs: Map<number, number>[]; kernOverride: boolean[] } | undefined {
  const kernPairs: Map<number, number>[] = [];
  const kernOverride: boolean[] = [];
  for (const t of kern.tables) {
    if (t.coverage.crossStream) continue;
    if (t.version === 0 ? !t.coverage.horizontal : t.coverage.vertical || t.coverage.variation) continue;
    if (t.format !== 0 || !t.subtable.pairs) return undefined;
    kernPairs.push(new Map(t.subtable.pairs.map((p) => [p.left * 0x10000 + p.right, p.value])));
    kernOverride.push(!!t.coverage.override);
  }
  return { kernPairs, kernOverride };
}
