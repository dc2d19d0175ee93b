// Exact shaped widths without running the shaper, for the text most decks are made of. fontkit's layout runs every
// GSUB and GPOS lookup of the font over every glyph (≈ 0.1 ms a string, more before V8 has warmed up); yet in Latin
// text most glyphs meet no substitution but ligatures, and no positioning but pair kerning. This module follows
// fontkit on exactly those (opentype-tables.ts mirrors how it reads the tables), so the units are the integer
// fontkit's run gives, and answers `undefined` for anything else, which the caller shapes with fontkit as before.
// test/layout/plain-shaping.test.ts holds the two equal on every string the decks measure and on random text.
import {
  appliedFeatures,
  appliedLookups,
  classGlyphs,
  contextMatches,
  coverageGlyphs,
  coverageIndex,
  firstCoverage,
  legacyKern,
  ligatureAt,
  pairValue,
  type ClassDef,
  type Coverage,
  type KernTable,
  type LayoutTable,
  type SubTable,
} from './opentype-tables.js';

/** The parts of a fontkit font read here. */
export interface ShapedFont {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
  kern?: KernTable;
  fvar?: unknown;
  morx?: unknown;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number; codePoints: number[] };
  getGlyph(id: number, codePoints?: number[]): { advanceWidth: number };
  hmtx?: { metrics: { length: number; get(index: number): { advance: number } | undefined } };
  /** fontkit's cmap reader (what glyphForCodePoint looks a character up with). */
  _cmapProcessor?: { lookup(codePoint: number): number };
}

/** A run as fontkit shapes it, in what measure.ts reads from it. */
export interface PlainRun {
  /** The shaped advances of the glyphs the font has, in font units (fontkit's advanceWidth less its .notdef glyphs'). */
  units: number;
  /** The code points of the run's .notdef glyphs, in order (measured in a fallback font). */
  missing: number[];
}

/**
 * The script fontkit shapes a string in (Script.forString): its first Latin letter makes it 'latn'; Common characters
 * only (digits, punctuation, spaces, symbols) make 'zzzz', which picks the font's DFLT (or latn) tables. Characters of
 * other scripts, combining marks (Inherited), default-ignorable characters (drawn with no width), U+2044 (it starts
 * fraction features) and anything past U+2BFF are never plain.
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

/** The script fontkit shapes `text` in, or undefined when some character is never plain. */
export function plainScript(text: string): Script | undefined {
  let script: Script = 'zzzz';
  for (let i = 0; i < text.length; i++) {
    const s = charScript(text.charCodeAt(i));
    if (s === null) return undefined;
    if (s === 'latn') script = s;
  }
  return script;
}

/** One applied GSUB lookup: its subtables with the coverage each starts at. */
interface Substitution {
  parts: { type: number; st: SubTable; first: Coverage }[];
  /** False when it skips base glyphs or ligatures: its matches would jump over plain glyphs, which is not followed here. */
  contiguous: boolean;
}

/** One script's view of a font. */
interface ScriptTables {
  /** The applied GSUB lookups in fontkit's order, and for each glyph which of them (by position) can start at it. */
  substitutions: Substitution[];
  startsAt: Map<number, number[]>;
  /** Glyphs positioning other than pair kerning acts on, marks, and glyphs a pair lookup skips: never plain. */
  blocked: Set<number>;
  /** Pair-kerning subtables of each applied GPOS pair lookup, in the order fontkit applies the lookups. */
  pairLookups: SubTable[][];
  /** The legacy kern table's pairs, when fontkit falls back to it (the script's GPOS features have no kern). */
  kern?: { kernPairs: Map<number, number>[]; kernOverride: boolean[] };
  pairs: Map<number, [number, number]>;
}

const shapers = new WeakMap<ShapedFont, PlainShaper | null>();

/** `text` as fontkit's `font.layout(text)` shapes it, when only ligatures and pair kerning act on it; else undefined. */
export function plainRun(font: ShapedFont, text: string): PlainRun | undefined {
  let shaper = shapers.get(font);
  if (shaper === undefined) {
    shaper = PlainShaper.for(font);
    shapers.set(font, shaper);
  }
  return shaper?.run(text);
}

class PlainShaper {
  private readonly scripts = new Map<Script, ScriptTables | null>();
  /** Glyph id by code point (0: the font lacks it), and advance by glyph id. */
  private readonly ids = new Map<number, number>();
  private readonly advances = new Map<number, number>();

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

