// Temporary deck folders made from the reference deck with edits, for tests.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REFERENCE = join(import.meta.dirname, '..', '..', 'decks', 'quoting-workflow');

/** Copies the reference deck (without out/) into a temp folder; `edit` rewrites its gonogo.yaml text. */
export function tempDeck(edit?: (yaml: string) => string, from: string = REFERENCE): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gonogo-deck-'));
  cpSync(from, dir, { recursive: true, filter: (src) => !src.includes(`${from}/out`) });
  if (edit) {
    const file = join(dir, 'gonogo.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The reference deck read from precomputed numbers (test/fixtures/quoting-precomputed.csv) instead of the lock. */
export function precomputedDeck(edit?: (yaml: string) => string): { dir: string; cleanup: () => void } {
  const deck = tempDeck((y) => (edit ? edit(y) : y).replace(/^metrics:$/m, 'metrics_file: metrics.csv\n\nmetrics:'));
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'quoting-precomputed.csv'), join(deck.dir, 'metrics.csv'));
  return deck;
}
