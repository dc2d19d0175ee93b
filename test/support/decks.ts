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

/** The reference deck read from precomputed numbers (test/fixtures/quoting-precomputed.csv) instead of the
 * lock: only gonogo.yaml (with metrics_file) and metrics.csv, so tests can edit the numbers cheaply. */
export function precomputedDeck(edit?: (yaml: string) => string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gonogo-deck-'));
  writePrecomputedReference(dir, edit);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writePrecomputedReference(dir: string, edit?: (yaml: string) => string): void {
  const yaml = readFileSync(join(REFERENCE, 'gonogo.yaml'), 'utf8');
  writeFileSync(join(dir, 'gonogo.yaml'), (edit ? edit(yaml) : yaml).replace(/^metrics:$/m, 'metrics_file: metrics.csv\n\nmetrics:'));
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'quoting-precomputed.csv'), join(dir, 'metrics.csv'));
}
