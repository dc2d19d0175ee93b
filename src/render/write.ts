// Atomic output: every file of a build is written to a temp file beside its target first; only when all of them
// are written are they renamed into place, in order. A failed or interrupted build leaves every previous output as
// it was, never a new Deck JSON beside an old PPTX. Problems with the output folder are the user's to fix (exit 2)
// or the disk's (exit 3), named with the path.
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { errorDiag, EXIT, GonogoError } from '../diagnostics.js';

export interface OutputFile {
  path: string;
  data: Uint8Array | string;
}

let seq = 0;

/** Writes the files as one unit, renaming them in the order given (put the one others depend on last). */
export async function writeOutputs(files: readonly OutputFile[], cwd: string = process.cwd()): Promise<void> {
  const shown = (p: string) => relative(cwd, p) || p;
  // A folder where a file belongs would fail at its rename, after the files before it were replaced.
  for (const f of files) {
    const st = await stat(f.path).catch(() => undefined);
    if (st?.isDirectory()) throw outputError('EISDIR', f.path, shown);
  }
  const temps: string[] = [];
  let renamed = 0;
  try {
    for (const f of files) {
      await mkdir(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.${seq++}.tmp`);
      temps.push(tmp);
      await writeFile(tmp, f.data);
    }
    for (; renamed < files.length; renamed++) await rename(temps[renamed], files[renamed].path);
  } catch (err) {
    await Promise.all(temps.slice(renamed).map((t) => rm(t, { force: true })));
    throw asOutputError(err, shown);
  }
}

/** Checks before the work that an output folder can be made and written to, so a build fails in a second, not after rendering. */
export async function prepareOutputDir(dir: string, cwd: string = process.cwd()): Promise<void> {
  const shown = (p: string) => relative(cwd, p) || p;
  try {
    await mkdir(dir, { recursive: true });
    const probe = join(dir, `.gonogo-write-test.${process.pid}.tmp`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    // Name the folder, not the probe file inside it.
    if (e?.path?.endsWith('.tmp')) e.path = dir;
    throw asOutputError(err, shown, dir);
  }
}

function asOutputError(err: unknown, shown: (p: string) => string, fallback?: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (!e?.code || err instanceof GonogoError) return err;
  return outputError(e.code, e.path ?? fallback ?? '', shown);
}

function outputError(code: string, path: string, shown: (p: string) => string): GonogoError {
  const at = shown(path);
  const usage = (message: string, hint: string) => new GonogoError(errorDiag('output/path', message, { expected: 'an output folder gonogo can create and write to', hint }), EXIT.usage);
  switch (code) {
    case 'EISDIR':
      return usage(`cannot write ${at}: a folder of that name is in the way`, 'move or rename the folder; the output file goes there');
    case 'ENOTDIR':
    case 'EEXIST':
      return usage(`cannot write ${at}: a file stands where a folder of the output path should be`, 'choose another --out folder, or move the file out of the way');
    case 'EACCES':
    case 'EPERM':
      return usage(`cannot write ${at}: permission denied`, 'make the output folder writable (chmod u+w), or choose another --out folder');
    case 'EROFS':
      return usage(`cannot write ${at}: the file system is read-only`, 'choose an --out folder on a writable disk');
    case 'ENAMETOOLONG':
      return usage(`cannot write ${at}: the path is too long`, 'choose a shorter --out folder or deck name');
    default:
      // ENOSPC, EDQUOT, EIO …: the disk failed, not the input.
      return new GonogoError(errorDiag('output/io', `cannot write ${at}: ${code}`, { expected: 'a disk with room to write the deck', hint: 'free some space or check the disk, then build again' }), EXIT.external);
  }
}
