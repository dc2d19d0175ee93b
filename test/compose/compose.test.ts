import { describe, expect, it, beforeAll } from 'vitest';
import { runUntil } from '../../src/pipeline.js';
import type { Deck } from '../../src/deck/types.js';
import type { Spec } from '../../src/spec/normalized.js';
import { REFERENCE } from '../support/decks.js';

let deck: Deck;
let spec: Spec;

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

beforeAll(async () => {
  const run = await runUntil('compose', REFERENCE);
  deck = run.compose!;
  spec = run.load!.spec;
});

/** What a reader meets: the tree without the charts' Vega-Lite internals (alt text stays). */
const allText = (d: Deck) => JSON.stringify(d, (k, v) => (k === 'vegaLite' ? undefined : v));

describe('the reference Deck tree', () => {
  it('has at least 14 slides, unique ids, and notes where the seeds call for a talk-track', () => {
    expect(deck.slides.length).toBeGreaterThanOrEqual(14);
    expect(new Set(deck.slides.map((s) => s.id)).size).toBe(deck.slides.length);
    for (const id of ['exec-summary', 'rollback', 'recommendation', 'scenarios']) expect(deck.slides.find((s) => s.id === id)!.notes.length).toBeGreaterThan(0);
    for (const s of spec.stakeholders) expect(deck.slides.find((x) => x.id === `prewire-${s.id}`)!.notes.join(' ')).toContain(s.name);
  });

  it('gives every primary metric a deep-dive with its interval and a chart with alt text', () => {
    for (const m of spec.metrics.filter((x) => x.role === 'primary')) {
      const slide = deck.slides.find((s) => s.id === `deep-dive-${m.id}`)!;
      expect(slide).toBeDefined();
      const chart = slide.blocks.find((b) => b.type === 'chart');
      expect(chart && chart.type === 'chart' && chart.chart.alt).toMatch(/90% CI/);
      expect(JSON.stringify(slide.blocks)).toMatch(/90% CI/);
    }
  });

  it('states the verdict and the recommended option on the exec summary', () => {
    const exec = deck.slides.find((s) => s.id === 'exec-summary')!;
    expect(exec.title).toContain('Recommend B');
    const text = JSON.stringify(exec.blocks);
    expect(text).toContain('Go (partial)');
    expect(text).toContain('(option B)');
    expect(text).toContain('Rollback:');
    expect(text).toContain('Rollout:');
    const kpis = exec.blocks.find((b) => b.type === 'kpis');
    expect(kpis && kpis.type === 'kpis' && kpis.items[0].value).toBe('−12.4%');
  });

  it('shows each rule with threshold, observed interval and result on the recommendation slide', () => {
    const rec = deck.slides.find((s) => s.id === 'recommendation')!;
    const table = rec.blocks.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.rows.length).toBeGreaterThanOrEqual(8);
    expect(table.rows.some((r) => r[3].text === '✗ not met' && r[3].tone === 'fail' && r[2].text.includes('6.0%'))).toBe(true);
  });

  it('shows best, base and worst with the verdict under each', () => {
    const sc = deck.slides.find((s) => s.id === 'scenarios')!;
    const cols = sc.blocks.find((b) => b.type === 'columns');
    if (cols?.type !== 'columns') throw new Error('no columns');
    expect(cols.columns.map((c) => c.heading)).toEqual(['Best case', 'Base case', 'Worst case']);
    expect(JSON.stringify(cols)).toContain('Verdict: ');
  });

  it('uses real minus signs and never prints NaN or undefined', () => {
    const text = allText(deck);
    expect(text).not.toMatch(/NaN|undefined|\[object Object\]/);
    expect(text).not.toMatch(/ -\d/);
  });

  it('does not mutate its input', async () => {
    const run = await runUntil('decide', REFERENCE);
    const { composeDeck } = await import('../../src/compose/compose.js');
    const { loadTexts } = await import('../../src/compose/texts.js');
    const { defaultTheme } = await import('../../src/deck/theme.js');
    const input = deepFreeze({ spec: run.load!.spec, results: run.analyze!, decision: run.decide!, quality: run.data!.quality, texts: loadTexts(undefined).texts, theme: defaultTheme });
    expect(() => composeDeck(input)).not.toThrow();
  });
});
