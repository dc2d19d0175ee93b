// Chart fonts: copies of the shipped font files that keep only the glyphs chart text uses (dist/chart-fonts/).
// resvg-js reads a whole font file from disk each time it needs a glyph's outline or metrics (several times per
// character drawn): with Carlito's 636 KB that was ≈ 12 ms of every chart's PNG. A trimmed copy is every table of
// the original byte for byte except `glyf` and `loca`, where a glyph outside the kept set becomes empty. Glyph ids,
// cmap, metrics, kerning and substitutions are unchanged, so a text whose characters are all in CHART_CHARS shapes
// and draws to the same pixels (test/charts/chart-fonts.test.ts); the drawing code uses the copies only then
// (src/charts/svg-fonts.ts), else the originals.
import * as fontkit from 'fontkit';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');

/** The characters the copies draw: Latin, Greek, punctuation and the symbols gonogo's charts write. */
export const CHART_CHARS = [
  range(0x20, 0x7e),
  range(0xa0, 0x17f), // Latin-1 and Latin Extended-A
  range(0x391, 0x3c9), // Greek letters
  range(0x2010, 0x2044), // dashes, quotes, bullets, ellipsis, per mille, primes
  '\u20ac\u2122\u2190\u2191\u2192\u2193\u2194\u2212\u2213\u2219\u221a\u221d\u221e\u2248\u2260\u2264\u2265',
  '\u25a0\u25b2\u25bc\u25c6\u25cb\u25cf\u2605\u2713\u2717',
].join('');

/** A font file's tables by tag. */
function tablesOf(bytes) {
  const tables = new Map();
  for (let i = 0; i < bytes.readUInt16BE(4); i++) {
    const at = 12 + 16 * i;
    const offset = bytes.readUInt32BE(at + 8);
    tables.set(bytes.toString('latin1', at, at + 4), bytes.subarray(offset, offset + bytes.readUInt32BE(at + 12)));
  }
  return tables;
}

const list = (x) => (x ? (typeof x.toArray === 'function' ? x.toArray() : x) : []);

function coverageGlyphs(coverage) {
  if (!coverage) return [];
  if (coverage.glyphs) return list(coverage.glyphs);
  return list(coverage.rangeRecords).flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i));
}

/**
 * Every glyph any GSUB lookup can put out, whatever its context: more than shaping the kept characters can reach,
 * never less (contextual lookups only call these lookups).
 */
function substitutionOutputs(font) {
  const out = new Set();
  for (const lookup of list(font.GSUB?.lookupList)) {
    for (let table of list(lookup.subTables)) {
      let type = lookup.lookupType;
      if (type === 7) ({ lookupType: type, extension: table } = table);
      if (type === 1) {
        if (table.version === 1) for (const g of coverageGlyphs(table.coverage)) out.add((g + table.deltaGlyphID) & 0xffff);
        else for (const g of list(table.substitute)) out.add(g);
      } else if (type === 2) for (const s of list(table.sequences)) for (const g of list(s)) out.add(g);
      else if (type === 3) for (const s of list(table.alternateSet)) for (const g of list(s)) out.add(g);
      else if (type === 4) for (const s of list(table.ligatureSets)) for (const l of list(s)) out.add(l.glyph);
      else if (type === 8) for (const g of list(table.substitutes)) out.add(g);
    }
  }
  return out;
}

/** The glyphs `glyf` entries refer to as components, added to `keep` until none is missing. */
function addComponents(keep, glyphAt) {
  const todo = [...keep];
  while (todo.length) {
    const g = glyphAt(todo.pop());
    if (g.length < 10 || g.readInt16BE(0) >= 0) continue; // empty or simple
    for (let at = 10; ; ) {
      const flags = g.readUInt16BE(at);
      const component = g.readUInt16BE(at + 2);
      if (!keep.has(component)) {
        keep.add(component);
        todo.push(component);
      }
      at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
      if (!(flags & 0x20)) break;
    }
  }
}

function checksum(bytes) {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) sum = (sum + (bytes[i] << 24 | bytes[i + 1] << 16 | bytes[i + 2] << 8 | bytes[i + 3])) >>> 0;
  return sum;
}

const padded = (b) => (b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b);

/** `bytes` (a TrueType font) with every glyph that `chars` cannot reach emptied; other tables as they were. */
export function trimFont(bytes, chars = CHART_CHARS) {
  const tables = tablesOf(bytes);
  if (!tables.has('glyf') || !tables.has('loca')) return bytes;
  const font = fontkit.create(bytes);
  const glyf = tables.get('glyf');
  const loca = tables.get('loca');
  const longOffsets = tables.get('head').readInt16BE(50) === 1;
  const offset = (id) => (longOffsets ? loca.readUInt32BE(4 * id) : 2 * loca.readUInt16BE(2 * id));
  const glyphAt = (id) => glyf.subarray(offset(id), offset(id + 1));

  const keep = new Set([0]); // .notdef
  for (const ch of chars) if (font.hasGlyphForCodePoint(ch.codePointAt(0))) keep.add(font.glyphForCodePoint(ch.codePointAt(0)).id);
  for (const g of substitutionOutputs(font)) keep.add(g);
  addComponents(keep, glyphAt);

  const kept = [];
  const newLoca = Buffer.alloc(4 * (font.numGlyphs + 1));
  let at = 0;
  for (let id = 0; id < font.numGlyphs; id++) {
    newLoca.writeUInt32BE(at, 4 * id);
    if (!keep.has(id)) continue;
    const g = padded(glyphAt(id));
    kept.push(g);
    at += g.length;
  }
  newLoca.writeUInt32BE(at, 4 * font.numGlyphs);
  const head = Buffer.from(tables.get('head'));
  head.writeInt16BE(1, 50); // long loca offsets
  head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
  tables.set('glyf', Buffer.concat(kept)).set('loca', newLoca).set('head', head);

  // the sfnt header as it was (table count, search ranges), then the table records in tag order
  const tags = [...tables.keys()].sort();
  const header = Buffer.alloc(12 + 16 * tags.length);
  bytes.copy(header, 0, 0, 12);
  let position = header.length;
  const bodies = tags.map((tag, i) => {
    const table = tables.get(tag);
    header.write(tag, 12 + 16 * i, 'latin1');
    header.writeUInt32BE(checksum(padded(table)), 12 + 16 * i + 4);
    header.writeUInt32BE(position, 12 + 16 * i + 8);
    header.writeUInt32BE(table.length, 12 + 16 * i + 12);
    position += padded(table).length;
    return padded(table);
  });
  const out = Buffer.concat([header, ...bodies]);
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, header.readUInt32BE(12 + 16 * tags.indexOf('head') + 8) + 8);
  return out;
}

/**
 * Writes a trimmed copy of every .ttf in `fontsDir` to `outDir`, and manifest.json: the characters kept and each
 * original's size (a copy is used only while its original is the one it was made from).
 */
export function writeChartFonts(fontsDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const sources = {};
  for (const file of readdirSync(fontsDir).filter((f) => f.endsWith('.ttf')).sort()) {
    const original = readFileSync(join(fontsDir, file));
    writeFileSync(join(outDir, file), trimFont(original));
    sources[file] = statSync(join(fontsDir, file)).size;
  }
  // the manifest last, through a rename: a half-written folder has none and is not used
  const manifest = join(outDir, 'manifest.json');
  writeFileSync(manifest + '.tmp', JSON.stringify({ chars: CHART_CHARS, sources }) + '\n');
  renameSync(manifest + '.tmp', manifest);
}
