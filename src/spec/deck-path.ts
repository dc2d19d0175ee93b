// Paths a spec names (SQL files, data folders, themes, templates…) must stay inside the deck folder, so a deck
// pulled or built in CI reads only what its repository holds. Symlinks are resolved before the check: a link in
// the deck pointing at /etc/passwd is outside, whatever its name says.
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { EXIT, GonogoError, errorDiag } from '../diagnostics.js';

export interface InsideDeckOptions {
  /** The spec field that named the path, e.g. 'metrics.conv.from.sql_file' or 'source.data_dir'. */
  field?: string;
  /** What the path is, for the message: 'SQL file', 'data folder'. */
  what?: string;
  hint?: string;
}

/** True when `path` is `root` or lies below it (both absolute, already resolved). */
export function isInside(root: string, path: string): boolean {
  const r = relative(root, path);
  return r === '' || (!r.startsWith('..' + sep) && r !== '..' && !isAbsolute(r));
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
    EXIT.usage,
  );
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
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
