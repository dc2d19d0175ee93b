// The .pptx zip writer: the same bytes as fflate's zipSync (which wrote gonogo's decks before), with or without
// deflated parts from the cache; a damaged or foreign cache file is never copied into a deck.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZip, type ZipPart } from '../../src/render/pptx/zip.js';
import { FileDeflateCache } from '../../src/render/pptx/deflate-cache.js';

const tmp = mkdtempSync(join(tmpdir(), 'gonogo-zip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What repack wrote before: fflate's zipSync with the timestamp's UTC fields as local zip times. */
function reference(parts: ZipPart[], ts: Date): Uint8Array {
  const clamped = ts.getTime() < Date.UTC(1980, 0, 1, 12) ? new Date(Date.UTC(1980, 0, 1, 12)) : ts;
  const mtime = new Date(clamped.getUTCFullYear(), clamped.getUTCMonth(), clamped.getUTCDate(), clamped.getUTCHours(), clamped.getUTCMinutes(), clamped.getUTCSeconds());
  return zipSync(Object.fromEntries(parts.map((p) => [p.name, [p.data, { level: p.level, mtime }]])), { mtime });
}

const part = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9/_.-]{0,30}$/),
  data: fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.string({ maxLength: 3000 }).map((s) => new TextEncoder().encode(s))),
  level: fc.constantFrom(0 as const, 6 as const),
});
const parts = fc.uniqueArray(part, { maxLength: 12, selector: (p) => p.name });
const when = fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true });

describe('writeZip', () => {
  it('writes the bytes fflate’s zipSync writes, for any parts and time', () => {
    fc.assert(
      fc.property(parts, when, (ps, ts) => {
        expect(Buffer.from(writeZip(ps, ts)).equals(Buffer.from(reference(ps, ts)))).toBe(true);
      }),
      { numRuns: 200, seed: 1717 },
    );
  });

  it('writes the same bytes from cached DEFLATE streams, and a cache file damaged on disk is ignored', () => {
    const file = join(tmp, 'parts.bin');
    const ps: ZipPart[] = [
      { name: 'a.xml', data: new TextEncoder().encode('<a>'.repeat(500)), level: 6 },
      { name: 'b.png', data: new Uint8Array(700).fill(7), level: 0 },
      { name: 'c.xml', data: new TextEncoder().encode('<c attr="1"/>'.repeat(300)), level: 6 },
    ];
    const ts = new Date(Date.UTC(2026, 10, 20));
    const first = FileDeflateCache.load(file);
    const bytes = writeZip(ps, ts, first);
    first.save();
    const again = FileDeflateCache.load(file);
    expect(again.get(ps[0].data, 6)).toBeDefined();
    expect(Buffer.from(writeZip(ps, ts, again)).equals(Buffer.from(bytes))).toBe(true);
    // flip one byte inside the stored DEFLATE data: that entry's CRC no longer matches, so it is deflated afresh
    const damaged = readFileSync(file);
    damaged[damaged.length - 5] ^= 0xff;
    writeFileSync(file, damaged);
    const fromDamaged = FileDeflateCache.load(file);
    expect(Buffer.from(writeZip(ps, ts, fromDamaged)).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(bytes).equals(Buffer.from(reference(ps, ts)))).toBe(true);
  });
});
