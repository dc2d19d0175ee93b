// Bootstrap results by a hash of everything they depend on (the samples, level, confidence, resamples, seed): a
// rebuild of unchanged metrics reads its intervals instead of drawing the betas again. build keeps them in
// DECK/out/.cache/bootstrap.json between runs; values are the exact doubles computed (-0 included), so a result
// is the same with or without the memo.
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';
import { droppedNote, readHashed, saveHashed } from '../cache-file.js';

const FORMAT = 'gonogo-bootstrap-3';
const loaded = new Map<string, unknown>();
const used = new Map<string, unknown>();
let added = 0;

export type MemoPart = string | number | Float64Array;

/** Digests of the arrays seen (a sample takes part in several keys; its values are hashed once). */
const arrayDigests = new WeakMap<Float64Array, string>();

function arrayDigest(a: Float64Array): string {
  let d = arrayDigests.get(a);
  if (d === undefined) {
    d = createHash('sha1').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('base64url');
    arrayDigests.set(a, d);
  }
  return d;
}

/** compute(), or its result from an earlier call with the same parts. */
export function memoized<T>(parts: MemoPart[], compute: () => T): T {
  const key = createHash('sha1')
    .update(parts.map((p) => (p instanceof Float64Array ? `f${p.length}:${arrayDigest(p)}` : `${typeof p}:${String(p)}`)).join('\u0000'))
    .digest('base64url');
  if (used.has(key)) return used.get(key) as T;
  if (loaded.has(key)) {
    used.set(key, loaded.get(key));
    return loaded.get(key) as T;
  }
  const value = compute();
  used.set(key, value);
  added++;
  return value;
}

const encode = (_k: string, v: unknown) => (typeof v === 'number' && Object.is(v, -0) ? '-0' : v);
const decode = (_k: string, v: unknown) => (v === '-0' ? -0 : v);

const BOOTSTRAP = 'bootstrap cache';

/**
 * Adds results saved by an earlier run. An interval altered on disk would change the deck's numbers, so a file that
 * does not match its hash is dropped (with a note) and the intervals are drawn again (cache-file.ts). A missing
 * file, or one of another format, is ignored silently.
 */
export function loadBootstrapMemo(file: string): Diagnostic | undefined {
  const body = readHashed(file, 'bootstrap');
  if (body === undefined) return undefined; // none yet
  if (body === null) return dropped(file, 'it does not match its hash');
  try {
    const saved = JSON.parse(body, decode) as { format: string; results: Record<string, unknown> };
    if (saved.format !== FORMAT) return undefined;
    for (const [k, v] of Object.entries(saved.results)) if (!loaded.has(k)) loaded.set(k, v);
    return undefined;
  } catch {
    return dropped(file, 'it is not the JSON gonogo writes');
  }
}

function dropped(file: string, why: string): Diagnostic {
  added++; // write a good one at the end of this build
  return droppedNote(file, BOOTSTRAP, why, 'intervals are drawn again');
}

/**
 * Writes the results this process used since the last save (so the file holds one deck's), if any were new. The
 * cache only saves time: a folder that cannot take it is noted, never an error.
 */
export function saveBootstrapMemo(file: string): Diagnostic | undefined {
  if (added === 0) return undefined;
  const body = JSON.stringify({ format: FORMAT, results: Object.fromEntries(used) }, encode);
  const unwritable = saveHashed(file, 'bootstrap', body, BOOTSTRAP, 'draws the intervals again');
  if (unwritable) return unwritable;
  // the next build in this process (watch mode) starts from what this one used
  loaded.clear();
  for (const [k, v] of used) loaded.set(k, v);
  used.clear();
  added = 0;
  return undefined;
}
