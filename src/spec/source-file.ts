// Reading a user's text file: one clear error for missing, empty, binary or non-UTF-8 files.
import { readFile, stat } from 'node:fs/promises';
import { errorDiag, GonogoError } from '../diagnostics.js';

/** Files bigger than this are refused before parsing: a spec or metrics file this large is a mistake. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

/** `shown` is the path as messages name it (relative to the working directory); default: `path`. */
export async function readUserText(path: string, what: string, maxBytes: number = MAX_TEXT_BYTES, shown: string = path): Promise<string> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new GonogoError(errorDiag('file/is-directory', `${what} ${shown} is a folder, not a file`, { expected: 'a file', hint: 'point at the file inside it' }));
    size = st.size;
  } catch (err) {
    if (err instanceof GonogoError) throw err;
    throw new GonogoError(
      errorDiag('file/missing', `${what} not found: ${shown}`, { expected: 'an existing file', hint: 'check the path; paths in a spec are relative to the deck folder' }),
    );
  }
  const at = { file: shown, line: 1, col: 1 };
  if (size > maxBytes)
    throw new GonogoError(
      errorDiag('file/too-large', `${what} ${shown} is ${(size / 1048576).toFixed(1)} MB, more than the ${maxBytes / 1048576} MB gonogo reads`, {
        pos: at,
        expected: `a file under ${maxBytes / 1048576} MB: aggregates, not raw events`,
        hint: 'aggregate the data first (gonogo pull runs SQL in the engine) or point at a smaller file',
      }),
    );
  return decodeUserText(await readFile(path), what, shown);
}

/** Bytes → text, refusing empty, binary, UTF-16 and non-UTF-8 files; drops a BOM and turns CRLF into LF. */
export function decodeUserText(bytes: Uint8Array, what: string, shown: string): string {
  const at = { file: shown, line: 1, col: 1 };
  if (bytes.length === 0)
    throw new GonogoError(errorDiag('file/empty', `${what} ${shown} is empty`, { pos: at, expected: `a ${what} with content`, hint: what === 'spec' ? 'run gonogo init to start from a commented example' : 'write it again from its source (the query or export)' }));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new GonogoError(errorDiag('file/encoding', `${what} ${shown} is UTF-16 text`, { pos: at, expected: 'UTF-8 text', hint: 're-save the file as UTF-8 (e.g. iconv -f utf-16 -t utf-8)' }));
  if (bytes.subarray(0, 8192).includes(0))
    throw new GonogoError(errorDiag('file/binary', `${what} ${shown} is a binary file, not text`, { pos: at, expected: 'UTF-8 text', hint: 'point at the text file (YAML, CSV, JSON or .hbs), not a document, archive or spreadsheet' }));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new GonogoError(
      errorDiag('file/encoding', `${what} ${shown} is not valid UTF-8 (byte 0x${bytes[bad.offset].toString(16)} at line ${bad.line})`, {
        pos: { file: shown, line: bad.line, col: bad.col },
        expected: 'UTF-8 text',
        hint: 're-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)',
      }),
    );
  }
  // A BOM is harmless but YAML and CSV parsers see it as part of the first key.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number; col: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = bytes[i + k] >> 6 === 2;
    if (!ok) return { offset: i, line, col };
    if (b === 0x0a) {
      line++;
      col = 1;
    } else col++;
    i += len;
  }
  return { offset: 0, line, col };
}

/** Line and column (1-based) of a character offset in a text. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}
