// Each slide's laid-out pages, kept in memory for the process and between builds in DECK/out/.cache/pages.json:
// a rebuild lays out again only the slides an edit changed (a reworded deck title: the cover; footers, which carry
// it on every slide, are placed per build by layoutDeck). An entry is keyed by a hash of the slide and the theme as
// laid out. The file holds the program that laid them out (the bundle's build id and the Node version) and the
// font files that measured them (the width cache's fingerprint): another gonogo, Node or fonts find nothing in it.
// Run from source (tests), there is no build id and pages stay in memory. The first line holds a sha256 of the
// rest: a file altered on disk would put other text on the slides, so it is dropped, with a note, and every slide
// is laid out again.
import { createHash } from 'node:crypto';
import { buildId } from '../build-id.js';
import { droppedNote, FileStamp, readHashed, saveHashed } from '../cache-file.js';
import type { Diagnostic } from '../diagnostics.js';
import { fontsFingerprint } from './measure.js';
import type { Placed } from './types.js';

/** One slide of a deck slide as laid out (a slide that does not fit goes on over several). */
export interface Page {
  title: string;
  part: number;
  items: Placed[];
  numbered: boolean;
  /** The slide goes on: a 'layout/split' receipt names the next slide's number. */
  split: boolean;
  /** Blocks left out: the slide could not go on. */
  dropped: number;
  /** Optional list items a one-pager left off, for its notes. */
  leftOut?: string[];
  /** List items a one-pager showed in brief words: their full words, for its notes. */
  shortened?: string[];
}

const FORMAT = 'gonogo-pages-1';
/** A long watch session keeps at most this many slides' pages in memory. */
const MEMORY_LIMIT = 2_000;

const pages = new Map<string, Page[]>();
/** Keys this build asked for: what the file keeps. */
const used = new Set<string>();
let added = 0;

interface Saved {
  format: string;
  program: string;
  fonts: string;
  pages: Record<string, Page[]>;
}

/** The key of a slide (its JSON) laid out in a theme (themeKey: the theme's JSON, logo bytes hashed). */
export function pageKey(themeKey: string, slideJson: string): string {
  return createHash('sha256').update(themeKey).update('\u0000').update(slideJson).digest('base64url');
}

/** A slide's pages, cloned: a caller's edits never reach the next build. */
export function cachedPages(key: string): Page[] | undefined {
  const hit = pages.get(key);
  if (!hit) return undefined;
  used.add(key);
  return structuredClone(hit);
}

export function keepPages(key: string, laid: Page[]): void {
  if (pages.size >= MEMORY_LIMIT) pages.clear();
  pages.set(key, structuredClone(laid));
  used.add(key);
  added++;
}

/** The cache file as this process last read or wrote it: a rebuild in the same process (watch) skips reading it. */
const stamp = new FileStamp();
const PAGES = 'slide-layout cache';

/** The program that lays slides out: this bundle on this Node (whose Math functions a layout's floats go through). */
const thisProgram = buildId && `${buildId} node ${process.version}`;

/**
 * Starts a build: adds the pages an earlier build saved in `file`, if the same program and fonts laid them out.
 * `program` names the program (tests name one); without it nothing is read or written.
 */
export function loadPageCache(file: string, program = thisProgram): Diagnostic | undefined {
  used.clear();
  if (!program || stamp.matches(file)) return undefined;
  const body = readHashed(file, 'pages');
  if (body === undefined) return undefined; // no cache yet: every slide is laid out
  if (body === null) return dropped(file, 'it does not match its hash');
  let saved: Saved | null;
  try {
    saved = JSON.parse(body) as Saved | null;
  } catch {
    return dropped(file, 'it is not the JSON gonogo writes');
  }
  if (saved?.format !== FORMAT || saved.program !== program || saved.fonts !== fontsFingerprint()) return undefined;
  for (const [key, laid] of Object.entries(saved.pages ?? {})) if (!pages.has(key) && Array.isArray(laid)) pages.set(key, laid);
  stamp.mark(file);
  return undefined;
}

/** Ends a build: writes the pages it used (so the file never outgrows one deck), when that differs from the file. */
export function savePageCache(file: string, program = thisProgram): Diagnostic | undefined {
  if (!program || (added === 0 && stamp.matches(file))) return undefined;
  const kept = Object.fromEntries([...used].sort().flatMap((key) => (pages.has(key) ? [[key, pages.get(key)!]] : [])));
  const body = JSON.stringify({ format: FORMAT, program, fonts: fontsFingerprint(), pages: kept } satisfies Saved);
  const unwritable = saveHashed(file, 'pages', body, PAGES, 'lays out every slide again');
  if (unwritable) return unwritable;
  stamp.mark(file);
  added = 0;
  return undefined;
}

function dropped(file: string, why: string): Diagnostic {
  added++; // write a good one at the end of this build
  return droppedNote(file, PAGES, why, 'every slide is laid out again');
}
