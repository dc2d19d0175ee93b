// Checkpoints: a small history file committed with the deck (checkpoints.json), one entry per
// `build --checkpoint NAME`, so the next build can say what moved since the last review.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { Decision, Status } from '../decide/types.js';
import type { Spec } from '../spec/schema.js';
import type { Interval, Results } from '../stats/results.js';
import { OVERALL } from '../sources/snapshot.js';
import { headlineChange, scaleOf } from '../compose/context.js';
import { parseShare } from '../spec/quantity.js';
import { errorDiag, GonogoError } from '../diagnostics.js';
import { unsafeChar } from '../xml-text.js';
import { readJson } from '../spec/json-read.js';
import { decodeUserText, MAX_TEXT_BYTES } from '../spec/source-file.js';

export const HISTORY_FILE = 'checkpoints.json';

export interface HeadlineRead {
  estimate: number;
  ci: Interval | null;
  scale: 'relative' | 'absolute';
}

export interface GapState {
  id: string;
  status: 'open' | 'mitigated' | 'closed';
  /** Fraction after mitigation, when the spec states one. */
  missing_share: number | null;
}

export interface Checkpoint {
  name: string;
  /** YYYY-MM-DD, given by the caller (the deck's date or SOURCE_DATE_EPOCH), never the clock. */
  date: string;
  verdict: { criterion: string; label: string; option?: string };
  counts: Record<Status, number>;
  /** Per criterion, its status (additive to the brief: lets the slide say which criteria flipped). */
  criteria?: { id: string; status: Status }[];
  /** Per primary and guardrail metric, its overall headline change. */
  headline: Record<string, HeadlineRead>;
  gaps: GapState[];
}

export interface History {
  version: 1;
  checkpoints: Checkpoint[];
}

/** The checkpoint entry for the current state of a deck. */
export function checkpointFrom(input: { name: string; date: string; spec: Spec; results: Results; decision: Decision }): Checkpoint {
  const { spec, results, decision } = input;
  const headline: Record<string, HeadlineRead> = {};
  for (const m of spec.metrics.filter((x) => x.role !== 'secondary')) {
    const read = results.reads.find((r) => r.metric === m.id && r.segment === OVERALL);
    const ch = headlineChange(read, m);
    if (read && ch) headline[m.id] = { estimate: ch.estimate, ci: ch.ci ? { lo: ch.ci.lo, hi: ch.ci.hi } : null, scale: scaleOf(read, ch) };
  }
  const v = decision.verdict;
  return {
    name: input.name,
    date: input.date,
    verdict: { criterion: v.criterion, label: v.label, ...(v.option ? { option: v.option } : {}) },
    counts: { ...decision.counts },
    criteria: decision.criteria.map((c) => ({ id: c.id, status: c.status })),
    headline,
    gaps: spec.data_gaps.map((g) => ({ id: g.id, status: g.status ?? 'open', missing_share: g.missing_share === undefined ? null : (parseShare(g.missing_share) ?? null) })),
  };
}

/** What a checkpoint name may be: it heads a slide and names an entry in checkpoints.json. Returns what is wrong. */
export function checkpointNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'is empty';
  const bad = unsafeChar(name);
  if (bad) return `contains the ${bad.kind} ${bad.code}`;
  if (name.length > MAX_CHECKPOINT_NAME) return `is ${name.length} characters long, more than ${MAX_CHECKPOINT_NAME}`;
  return undefined;
}

const MAX_CHECKPOINT_NAME = 200;
const status = z.enum(['pass', 'fail', 'inconclusive']);
const count = z.number().int().nonnegative();
const printable = z.string().refine((s) => !unsafeChar(s), 'printable text');
const checkpointSchema = z.looseObject({
  name: z.string().refine((s) => checkpointNameProblem(s) === undefined, `a checkpoint name: printable text of 1 to ${MAX_CHECKPOINT_NAME} characters`),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  verdict: z.looseObject({ criterion: z.string(), label: printable, option: z.string().optional() }),
  counts: z.looseObject({ pass: count, fail: count, inconclusive: count }),
  criteria: z.array(z.looseObject({ id: z.string(), status })).optional(),
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
  return { version: 1, checkpoints: data.checkpoints as Checkpoint[] };
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
