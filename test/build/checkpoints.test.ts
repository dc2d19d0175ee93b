// The lead's checkpoint loop through the CLI: build --checkpoint appends to checkpoints.json, and the next
// checkpoint's deck opens with what moved since the last one.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runCli } from '../support/cli.js';
import { precomputedDeck } from '../support/decks.js';
import type { Deck } from '../../src/deck/types.js';

describe('build --checkpoint', () => {
  it('keeps a history and shows what moved since the last checkpoint', async () => {
    const deck = precomputedDeck();
    try {
      const env = { ...process.env, SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 18) / 1000) };
      const day1 = await runCli(['build', deck.dir, '--checkpoint', 'Day 1 EOD', '--quiet'], { env });
      expect(day1.code, day1.stderr).toBe(0);
      const history = JSON.parse(readFileSync(join(deck.dir, 'checkpoints.json'), 'utf8'));
      expect(history.checkpoints.map((c: { name: string; date: string }) => [c.name, c.date])).toEqual([['Day 1 EOD', '2026-11-18']]);

      // Day 2: time to first quote weakens to −8% [−10%, −6%], below the −10% bar
      const csv = join(deck.dir, 'metrics.csv');
      writeFileSync(csv, readFileSync(csv, 'utf8').replace(/^ttfq_median,rel_change,all,.*$/m, 'ttfq_median,rel_change,all,-0.08,-0.10,-0.06,'));
      const day2 = await runCli(['build', deck.dir, '--checkpoint', 'Day 2 EOD', '--json'], { env: { ...env, SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 19) / 1000) } });
      expect(day2.code, day2.stderr).toBe(0);
      const out = JSON.parse(readFileSync(join(deck.dir, 'out', `${basename(deck.dir)}.deck.json`), 'utf8')) as Deck;
      const ids = out.slides.map((s) => s.id);
      expect(ids.indexOf('since-last-checkpoint')).toBe(ids.indexOf('exec-summary') + 1);
      const since = JSON.stringify(out.slides.find((s) => s.id === 'since-last-checkpoint'));
      expect(since).toContain('Day 1 EOD');
      expect(since).toContain('−11.9%');
      expect(since).toContain('−8.0%');
      expect(out.meta.checkpoint).toBe('Day 2 EOD');
      expect(JSON.stringify(out.slides[0])).toContain('Checkpoint: Day 2 EOD');
      // and every numbered slide's footer carries the stamp
      const { unzipSync, strFromU8 } = await import('fflate');
      const zip = unzipSync(readFileSync(join(deck.dir, 'out', `${basename(deck.dir)}.pptx`)));
      const slide3 = strFromU8(zip['ppt/slides/slide3.xml']);
      expect(slide3).toContain('Checkpoint: Day 2 EOD');
      const after = JSON.parse(readFileSync(join(deck.dir, 'checkpoints.json'), 'utf8'));
      expect(after.checkpoints.map((c: { name: string }) => c.name)).toEqual(['Day 1 EOD', 'Day 2 EOD']);
      expect(JSON.parse(day2.stdout).verdict.criterion).not.toBe('go_partial');
    } finally {
      deck.cleanup();
    }
  });
});
