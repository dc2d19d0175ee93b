// Interim decks show no efficacy: built from data in which treatment clearly wins, no output — PPTX XML
// (slides, notes, alt text), Markdown outline, Deck JSON, chart specs — carries an efficacy number,
// interval or direction for a primary or secondary metric.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../support/cli.js';
import { interimDeck } from '../support/pilot.js';

function outputs(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory() || name.includes('.cache')) return [];
    if (name.endsWith('.pptx')) return Object.entries(unzipSync(readFileSync(path))).filter(([n]) => /\.(xml|rels)$/.test(n)).map(([n, b]) => ({ file: `${name}:${n}`, text: strFromU8(b) }));
    return [{ file: name, text: readFileSync(path, 'utf8') }];
  });
}

describe('an interim deck built from winning data', () => {
  it('leaks no efficacy number or direction into any output', async () => {
    const deck = interimDeck();
    try {
      const r = await runCli(['build', deck.dir, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      const files = outputs(join(deck.dir, 'out'));
      expect(files.some((f) => f.file.endsWith('.md'))).toBe(true);
      expect(files.some((f) => /notesSlide/.test(f.file))).toBe(true);
      // The efficacy metrics by label and id, and the numbers the winning data would produce:
      // win rate 20.0% → 35.0% (+15.0 pp), stage 30.0% → 45.0%, meetings 20.0% → 32.0%, cycle 41.5 → 33.2 days (−20.0%).
      const forbidden = ['Win rate', 'win_rate', 'Stage 1→2', 'stage_progression', 'Meeting set rate', 'meeting_set_rate', 'Sales cycle length', 'cycle_days',
        '35.0%', '15.0 pp', '+15', '45.0%', '32.0%', '33.2', '41.5', '−20.0%', '+75', 'raises', 'lowers', 'improves', 'winner'];
      for (const { file, text } of files) for (const word of forbidden) expect(text.includes(word), `${word} in ${file}`).toBe(false);
    } finally {
      deck.cleanup();
    }
  });
});
