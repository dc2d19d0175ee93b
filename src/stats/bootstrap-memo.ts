// Bootstrap results by a hash of everything they depend on (the samples, level, confidence, resamples, seed): a
// rebuild of unchanged metrics reads its intervals instead of drawing the betas again. build keeps them in
// DECK/out/.cache/bootstrap.json between runs; values are the exact doubles computed (-0 included), so a result
// is the same with or without the memo.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const FORMAT = 'gonogo-bootstrap-2';
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

/** Adds results saved by an earlier run; a missing or unreadable file is ignored. */
export function loadBootstrapMemo(file: string): void {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8'), decode) as { format: string; results: Record<string, unknown> };
    if (saved.format !== FORMAT) return;
    for (const [k, v] of Object.entries(saved.results)) if (!loaded.has(k)) loaded.set(k, v);
  } catch {
    // none yet
  }
}

/** Writes the results this process used since the last save (so the file holds one deck's), if any were new. */
export function saveBootstrapMemo(file: string): void {
  if (added === 0) return;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ format: FORMAT, results: Object.fromEntries(used) }, encode));
  renameSync(tmp, file);
  added = 0;
}
