// Checkpoints: a small history file committed with the deck (checkpoints.json), one entry per
// `build --checkpoint NAME`, so the next build can say what moved since the last review.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checkpoint, History } from '../decide/checkpoint.js';
import type { Status } from '../model/outcomes.js';
import { errorDiag, GonogoError } from '../diagnostics.js';

export const HISTORY_FILE = 'checkpoints.json';

export function readHistory(deckDir: string): History {
  const file = join(deckDir, HISTORY_FILE);
  if (!existsSync(file)) return { version: 1, checkpoints: [] };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as History;
    if (!Array.isArray(data.checkpoints)) throw new Error('no "checkpoints" list');
    return { version: 1, checkpoints: data.checkpoints.map(upgrade) };
  } catch (err) {
    throw new GonogoError(errorDiag('history/invalid', `${file} is not a checkpoint history: ${(err as Error).message}`, { pos: { file, line: 1, col: 1 }, hint: 'restore it from git (git checkout -- checkpoints.json), or delete it to start a new history' }));
  }
}

/**
 * Entries written before rules had polarity counted pass / fail / inconclusive: read them as met / not met
 * (an inconclusive rule was one not met) under go polarity, so the next slide compares like with like.
 */
function upgrade(c: Checkpoint): Checkpoint {
  const old = c.counts as unknown as Record<string, number | undefined>;
  const status = (s: string): Status => (s === 'pass' ? 'met' : s === 'fail' || s === 'inconclusive' ? 'not_met' : (s as Status));
  return {
    ...c,
    ...('pass' in old ? { counts: { met: old.pass ?? 0, not_met: (old.fail ?? 0) + (old.inconclusive ?? 0), triggered: 0, not_triggered: 0, not_clear: 0, no_data: 0 } } : {}),
    ...(c.criteria ? { criteria: c.criteria.map((x) => ({ id: x.id, status: status(x.status), polarity: x.polarity ?? 'go' })) } : {}),
  };
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
