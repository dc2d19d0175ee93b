// How the caches in DECK/out/.cache (text widths, laid-out slides, bootstrap intervals, deflated parts) reach the
// disk. Each is written whole beside its file and renamed over it, so a crashed build never leaves half of one.
// The JSON ones start with a line holding a sha256 of the rest ("gonogo-widths sha256:…"): an entry altered on
// disk (by hand, a bad merge, a half-written copy) would reach a deck, so a file that does not match is dropped,
// with a note, and its entries computed again. A cache only saves time: a folder that cannot take one is noted,
// never an error.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from './diagnostics.js';

function sha256(text: string): string {
  return 'sha256:' + createHash('sha256').update(text).digest('hex');
}

/** The body of `file` after its `gonogo-<tag> sha256:…` line: undefined when there is no file, null when the hash does not match. */
export function readHashed(file: string, tag: string): string | null | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const nl = text.indexOf('\n');
  const body = text.slice(nl + 1);
  return text.slice(0, Math.max(0, nl)) === `gonogo-${tag} ${sha256(body)}` ? body : null;
}

/** Writes `body` under its hash line, atomically; throws what the folder refused. */
function writeHashed(file: string, tag: string, body: string): void {
  writeAtomically(file, `gonogo-${tag} ${sha256(body)}\n${body}`);
}

/**
 * Writes `body` under its hash line, atomically; a folder that refuses it gives the "could not save the <name>"
 * note instead (the next build <then>), never an error.
 */
export function saveHashed(file: string, tag: string, body: string, name: string, then: string): Diagnostic | undefined {
  try {
    writeHashed(file, tag, body);
    return undefined;
  } catch (err) {
    return unwritableNote(file, name, err, then);
  }
}

/** Writes `data` beside `file` and renames it over `file`; on failure removes what it wrote and throws. */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // no temp file was made
    }
    throw err;
  }
}

/** Removes a bad cache file and says so: "dropped the <name> <file>: <why>; <then>". */
export function droppedNote(file: string, name: string, why: string, then: string): Diagnostic {
  try {
    rmSync(file, { force: true });
  } catch {
    // a read-only cache folder: the bad file stays, and is dropped again next time
  }
  return { code: 'cache/dropped', severity: 'info', message: `dropped the ${name} ${file}: ${why}; ${then}` };
}

/** "could not save the <name> <file> (<code>); the next build <then>". */
export function unwritableNote(file: string, name: string, err: unknown, then: string): Diagnostic {
  return { code: 'cache/unwritable', severity: 'info', message: `could not save the ${name} ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); the next build ${then}` };
}

/**
 * A cache file as this process last read or wrote it (size and modification time): a rebuild in the same process
 * (watch) skips reading a file no other process has changed since.
 */
export class FileStamp {
  private at: { file: string; size: number; mtimeMs: number } | undefined;

  matches(file: string): boolean {
    try {
      const { size, mtimeMs } = statSync(file);
      return this.at?.file === file && this.at.size === size && this.at.mtimeMs === mtimeMs;
    } catch {
      return false;
    }
  }

  /** Records `file` as just written; one gone again is read next time. */
  mark(file: string): void {
    try {
      const { size, mtimeMs } = statSync(file);
      this.at = { file, size, mtimeMs };
    } catch {
      this.at = undefined;
    }
  }
}
