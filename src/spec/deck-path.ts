// Paths a spec (or a theme file) names → absolute paths inside the deck folder, symlinks resolved, or one located
// error. A deck builds and pulls from what its folder holds: a spec from an untrusted branch cannot make gonogo read
// ~/.ssh or /etc. Files the build reads (theme, template, logo, metrics file) may leave the folder with
// --allow-outside-deck; the SQL and data a pull reads may not (resolveInsideDeck), since deck SQL runs unattended in CI.
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { errorDiag, GonogoError, type SourcePosition } from '../diagnostics.js';

export interface DeckPathRequest {
  /** The deck folder (the spec's folder). */
  deckDir: string;
  /** Folder the path is relative to (the folder of the file that names it). */
  base: string;
  /** The path as written. */
  path: string;
  /** How messages show the path (default: as written). */
  shown?: string;
  /** The field that names it, e.g. 'theme.logo', and where it is written. */
  field: string;
  pos?: SourcePosition;
  /** What the file should be, in words: 'a PNG, JPEG or SVG file'. */
  what: string;
  /** Diagnostic code, e.g. 'spec/path' or 'theme/path'. */
  code?: string;
  /** --allow-outside-deck: the user allows paths outside the deck folder. */
  allowOutside?: boolean;
}

/** Whether `path` lies inside `dir` (both absolute, symlinks already resolved). */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** Resolves and checks a path; throws a GonogoError (exit 2) naming the field when it cannot be read. */
export function resolveDeckFile(r: DeckPathRequest): string {
  const code = r.code ?? 'spec/path';
  const fail = (message: string, expected: string, hint: string) => new GonogoError(errorDiag(code, message, { field: r.field, pos: r.pos, expected, hint }));
  const shown = r.shown ?? r.path;
  const outside = () =>
    fail(`${r.field} "${shown}" lies outside the deck folder`, `${r.what} inside the deck folder`, 'copy the file into the deck folder so the deck builds from what git holds (or pass --allow-outside-deck)');
  const abs = resolve(r.base, r.path);
  const deck = realOrSelf(r.deckDir);
  if (!r.allowOutside && !isInside(deck, realOrSelf(abs)) && !isInside(r.deckDir, abs)) throw outside();
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    throw fail(`${r.field} names ${shown}, which is not in the deck folder`, r.what, 'check the file name: paths are relative to the file that names them');
  }
  // A symlink inside the folder that points out of it is outside too.
  if (!r.allowOutside && !isInside(deck, real)) throw outside();
  const st = statSync(real);
  if (st.isDirectory()) throw fail(`${r.field} names ${shown}, which is a folder`, r.what, 'point at the file inside it');
  if (!st.isFile()) throw fail(`${r.field} names ${shown}, which is not a regular file`, r.what, 'point at a file, not a device, pipe or socket');
  try {
    accessSync(real, constants.R_OK);
  } catch {
    throw fail(`${r.field} names ${shown}, which gonogo may not read`, r.what, 'check the file\'s permissions (chmod a+r)');
  }
  return abs;
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export interface InsideDeckOptions {
  /** The spec field that named the path, e.g. 'metrics.conv.from.sql_file' or 'source.data_dir'. */
  field?: string;
  /** What the path is, for the message: 'SQL file', 'data folder'. */
  what?: string;
  hint?: string;
}

/**
 * The absolute path of `rel` (relative to the deck folder), or exit 2 naming it when it is absolute, climbs out
 * with `..`, or resolves through a symlink to somewhere outside. A path that does not exist yet is checked through
 * its nearest existing parent, so a missing file is left for the caller to report.
 */
export function resolveInsideDeck(deckDir: string, rel: string, opts: InsideDeckOptions = {}): string {
  const root = realOrSelf(resolve(deckDir));
  const path = resolve(deckDir, rel);
  if (isAbsolute(rel) || !isInside(resolve(deckDir), path)) throw outside(rel, path, root, opts);
  const real = realOfNearest(path);
  if (!isInside(root, real)) throw outside(rel, real, root, opts);
  return path;
}

function outside(rel: string, resolved: string, root: string, opts: InsideDeckOptions): GonogoError {
  const what = opts.what ?? 'path';
  const via = resolved === resolve(root, rel) ? '' : ` (it resolves to ${resolved})`;
  return new GonogoError(
    errorDiag('path/outside-deck', `${what} ${rel} is outside the deck folder ${root}${via}`, {
      ...(opts.field ? { field: opts.field } : {}),
      expected: 'a path inside the deck folder, without symlinks that lead out of it',
      hint: opts.hint ?? 'copy the file into the deck folder, so the deck reads only what its repository holds',
    }),
  );
}

/** Real path of the nearest existing ancestor, with the missing tail appended. */
function realOfNearest(path: string): string {
  let head = path;
  const tail: string[] = [];
  for (;;) {
    try {
      return resolve(realpathSync(head), ...tail);
    } catch {
      const up = dirname(head);
      if (up === head) return path;
      tail.unshift(head.slice(up.length + (up.endsWith(sep) ? 0 : 1)));
      head = up;
    }
  }
}
