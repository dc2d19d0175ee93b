// Changes in words for a terminal or a review comment, and as JSON for tools.
import type { Change, DeckSnapshot } from './diff.js';
import { MARK_WORD } from '../model/outcomes.js';

export function formatChanges(changes: Change[], a: string, b: string): string {
  if (changes.length === 0) return `No differences between ${a} and ${b}.\n`;
  const out = [`Differences from ${a} to ${b}:`, ''];
  for (const c of changes) out.push(...lines(c));
  return out.join('\n') + '\n';
}

function lines(c: Change): string[] {
  switch (c.kind) {
    case 'verdict':
      return [`Verdict changed: ${c.from.label} → ${c.to.label}`];
    case 'criterion':
      return [`Criterion ${c.id} (${c.label}): ${MARK_WORD[c.from]} → ${MARK_WORD[c.to]}`];
    case 'rule':
      return [`Rule in ${c.criterion}: ${c.text}: ${MARK_WORD[c.from]} → ${MARK_WORD[c.to]} (${c.reason})`];
    case 'metric': {
      const where = c.segment === 'all' ? '' : ` [${c.segment}]`;
      const unit = c.shown.unitBy ? `; ${c.shown.unitFrom} → ${c.shown.unitTo}, ${c.shown.unitBy}` : '';
      return [`Metric ${c.label}${where}: ${c.shown.from} → ${c.shown.to}, moved ${c.shown.by}${unit}`];
    }
    case 'scenario':
      return [`Scenario ${c.name}: ${c.from} → ${c.to}`];
    case 'slide-added':
      return [`Slide added: ${c.id} — ${c.title}`];
    case 'slide-removed':
      return [`Slide removed: ${c.id} — ${c.title}`];
    case 'slide-reworded':
      return [`Slide reworded: ${c.id} — ${c.title}`, ...c.removed.map((l) => `  - ${l}`), ...c.added.map((l) => `  + ${l}`)];
  }
}

export function changesJson(changes: Change[], a: DeckSnapshot, b: DeckSnapshot): string {
  return JSON.stringify({ from: a.label, to: b.label, differ: changes.length > 0, changes }, null, 2) + '\n';
}