  run(text: string): PlainRun | undefined {
    const script = plainScript(text);
    if (!script) return undefined;
    const t = this.tablesFor(script);
    if (!t) return undefined;
    const ids: number[] = new Array(text.length);
    // The characters the font lacks, in text order (ligatures, which change ids' positions, never take a .notdef).
    const missing: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let id = this.ids.get(code);
      if (id === undefined) {
        id = this.font.hasGlyphForCodePoint(code) ? this.glyphOf(code) : 0;
        this.ids.set(code, id);
      }
      if (id === 0) missing.push(code);
      else if (t.blocked.has(id)) return undefined;
      ids[i] = id;
    }
    if (!this.substitute(t, ids, text)) return undefined;
    let units = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (t.blocked.has(id)) return undefined;
      if (id !== 0) units += this.advances.get(id)!;
      if (i === 0) continue;
      // Kerning lands on the advances of both glyphs of a pair; a .notdef's share is dropped with its advance.
      const [toLeft, toRight] = this.pair(t, ids[i - 1], id);
      if (ids[i - 1] !== 0) units += toLeft;
      if (id !== 0) units += toRight;
    }
    return { units, missing };
  }

  /**
   * The glyph fontkit's glyphForCodePoint gives, and its advance, read from the cmap and hmtx without making
   * fontkit's Glyph: making one classifies its characters (building unicode-properties' trie) and reading its
   * advanceWidth decodes its outline for vertical metrics no run reads (together ≈ 30 ms of a rebuild that
   * measures one new title).
   */
  private glyphOf(code: number): number {
    const id = this.font._cmapProcessor?.lookup(code);
    const advance = id === undefined ? undefined : this.advanceOf(id);
    if (id === undefined || advance === undefined) {
      const g = this.font.glyphForCodePoint(code);
      this.advances.set(g.id, g.advanceWidth);
      return g.id;
    }
    this.advances.set(id, advance);
    return id;
  }

  /** A glyph's advance as Glyph.advanceWidth gives it in a font without variations (PlainShaper.for leaves those to fontkit): hmtx, as Glyph._getTableMetrics reads it. */
  private advanceOf(id: number): number | undefined {
    const metrics = this.font.hmtx?.metrics;
    if (!metrics || metrics.length === 0) return undefined;
    return metrics.get(Math.min(id, metrics.length - 1))?.advance;
  }

  /**
   * Applies the GSUB lookups that can start at a glyph of the run, in fontkit's order, each over the whole run as
   * GSUBProcessor does: ligatures are formed, a contextual rule that matches or any other substitution gives up
   * (false). Most runs meet none.
   */
  private substitute(t: ScriptTables, ids: number[], text: string): boolean {
    const pending = [...new Set(ids.flatMap((id) => t.startsAt.get(id) ?? []))].sort((a, b) => a - b);
    let chars: number[][] | undefined;
    for (let p = 0; p < pending.length; p++) {
      const lookup = t.substitutions[pending[p]];
      for (let i = 0; i < ids.length; i++) {
        const applied = applyAt(lookup, ids, i);
        if (applied === 'other') return false;
        if (!applied) continue;
        // The ligature glyph, made for the characters it stands for (as fontkit makes it), then the lookups after this one that can start at it.
        chars ??= Array.from(text, (ch) => [ch.charCodeAt(0)]);
        const n = 1 + applied.components.length;
        const glyphChars = chars.slice(i, i + n).flat();
        ids.splice(i, n, applied.glyph);
        chars.splice(i, n, glyphChars);
        if (!this.advances.has(applied.glyph)) this.advances.set(applied.glyph, this.advanceOf(applied.glyph) ?? this.font.getGlyph(applied.glyph, glyphChars).advanceWidth);
        if (t.blocked.has(applied.glyph)) return false;
        for (const later of t.startsAt.get(applied.glyph) ?? []) if (later > pending[p] && !pending.includes(later)) pending.splice(sortedIndex(pending, later), 0, later);
      }
    }
    return true;
  }

  private tablesFor(script: Script): ScriptTables | null {
    let t = this.scripts.get(script);
    if (t === undefined) {
      t = this.derive(script);
      this.scripts.set(script, t);
    }
    return t;
  }

  /** What fontkit's OTLayoutEngine applies to a run in `script` (OTProcessor.selectScript, lookupsForFeatures). */
  private derive(script: Script): ScriptTables | null {
    const { GSUB, GPOS } = this.font;
    // Without GPOS fontkit positions marks by Unicode rules instead: not followed here.
    if (!GPOS) return null;
    const substitutions: Substitution[] = [];
    const startsAt = new Map<number, number[]>();
    const blocked = new Set<number>();
    const pairLookups: SubTable[][] = [];
    const skips = { ignoreBaseGlyphs: false, ignoreLigatures: false };
    for (const [table, gpos] of [[GSUB, false], [GPOS, true]] as const) {
      if (!table) continue;
      for (const lookup of appliedLookups(table, script)) {
        const extension = lookup.lookupType === (gpos ? 9 : 7);
        const parts: Substitution['parts'] = [];
        for (const st of lookup.subTables) {
          const [type, sub] = extension ? [st.lookupType!, st.extension!] : [lookup.lookupType, st];
          const first = firstCoverage(type, sub, gpos);
          if (!first) return null; // a subtable not understood here: leave the script to fontkit
          parts.push({ type, st: sub, first });
        }
        const { ignoreBaseGlyphs, ignoreLigatures } = lookup.flags.flags;
        if (!gpos) {
          const index = substitutions.push({ parts, contiguous: !ignoreBaseGlyphs && !ignoreLigatures }) - 1;
          for (const id of new Set(parts.flatMap((p) => coverageGlyphs(p.first)))) startsAt.set(id, [...(startsAt.get(id) ?? []), index]);
        } else if (parts.every((p) => p.type === 2)) {
          pairLookups.push(parts.map((p) => p.st));
          skips.ignoreBaseGlyphs ||= ignoreBaseGlyphs;
          skips.ignoreLigatures ||= ignoreLigatures;
        } else for (const p of parts) for (const id of coverageGlyphs(p.first)) blocked.add(id);
      }
    }
    // Marks get no advance after positioning (and lookups skip them); glyphs a pair lookup skips would kern with
    // their neighbours' neighbours.
    for (const id of classGlyphs(this.glyphClass, (c) => c === 3 || (skips.ignoreBaseGlyphs && c === 1) || (skips.ignoreLigatures && c === 2))) blocked.add(id);
    const tables: ScriptTables = { substitutions, startsAt, blocked, pairLookups, pairs: new Map() };
    // LayoutEngine.position: the kern table applies when the script's GPOS features have no kern.
    if (!appliedFeatures(GPOS, script).has('kern') && this.font.kern) {
      const kern = legacyKern(this.font.kern);
      if (!kern) return null;
      tables.kern = kern;
    }
    return tables;
  }

  /** The kerning fontkit adds to the left and to the right glyph of a pair: every pair lookup, then the kern table. */
  private pair(t: ScriptTables, left: number, right: number): [number, number] {
    const key = left * 0x10000 + right;
    let v = t.pairs.get(key);
    if (v === undefined) {
      v = [0, 0];
      for (const subTables of t.pairLookups) {
        const [a, b] = pairValue(subTables, left, right);
        v[0] += a;
        v[1] += b;
      }
      if (t.kern) {
        // KernProcessor.getKerning: the tables add up; an override table replaces what came before it.
        let k = 0;
        t.kern.kernPairs.forEach((pairs, i) => {
          const val = pairs.get(key) ?? 0;
          k = t.kern!.kernOverride[i] ? val : k + val;
        });
        v[0] += k;
      }
      t.pairs.set(key, v);
    }
    return v;
  }
}

/** What one GSUB lookup does at ids[at]: forms a ligature, does something else ('other'), or nothing. */
function applyAt(lookup: Substitution, ids: number[], at: number): { glyph: number; components: number[] } | 'other' | undefined {
  for (const { type, st, first } of lookup.parts) {
    if (coverageIndex(first, ids[at]) === -1) continue;
    if (!lookup.contiguous) return 'other';
    if (type === 4) {
      const lig = ligatureAt(st, ids, at);
      if (lig) return lig;
    } else if (type === 5 || type === 6) {
      if (contextMatches(type, st, ids, at)) return 'other';
    } else return 'other';
  }
  return undefined;
}

function sortedIndex(sorted: number[], value: number): number {
  let i = 0;
  while (i < sorted.length && sorted[i] < value) i++;
  return i;
}
