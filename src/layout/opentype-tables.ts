// OpenType layout tables as fontkit 2 parses and applies them (src/opentype/OTProcessor.js, GSUBProcessor.js,
// GPOSProcessor.js, src/layout/KernProcessor.js), read the same way for plain-shaping.ts: which lookups a run gets,
// where a subtable starts, whether a ligature or context matches, what a pair kerns. fontkit's own readings are kept
// where they differ from the OpenType specification (a lookup two features list runs twice; backtracks are read in
// reading order), since the point is to agree with fontkit to the unit.

export interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}

export interface ClassDef {
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
export interface SubTable {
  version: number;
  lookupType?: number;
  extension?: SubTable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  pairSets?: LazyArray<{ secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }[]>;
  ligatureSets?: LazyArray<{ glyph: number; components: number[] }[]>;
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

export interface Lookup {
  lookupType: number;
  flags: { markAttachmentType: number; flags: { ignoreMarks: boolean; ignoreBaseGlyphs: boolean; ignoreLigatures: boolean } };
  subTables: SubTable[];
}

export interface LayoutTable {
  scriptList: { tag: string; script: { defaultLangSys?: { featureIndexes: number[] } } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: LazyArray<Lookup>;
}

export interface KernTable {
  tables: { version: number; format: number; coverage: { crossStream?: boolean; horizontal?: boolean; vertical?: boolean; variation?: boolean; override?: boolean }; subtable: { pairs?: { left: number; right: number; value: number }[] } }[];
}

/** The features fontkit's DefaultShaper applies to every glyph of a left-to-right run (its local fraction features need U+2044). */
export const GLOBAL_FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];

/** The script entry fontkit selects (OTProcessor.selectScript), its default language's features by tag. */
export function appliedFeatures(table: LayoutTable, script: string): Map<string, { lookupListIndexes: number[] }> {
  const entry = table.scriptList.find((e) => e.tag === script) ?? ['DFLT', 'dflt', 'latn'].map((tag) => table.scriptList.find((e) => e.tag === tag)).find(Boolean);
  const features = new Map<string, { lookupListIndexes: number[] }>();
  for (const i of entry?.script.defaultLangSys?.featureIndexes ?? []) features.set(table.featureList[i].tag, table.featureList[i].feature);
  return features;
}

/** The lookups applied to a plain run, in fontkit's order (by index; a lookup two features list runs twice). */
export function appliedLookups(table: LayoutTable, script: string): Lookup[] {
  const features = appliedFeatures(table, script);
  const indexes = GLOBAL_FEATURES.flatMap((tag) => features.get(tag)?.lookupListIndexes ?? []);
  return indexes.sort((a, b) => a - b).map((i) => table.lookupList.get(i));
}

/**
 * The coverage a subtable's current glyph must be in for fontkit to apply it (GSUBProcessor / GPOSProcessor /
 * OTProcessor.applyContext and applyChainingContext): a run none of whose glyphs is in it is left alone.
 */
export function firstCoverage(type: number, st: SubTable, gpos: boolean): Coverage | undefined {
  if (gpos && (type === 4 || type === 5)) return st.markCoverage;
  if (gpos && type === 6) return st.mark1Coverage;
  if (st.version === 3 && st.coverages) return st.coverages[0];
  if (st.version === 3 && st.inputCoverage) return st.inputCoverage[0];
  return st.coverage;
}

export function coverageGlyphs(c: Coverage): number[] {
  if (c.version === 1) return c.glyphs ?? [];
  const out: number[] = [];
  for (const r of c.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) out.push(g);
  return out;
}

export function coverageIndex(c: Coverage, glyph: number): number {
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

export function classGlyphs(c: ClassDef, keep: (cls: number) => boolean): number[] {
  const out: number[] = [];
  if (c.version === 1) c.classValueArray!.forEach((cls, i) => keep(cls) && out.push(c.startGlyph! + i));
  else for (const r of c.classRangeRecord ?? []) if (keep(r.class)) for (let g = r.start; g <= r.end; g++) out.push(g);
  return out;
}

/** Whether `items` match the glyphs from ids[start] on (OTProcessor.match on a run no lookup skips a glyph of). */
function matches<T>(ids: number[], start: number, items: T[], same: (item: T, glyph: number) => boolean): boolean {
  if (items.length === 0) return true;
  if (start < 0 || start + items.length > ids.length) return false;
  return items.every((item, k) => same(item, ids[start + k]));
}

/** The ligature a type 4 subtable forms at ids[at] (GSUBProcessor: the first of its set whose components follow), if any. */
export function ligatureAt(st: SubTable, ids: number[], at: number): { glyph: number; components: number[] } | undefined {
  const index = coverageIndex(st.coverage!, ids[at]);
  return index === -1 ? undefined : st.ligatureSets!.get(index).find((lig) => matches(ids, at + 1, lig.components, (g, id) => g === id));
}

/**
 * Whether a contextual (5) or chaining contextual (6) subtable applies at ids[at] (OTProcessor.applyContext and
 * applyChainingContext). Sequences are compared `from` glyphs away in reading order, backtracks included, as fontkit does.
 */
export function contextMatches(type: 5 | 6, st: SubTable, ids: number[], at: number): boolean {
  const glyphs = (from: number, items: number[]) => matches(ids, at + from, items, (g, id) => g === id);
  const classes = (from: number, items: number[], def: ClassDef) => matches(ids, at + from, items, (c, id) => c === classOf(def, id));
  const coverages = (from: number, items: Coverage[]) => matches(ids, at + from, items, (c, id) => coverageIndex(c, id) >= 0);
  const cur = ids[at];
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

/**
 * One pair lookup on (left, right), as GPOSProcessor applies lookup type 2 (the first subtable that applies wins):
 * what it adds to the left glyph's advance and to the right one's.
 */
export function pairValue(subTables: SubTable[], left: number, right: number): [number, number] {
  for (const st of subTables) {
    const index = coverageIndex(st.coverage!, left);
    if (index === -1) continue;
    if (st.version === 1) {
      const pair = st.pairSets!.get(index).find((p) => p.secondGlyph === right);
      if (pair) return [xAdvance(pair.value1), xAdvance(pair.value2)];
      continue;
    }
    const record = st.classRecords!.get(classOf(st.classDef1!, left)).get(classOf(st.classDef2!, right));
    return [xAdvance(record.value1), xAdvance(record.value2)];
  }
  return [0, 0];
}

/** The kern table as KernProcessor reads it: format 0 pairs only (undefined for anything else). */
export function legacyKern(kern: KernTable): { kernPairs: Map<number, number>[]; kernOverride: boolean[] } | undefined {
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
