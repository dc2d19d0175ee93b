// What pptxgenjs gets as JSZip. pptxgenjs writes every part of the deck through JSZip and zips them all (CRC-32
// in JavaScript, an event-loop turn per 16 KB) only for the re-pack to unzip them again. The bundle
// (scripts/bundle.mjs) and the tests (vitest.config.ts) give pptxgenjs this stand-in: it keeps each part's bytes,
// and generateAsync({ type: 'parts' }) hands them over as they are; the types pptxgenjs users ask for
// ('uint8array', 'nodebuffer', 'base64') get a zip written by fflate (tests make PPTX fixtures that way).
import { zipSync } from 'fflate';

export type Parts = Record<string, Uint8Array>;

/** The stand-in's mark, so the renderer can tell it from JSZip itself. */
export const PARTS = 'keepsParts';

interface GenerateOptions {
  type: string;
  compression?: 'STORE' | 'DEFLATE';
}

export default class PartsZip {
  static readonly [PARTS] = true;
  private readonly parts: Map<string, Uint8Array>;
  private readonly prefix: string;

  constructor(parts = new Map<string, Uint8Array>(), prefix = '') {
    this.parts = parts;
    this.prefix = prefix;
  }

  /** A view of the folder (pptxgenjs only creates folders; an OPC package needs no folder entries). */
  folder(name: string): PartsZip {
    return new PartsZip(this.parts, `${this.prefix}${name}/`);
  }

  file(name: string, data: string | Uint8Array, options: { base64?: boolean } = {}): this {
    const bytes = typeof data !== 'string' ? data : options.base64 ? new Uint8Array(Buffer.from(data, 'base64')) : new TextEncoder().encode(data);
    this.parts.set(this.prefix + name, bytes);
    return this;
  }

  async generateAsync(options: GenerateOptions): Promise<Parts | Uint8Array | Buffer | string> {
    const parts = Object.fromEntries(this.parts);
    if (options.type === 'parts') return parts;
    const zip = zipSync(parts, { level: options.compression === 'DEFLATE' ? 6 : 0 });
    if (options.type === 'uint8array') return zip;
    if (options.type === 'nodebuffer') return Buffer.from(zip);
    if (options.type === 'base64') return Buffer.from(zip).toString('base64');
    throw new Error(`gonogo's JSZip stand-in writes no '${options.type}' output`);
  }
}
