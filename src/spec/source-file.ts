// Reading a user's text file: one clear error for missing, empty, binary or non-UTF-8 files.
import { readFile, stat } from 'node:fs/promises';
import { errorDiag, GonogoError } from '../diagnostics.js';

/** Files bigger than this are refused before parsing: a spec or metrics file this large is a mistake. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export async function readUserText(path: string, what: string, maxBytes: number = MAX_TEXT_BYTES): Promise<string> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new GonogoError(errorDiag('file/is-directory', `${what} ${path} is a folder, not a file`, { pos: { file: path, line: 1, col: 1 } }));
    size = st.size;
  } catch (err) {
    if (err instanceof GonogoError) throw err;
    throw new GonogoError(
      errorDiag('file/missing', `${what} not found: ${path}`, { hint: 'check the path; paths in a spec are relative to the deck folder' }),
    );
  }
  const at = { file: path, line: 1, col: 1 };
  if (size > maxBytes)
    throw new GonogoError(
      errorDiag('file/too-large', `${what} ${path} is ${(size / 1048576).toFixed(1)} MB, more than the ${maxBytes / 1048576} MB gonogo reads`, {
        pos: at,
        hint: 'aggregate the data first (gonogo pull runs SQL in the engine) or point at a smaller file',
      }),
    );
  const bytes = await readFile(path);
  if (bytes.length === 0)
    throw new GonogoError(errorDiag('file/empty', `${what} ${path} is empty`, { pos: at, hint: 'run gonogo init to start from a commented example' }));
  if (bytes.subarray(0, 8192).includes(0))
    throw new GonogoError(errorDiag('file/binary', `${what} ${path} is a binary file, not text`, { pos: at, expected: 'UTF-8 text' }));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new GonogoError(
      errorDiag('file/encoding', `${what} ${path} is not valid UTF-8 (byte 0x${bytes[bad.offset].toString(16)} at line ${bad.line})`, {
        pos: { file: path, line: bad.line, col: bad.col },
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
