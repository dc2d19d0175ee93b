// When a guardrail breach turns the verdict to No-go, the deck says so in red, as "triggered", on every
// slide that shows it, and every other metric keeps the mark it had under Go: a mark is news for the
// decision, read against the target criterion, never against whichever criterion won.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { build } from '../../src/build.js';
import { defaultTheme } from '../../src/deck/theme.js';
import { outlineSlides, type WrittenSlide } from '../support/marks-checker.js';
import { precomputedDeck } from '../support/decks.js';

const go = precomputedDeck();
const noGo = precomputedDeck();
afterAll(() => [go, noGo].forEach((d) => d.cleanup()));

interface Built {
  verdict: string;
  outline: WrittenSlide[];
  pptx: Record<string, string>;
}
const built: Record<'go' | 'noGo', Built> = {} as never;

beforeAll(async () => {
  // Support tickets +12% (90% CI +5% to +19%) against an allowed worsening of 10%: the upper end is past it.
  const csv = join(noGo.dir, 'metrics.csv');
  writeFileSync(csv, readFileSync(csv, 'utf8').replace(/^support_per_100,rel_change,all,.*$/m, 'support_per_100,rel_change,all,0.12,0.05,0.19,'));
  for (const [key, d] of [['go', go], ['noGo', noGo]] as const) {
    const r = await build(d.dir, { outDir: join(d.dir, 'out') });
    const files = unzipSync(new Uint8Array(readFileSync(r.pptxFile)));
    const pptx = Object.fromEntries(Object.entries(files).filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map(([n, b]) => [n, strFromU8(b)]));
    built[key] = { verdict: r.decision.verdict.criterion, outline: outlineSlides(readFileSync(join(d.dir, 'out', `${d.dir.split('/').pop()}.md`), 'utf8')), pptx };
  }
}, 120_000);

const cards = (b: Built) => Object.fromEntries(b.outline.find((s) => s.id === 'exec-summary')!.tables[0].slice(1).map((r) => [r[0], r[2]]));

describe('a No-go deck', () => {
  it('is a No-go decided by the breached guardrail', () => {
    expect([built.go.verdict, built.noGo.verdict]).toEqual(['go_partial', 'no_go']);
  });

  it('shows the breached guardrail as triggered, and the metrics with the marks they had under Go', () => {
    const [before, after] = [cards(built.go), cards(built.noGo)];
    expect(after['Support tickets per 100 requests']).toBe('✗ triggered');
    expect(before['Support tickets per 100 requests']).toBe('✓ not triggered');
    for (const label of ['Median time to first quote', '7-day hire rate', 'Spam flags per 1,000 quotes']) expect(after[label], label).toBe(before[label]);
    const rec = built.noGo.outline.find((s) => s.id === 'recommendation')!.tables[0];
    expect(rec.find((r) => r[1] === 'Any guardrail breached')?.at(-1)).toBe('✗ triggered');
    const guardrails = built.noGo.outline.find((s) => s.id === 'guardrails')!.paragraphs;
    expect(guardrails.find((p) => p.includes('Support tickets per 100 requests:'))).toMatch(/^✗ triggered — /);
  });

  it('sets every "triggered" in the PPTX in the theme’s bad-news colour, and every "not triggered" in its good-news colour', () => {
    const runs = Object.values(built.noGo.pptx).flatMap((xml) => [...xml.matchAll(/<a:r>[\s\S]*?<\/a:r>/g)].map((m) => m[0]));
    const colourOf = (text: string) => runs.filter((r) => r.includes(`<a:t>${text}</a:t>`)).map((r) => /<a:srgbClr val="([0-9A-F]{6})"/.exec(r)?.[1]);
    expect(colourOf('✗ triggered').length).toBeGreaterThan(0);
    expect(new Set(colourOf('✗ triggered'))).toEqual(new Set([defaultTheme.colors.fail]));
    expect(new Set(colourOf('✓ not triggered'))).toEqual(new Set([defaultTheme.colors.pass]));
    expect(new Set(colourOf('✓ met'))).toEqual(new Set([defaultTheme.colors.pass]));
  });
});
