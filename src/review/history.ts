// Checkpoints: a small history file committed with the deck (checkpoints.json), one entry per
// `build --checkpoint NAME`, so the next build can say what moved since the last review. The entry itself
// (decide/checkpoint.ts) records the decision; this module reads, checks and extends the file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { Checkpoint, History } from '../decide/checkpoint.js';
import { MARKS, type Status } from '../model/outcomes.js';
import { errorDiag, GonogoError } from '../diagnostics.js';
import { unsafeChar } from '../xml-text.js';
import { readJson } from '../spec/json-read.js';
import { decodeUserText, MAX_TEXT_BYTES } from '../spec/source-file.js';

export const HISTORY_FILE = 'checkpoints.json';

/** What a checkpoint name may be: it heads a slide and names an entry in checkpoints.json. Returns what is wrong. */
export function checkpointNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'is empty';
  const bad = unsafeChar(name);
  if (bad) return `contains the ${bad.kind} ${bad.code}`;
  if (name.length > MAX_CHECKPOINT_NAME) return `is ${name.length} characters long, more than ${MAX_CHECKPOINT_NAME}`;
  return undefined;
}

const MAX_CHECKPOINT_NAME = 200;
// Entries written before rules had polarity counted pass / fail / inconclusive; both forms are read.
const status = z.enum(['met', 'not_met', 'no_data', 'pass', 'fail', 'inconclusive']);
const count = z.number().int().nonnegative();
const printable = z.string().refine((s) => !unsafeChar(s), 'printable text');
const checkpointSchema = z.looseObject({
  name: z.string().refine((s) => checkpointNameProblem(s) === undefined, `a checkpoint name: printable text of 1 to ${MAX_CHECKPOINT_NAME} characters`),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  verdict: z.looseObject({ criterion: z.string(), label: printable, option: z.string().optional() }),
  counts: z.union([z.looseObject(Object.fromEntries(MARKS.map((m) => [m, count.optional()]))), z.looseObject({ pass: count, fail: count, inconclusive: count })]),
  criteria: z.array(z.looseObject({ id: z.string(), status, polarity: z.enum(['go', 'stop']).optional() })).optional(),
  headline: z.record(z.string(), z.looseObject({ estimate: z.number(), ci: z.looseObject({ lo: z.number(), hi: z.number() }).nullable(), scale: z.enum(['relative', 'absolute']) })),
  gaps: z.array(z.looseObject({ id: z.string(), status: z.enum(['open', 'mitigated', 'closed']), missing_share: z.number().nullable() })),
});
const historySchema = z.looseObject({ version: z.literal(1).optional(), checkpoints: z.array(checkpointSchema).max(10_000) });

export function readHistory(deckDir: string, cwd?: string): History {
  const path = join(deckDir, HISTORY_FILE);
  if (!existsSync(path)) return { version: 1, checkpoints: [] };
  const file = cwd ? relative(cwd, path) || path : path;
  const hint = 'restore it from git (git checkout -- checkpoints.json), or delete it to start a new history';
  const st = statSync(path);
  if (!st.isFile()) throw new GonogoError(errorDiag('history/invalid', `${file} is not a file`, { pos: { file, line: 1, col: 1 }, expected: 'the checkpoint history gonogo build --checkpoint writes', hint }));
  if (st.size > MAX_TEXT_BYTES) throw new GonogoError(errorDiag('file/too-large', `${file} is larger than the ${MAX_TEXT_BYTES / 1048576} MB gonogo reads`, { pos: { file, line: 1, col: 1 }, expected: 'a checkpoint history', hint }));
  const data = readJson(decodeUserText(readFileSync(path), 'checkpoint history', file), file, historySchema, { code: 'history', what: 'checkpoint history', hint });
  return { version: 1, checkpoints: (data.checkpoints as unknown as Checkpoint[]).map(upgrade) };
}

/**
 * Entries written before rules had polarity counted pass / fail / inconclusive: read them as met / not met
 * (an inconclusive rule was one not met) under go polarity, so the next slide compares like with like.
 */
function upgrade(c: Checkpoint): Checkpoint {
  const old = c.counts as unknown as Record<string, number | undefined>;
  const counts = 'pass' in old ? { met: old.pass ?? 0, not_met: (old.fail ?? 0) + (old.inconclusive ?? 0) } : old;
  const status = (s: string): Status => (s === 'pass' ? 'met' : s === 'fail' || s === 'inconclusive' ? 'not_met' : (s as Status));
  return {
    ...c,
    counts: Object.fromEntries(MARKS.map((m) => [m, (counts as Record<string, number | undefined>)[m] ?? 0])) as Checkpoint['counts'],
    ...(c.criteria ? { criteria: c.criteria.map((x) => ({ id: x.id, status: status(x.status), polarity: x.polarity ?? 'go' })) } : {}),
  };
}

/** The history with a checkpoint added (replacing one of the same name, so rebuilding a checkpoint is idempotent); the build writes it with its other outputs. */
export function historyWith(deckDir: string, entry: Checkpoint, cwd?: string): History {
  const history = readHistory(deckDir, cwd);
  const at = history.checkpoints.findIndex((c) => c.name === entry.name);
  if (at >= 0) history.checkpoints[at] = entry;
  else history.checkpoints.push(entry);
  return history;
}

/** Pretty JSON with object keys sorted, so the committed file diffs cleanly. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(value), null, 2) + '\n';
}
