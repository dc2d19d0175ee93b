// Interim decks show no efficacy: built from data in which treatment clearly wins, no output — PPTX XML
// (slides, notes, alt text), Markdown outline, Deck JSON, chart specs — carries an efficacy number,
// interval or direction for a primary or secondary metric.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../support/cli.js';
import { interimDeck, pilotDeck } from '../support/pilot.js';

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

// The proposal reads no data, even when its folder already holds the readout's (a metrics_file written at the top,
// where every phase would read it): it says "no data read yet", and its pre-wire slides had shown the stakeholders'
// north-star metrics as read ("Win rate: +4.6 pp (95% CI …)").
describe('a design deck whose folder holds the readout data', () => {
  it('reads none of it: no output carries a reading, and the pre-wire names what each stakeholder will watch', async () => {
    const deck = pilotDeck('design', undefined, (y) => `${y}\nmetrics_file: data/final.csv\n`);
    try {
      const final = await runCli(['build', deck.dir, '--phase', 'final', '--quiet']);
      expect(final.code, final.stderr).toBe(0);
      const readout = readFileSync(join(deck.dir, 'out', `${basename(deck.dir)}-final.md`), 'utf8');
      // what the readout says of win rate on its pre-wire slides, and any interval at all
      const reads = [...new Set([...readout.matchAll(/^- Win rate: ([^\n]+)$/gm)].map((m) => m[1]))];
      expect(reads.length).toBeGreaterThan(0);
      const design = await runCli(['build', deck.dir, '--quiet']);
      expect(design.code, design.stderr).toBe(0);
      const files = outputs(join(deck.dir, 'out')).filter((f) => !f.file.includes('-final'));
      expect(files.some((f) => f.file.endsWith('.md'))).toBe(true);
      for (const { file, text } of files) {
        for (const read of reads) expect(text.includes(read), `${read} in ${file}`).toBe(false);
        expect(/\d% CI/.test(text), `an interval in ${file}`).toBe(false);
      }
      const outline = files.find((f) => f.file.endsWith('.md'))!.text;
      expect(outline).toContain('- Win rate: read after the pilot');
    } finally {
      deck.cleanup();
    }
  });
});
