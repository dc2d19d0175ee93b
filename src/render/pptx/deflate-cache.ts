// DEFLATE of the deck's XML parts, kept between builds in DECK/out/.cache: a rebuild after a one-word edit
// changes a few parts and re-deflates only those. Keyed by the part's content hash and level; the file also
// holds a probe (this fflate's deflate of a fixed text), so a cache written by another DEFLATE implementation is
// ignored rather than mixed in. Output bytes are the same with or without the cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../diagnostics.js';
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';
import type { DeflateCache } from './zip.js';
import { unwritableNote, writeAtomically } from '../../cache-file.js';

const FORMAT = 'gonogo-deflate-2';

/** A fixed text with the shapes of slide XML (tags, attributes, numbers, prose) that DEFLATE's choices depend on. */
function probe(): string {
  let text = '';
  for (let i = 0; i < 64; i++) text += `<a:p><a:pPr marL="${i * 12700}"/><a:r><a:rPr lang="en-US" sz="${1000 + i * 50}" b="${i % 2}"/><a:t>Line ${i} of ${(i * 7919) % 1000} words</a:t></a:r></a:p>`;
  return createHash('sha256').update(deflateSync(new TextEncoder().encode(text), { level: 6 })).digest('hex').slice(0, 32);
}

interface Header {
  format: string;
  probe: string;
  /** [key, byte offset in the blob, length, CRC-32 of the deflated bytes] */
  entries: [string, number, number, number][];
}

export class FileDeflateCache implements DeflateCache {
  private readonly loaded = new Map<string, Uint8Array>();
  private readonly used = new Map<string, Uint8Array>();
  private added = 0;
  /** Entries dropped on load because their bytes did not match their CRC. */
  private damaged = 0;

  private constructor(
    private readonly file: string,
    private readonly probe: string,
  ) {}

  /** The cache in `file`; a missing, unreadable or foreign file gives an empty one. */
  static load(file: string): FileDeflateCache {
    const cache = new FileDeflateCache(file, probe());
    try {
      const bytes = readFileSync(file);
      const headerLength = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as Header;
      if (header.format !== FORMAT || header.probe !== cache.probe) return cache;
      const blob = 4 + headerLength;
      for (const [key, at, length, crc] of header.entries) {
        const deflated = bytes.subarray(blob + at, blob + at + length);
        // a damaged entry is dropped (its part is deflated again), never copied into a deck
        if (deflated.length === length && crc32(deflated) >>> 0 === crc) cache.loaded.set(key, deflated);
        else cache.damaged++;
      }
    } catch {
      // no cache yet: every part is deflated
    }
    return cache;
  }

  private static key(data: Uint8Array, level: number): string {
    return createHash('sha1').update(data).digest('base64url') + '.' + level;
  }

  get(data: Uint8Array, level: number): Uint8Array | undefined {
    const key = FileDeflateCache.key(data, level);
    const hit = this.used.get(key) ?? this.loaded.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(data: Uint8Array, level: number, deflated: Uint8Array): void {
    this.used.set(FileDeflateCache.key(data, level), deflated);
    this.added++;
  }

  /** A note when entries were dropped on load (their parts were deflated again). */
  note(): Diagnostic | undefined {
    if (this.damaged === 0) return undefined;
    return { code: 'cache/dropped', severity: 'info', message: `dropped ${this.damaged} entr${this.damaged === 1 ? 'y' : 'ies'} of the deck-part cache ${this.file}: their bytes do not match their checksum; those parts were compressed again` };
  }

  /**
   * Keeps the parts this build used (so the file never outgrows one deck), written atomically; skipped when nothing
   * changed. The cache only saves time: a folder that cannot take it is noted, never an error.
   */
  save(): Diagnostic | undefined {
    if (this.added === 0 && this.damaged === 0 && this.used.size === this.loaded.size) return undefined;
    const entries: Header['entries'] = [];
    let at = 0;
    for (const [key, bytes] of this.used) {
      entries.push([key, at, bytes.length, crc32(bytes) >>> 0]);
      at += bytes.length;
    }
    const header = Buffer.from(JSON.stringify({ format: FORMAT, probe: this.probe, entries } satisfies Header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length, 0);
    try {
      writeAtomically(this.file, Buffer.concat([length, header, ...this.used.values()]));
      return undefined;
    } catch (err) {
      return unwritableNote(this.file, 'deck-part cache', err, 'compresses every part again');
    }
  }
}
