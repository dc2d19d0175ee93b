// Bootstrap results by a hash of everything they depend on (the samples, level, confidence, resamples, seed): a
// rebuild of unchanged metrics reads its intervals instead of drawing the betas again. build keeps them in
// DECK/out/.cache/bootstrap.json between runs; values are the exact doubles computed (-0 included), so a result
// is the same with or without the memo.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';

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

const sha256 = (text: string) => 'sha256:' + createHash('sha256').update(text).digest('hex');

/**
 * Adds results saved by an earlier run. The file's first line holds a sha256 of the rest: an interval altered on
 * disk would change the deck's numbers, so a file that does not match its hash is dropped (with a note) and the
 * intervals are drawn again. A missing file, or one of another format, is ignored silently.
 */
export function loadBootstrapMemo(file: string): Diagnostic | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // none yet
  }
  const nl = text.indexOf('\n');
  const head = /^gonogo-bootstrap (sha256:[0-9a-f]{64})$/.exec(text.slice(0, Math.max(0, nl)));
  const body = text.slice(nl + 1);
  if (!head || head[1] !== sha256(body)) return dropped(file, 'it does not match its hash');
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
  try {
    rmSync(file, { force: true });
  } catch {
    // a read-only cache folder: the bad file stays, and is dropped again next time
  }
  added++; // write a good one at the end of this build
  return { code: 'cache/dropped', severity: 'info', message: `dropped the bootstrap cache ${file}: ${why}; intervals are drawn again` };
}

/**
 * Writes the results this process used since the last save (so the file holds one deck's), if any were new. The
 * cache only saves time: a folder that cannot take it is noted, never an error.
 */
export function saveBootstrapMemo(file: string): Diagnostic | undefined {
  if (added === 0) return undefined;
  const body = JSON.stringify({ format: FORMAT, results: Object.fromEntries(used) }, encode);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, `gonogo-bootstrap ${sha256(body)}\n${body}`);
    renameSync(tmp, file);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // no temp file was made
    }
    return { code: 'cache/unwritable', severity: 'info', message: `could not save the bootstrap cache ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); the next build draws the intervals again` };
  }
  // the next build in this process (watch mode) starts from what this one used
  loaded.clear();
  for (const [k, v] of used) loaded.set(k, v);
  used.clear();
  added = 0;
  return undefined;
}
