// Checkpoints: a small history file committed with the deck (checkpoints.json), one entry per
// `build --checkpoint NAME`, so the next build can say what moved since the last review.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Decision, Status } from '../decide/types.js';
import type { Spec } from '../spec/schema.js';
import type { Interval, Results } from '../stats/results.js';
import { OVERALL } from '../sources/snapshot.js';
import { headlineChange, scaleOf } from '../compose/context.js';
import { parseShare } from '../spec/quantity.js';
import { errorDiag, GonogoError } from '../diagnostics.js';

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

export function readHistory(deckDir: string): History {
  const file = join(deckDir, HISTORY_FILE);
  if (!existsSync(file)) return { version: 1, checkpoints: [] };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as History;
    if (!Array.isArray(data.checkpoints)) throw new Error('no "checkpoints" list');
    return { version: 1, checkpoints: data.checkpoints };
  } catch (err) {
    throw new GonogoError(errorDiag('history/invalid', `${file} is not a checkpoint history: ${(err as Error).message}`, { pos: { file, line: 1, col: 1 }, hint: 'restore it from git (git checkout -- checkpoints.json), or delete it to start a new history' }));
  }
}

/** Adds a checkpoint (replacing one of the same name, so rebuilding a checkpoint is idempotent); atomic write. */
export function appendCheckpoint(deckDir: string, entry: Checkpoint): History {
  const history = readHistory(deckDir);
  const at = history.checkpoints.findIndex((c) => c.name === entry.name);
  if (at >= 0) history.checkpoints[at] = entry;
  else history.checkpoints.push(entry);
  const file = join(deckDir, HISTORY_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, stableJson(history));
  renameSync(tmp, file);
  return history;
}

/** Pretty JSON with object keys sorted, so the committed file diffs cleanly. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(value), null, 2) + '\n';
}
