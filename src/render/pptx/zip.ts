// The .pptx zip, written with parts already deflated: fflate's zipSync deflates every part on every build and
// takes no compressed input, so this writes the same bytes in the same layout (local headers and data, then the
// central directory, then its end record; no extra fields, no comments) from parts whose DEFLATE streams may
// come from a cache. A test holds it byte-equal to zipSync.
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** DEFLATE level (fflate's); 0 stores the part as it is (PNGs are compressed already). */
  level: 0 | 6;
}

/** Deflated bytes by content, kept between builds; a miss deflates and stores. */
export interface DeflateCache {
  get(data: Uint8Array, level: number): Uint8Array | undefined;
  set(data: Uint8Array, level: number, deflated: Uint8Array): void;
}

/** Entry time in MS-DOS form from a timestamp's UTC fields (zip times carry no zone); 1980-01-01 12:00 at the earliest. */
function dosTime(ts: Date): number {
  const t = ts.getTime() < Date.UTC(1980, 0, 1, 12) ? new Date(Date.UTC(1980, 0, 1, 12)) : ts;
  const y = t.getUTCFullYear() - 1980;
  if (y > 119) throw new Error(`zip: cannot store the year ${t.getUTCFullYear()}`);
  return ((y << 25) | ((t.getUTCMonth() + 1) << 21) | (t.getUTCDate() << 16) | (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1)) >>> 0;
}

export function writeZip(parts: ZipPart[], ts: Date, cache?: DeflateCache): Uint8Array {
  const time = dosTime(ts);
  const enc = new TextEncoder();
  const entries = parts.map((p) => {
    const name = enc.encode(p.name);
    let body = p.data;
    if (p.level !== 0) {
      const hit = cache?.get(p.data, p.level);
      body = hit ?? deflateSync(p.data, { level: p.level });
      if (!hit) cache?.set(p.data, p.level, body);
    }
    return { name, utf8: name.length !== p.name.length, method: p.level === 0 ? 0 : 8, crc: crc32(p.data) >>> 0, size: p.data.length, body };
  });
  const localSize = entries.reduce((s, e) => s + 30 + e.name.length + e.body.length, 0);
  const centralSize = entries.reduce((s, e) => s + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const header = (e: (typeof entries)[number], central: boolean, offset = 0) => {
    view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
    at += 4;
    if (central) view.setUint16((at += 2) - 2, 20, true); // made by: version 2.0, MS-DOS attributes
    view.setUint16(at, 20, true); // needed to extract: 2.0
    view.setUint16(at + 2, e.utf8 ? 0x800 : 0, true);
    view.setUint16(at + 4, e.method, true);
    view.setUint32(at + 6, time, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.body.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
    view.setUint16(at + 24, 0, true); // no extra field
    at += 26;
    if (central) {
      // comment length, disk, internal and external attributes: 0; then the local header's offset
      view.setUint32(at + 10, offset, true);
      at += 14;
    }
    out.set(e.name, at);
    at += e.name.length;
  };
  for (const e of entries) {
    offsets.push(at);
    header(e, false);
    out.set(e.body, at);
    at += e.body.length;
  }
  entries.forEach((e, i) => header(e, true, offsets[i]));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, localSize, true);
  return out;
}
