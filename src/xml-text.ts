// Characters a deck cannot hold. XML 1.0 allows tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
// U+10000–U+10FFFF; PowerPoint refuses a part with anything else. C1 controls, noncharacters and unpaired surrogate
// halves are refused too: XML allows some of them, but they mean nothing in a sentence. Inputs are checked with
// unsafeChar() (a located error); every writer passes its strings through xmlSafe() as the last line of defence.

const NONCHARACTERS = Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}FFFE}\\u{${(i + 1).toString(16)}FFFF}`).join('');
const UNSAFE_CLASS = `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${NONCHARACTERS}]`;
/** With the u flag a paired surrogate is one code point, so \uD800-\uDFFF matches only an unpaired half. */
const UNSAFE = new RegExp(UNSAFE_CLASS, 'u');
const UNSAFE_ALL = new RegExp(UNSAFE_CLASS, 'gu');

export interface UnsafeChar {
  /** UTF-16 index of the character in the string. */
  index: number;
  /** "U+0007". */
  code: string;
  /** "control character", "noncharacter" or "unpaired surrogate". */
  kind: string;
}

/** Without the u flag: a quick first pass that every safe text of the Basic Multilingual Plane passes. */
const MAYBE_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** The first character no deck may hold, or undefined. */
export function unsafeChar(s: string): UnsafeChar | undefined {
  if (!MAYBE_UNSAFE.test(s)) return undefined;
  const m = UNSAFE.exec(s);
  if (!m) return undefined;
  const cp = m[0].codePointAt(0)!;
  const kind = cp < 0xa0 ? 'control character' : cp >= 0xd800 && cp <= 0xdfff ? 'unpaired surrogate (half of an emoji or other character)' : 'noncharacter';
  return { index: m.index, code: codeName(cp), kind };
}

export function codeName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with every unsafe character removed (an unpaired surrogate becomes U+FFFD, so the loss shows). */
export function xmlSafe(s: string): string {
  if (!MAYBE_UNSAFE.test(s) || !UNSAFE.test(s)) return s;
  return s.replace(UNSAFE_ALL, (c) => (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? '\uFFFD' : ''));
}

/** Safe for an XML attribute value in double quotes. */
export function xmlAttr(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Whether UTF-8 bytes hold a character XML cannot hold: a C0 control other than tab/LF/CR (single bytes that never
 * occur inside a multi-byte sequence), a C1 control (C2 80–9F) or U+FFFE/U+FFFF (EF BF BE/BF). A byte scan, so
 * that checking every part of a written deck costs far less than decoding it.
 */
export function bytesNeedXmlSafe(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    if (x < 0x20) {
      if (x !== 0x09 && x !== 0x0a && x !== 0x0d) return true;
    } else if (x === 0x7f) return true;
    else if (x === 0xc2 && b[i + 1] >= 0x80 && b[i + 1] <= 0x9f) return true;
    else if (x === 0xef && b[i + 1] === 0xbf && (b[i + 2] === 0xbe || b[i + 2] === 0xbf)) return true;
  }
  return false;
}
