// Property: any spec built from the schema's main fields, with metrics rows consistent with it, validates,
// and its Deck tree is well formed: every slide has a title, no text says undefined/NaN/Infinity/[object Object].
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { convertWithLibreOffice, pdfPages, pdfText } from '../support/office.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { runUntil } from '../../src/pipeline.js';
import { runCli } from '../support/cli.js';
import type { Deck } from '../../src/deck/types.js';

const WORDS = ['speed', 'quality', 'Plumbing', 'refunds', '<b>', '&', ']]>', 'ünïcödé', '🚀', 'هل', 'שלום', '"quoted"', "it's", 'a: b', '#tag', '50%', '-1pp', 'null', 'yes'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const id = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);

interface MetricArb {
  id: string;
  label: string;
  kind: 'proportion' | 'mean' | 'median' | 'rate';
  unit: string;
  better: 'higher' | 'lower';
  role: 'primary' | 'secondary' | 'guardrail';
  /** treatment vs control, relative */
  lift: number;
  base: number;
  halfWidth: number;
  n: number;
}

const metricArb = (mid: string): fc.Arbitrary<MetricArb> =>
  fc.record({
    id: fc.constant(mid),
    label: text,
    kind: fc.constantFrom('proportion', 'mean', 'median', 'rate'),
    unit: fc.constantFrom('minutes', 'USD', 'share of requests', 'tickets', 'quotes per request'),
    better: fc.constantFrom('higher', 'lower'),
    role: fc.constantFrom('primary', 'secondary', 'guardrail'),
    lift: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
    base: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
    halfWidth: fc.double({ min: 0, max: 0.2, noNaN: true }),
    n: fc.integer({ min: 1, max: 1_000_000 }),
  }) as fc.Arbitrary<MetricArb>;

const specArb = fc
  .record({
    metricIds: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    optionIds: fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,3}$/), { minLength: 1, maxLength: 3 }),
    criterionIds: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }),
    title: text,
    owner: text,
    question: text,
    confidence: fc.constantFrom(0.8, 0.9, 0.95, 0.99, 0.5),
    phase: fc.constantFrom('final', 'interim', 'design'),
    date: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    optionLabels: fc.array(text, { minLength: 3, maxLength: 3 }),
    thresholds: fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 3, maxLength: 3 }),
  })
  .chain((s) => fc.record({ s: fc.constant(s), metrics: fc.tuple(...s.metricIds.map(metricArb)) }));

type Generated = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

function buildSpec({ s, metrics }: Generated): Record<string, unknown> {
  return {
    version: 1,
    deck: { title: s.title, owner: s.owner, date: s.date },
    phase: s.phase,
    decision: { question: s.question, confidence: s.confidence, options: s.optionIds.map((o, i) => ({ id: o, label: s.optionLabels[i] })) },
    metrics: metrics.map((m) => ({ id: m.id, label: m.label, kind: m.kind, unit: m.unit, better: m.better, role: m.role, ...(m.role === 'guardrail' ? { max_worsening: m.kind === 'proportion' ? '1pp' : '10%' } : {}), ...(m.kind === 'rate' ? { per: 100 } : {}) })),
    metrics_file: 'metrics.csv',
    criteria: Object.fromEntries(
      s.criterionIds.map((c, i) => {
        const m = metrics[i % metrics.length];
        const threshold = m.kind === 'proportion' ? `${s.thresholds[i] / 10}pp` : `${s.thresholds[i]}%`;
        return [c, { label: `${c} label`, option: s.optionIds[i % s.optionIds.length], all: [{ metric: m.id, estimate: { [m.better === 'higher' ? 'at_least' : 'at_most']: threshold } }] }];
      }),
    ),
  };
}

/** Control, treatment and both changes per metric, each with an ordered interval around its estimate. */
function buildCsv(metrics: MetricArb[]): string {
  const lines = ['metric,arm,segment,estimate,ci_low,ci_high,n'];
  const r = (x: number) => Number(x.toPrecision(6));
  for (const m of metrics) {
    const scale = m.kind === 'proportion' ? 1 : 100;
    const c = m.base * scale;
    const t = m.kind === 'proportion' ? Math.min(0.99, Math.max(0.01, c * (1 + m.lift))) : c * (1 + m.lift);
    const w = m.halfWidth * scale * 0.1;
    const row = (arm: string, est: number, half: number, n: number | '') => lines.push(`${m.id},${arm},all,${r(est)},${r(est - half)},${r(est + half)},${n}`);
    row('control', c, w, m.n);
    row('treatment', t, w, m.n);
    row('abs_change', t - c, w * 1.4, '');
    row('rel_change', t / c - 1, m.halfWidth * 0.2, '');
  }
  return lines.join('\n') + '\n';
}

function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => strings(n, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== 'vegaLite') strings(v, out);
  return out;
}

function checkDeck(deck: Deck): void {
  expect(deck.slides.length).toBeGreaterThan(0);
  for (const slide of deck.slides) {
    expect(slide.title.trim(), slide.id).not.toBe('');
    for (const t of strings(slide)) expect(t, `${slide.id}: ${t}`).not.toMatch(/\bundefined\b|\bNaN\b|Infinity|\[object Object\]/);
  }
}

describe('property: random valid specs validate and compose to a well-formed Deck tree', () => {
  it('holds for 200 generated decks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-prop-'));
    try {
      await fc.assert(
        fc.asyncProperty(specArb, async (gen) => {
          const spec = buildSpec(gen);
          // labels from WORDS may collide with the YAML of an unrelated generated value; a stringify round trip keeps them texts
          writeFileSync(join(dir, 'gonogo.yaml'), stringify(spec));
          writeFileSync(join(dir, 'metrics.csv'), buildCsv(gen.metrics));
          const run = await runUntil('compose', '.', { cwd: dir });
          expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          checkDeck(run.compose!);
        }),
        { numRuns: 200, seed: 20261124 },
      );
      // and the CLI agrees on the last one
      const r = await runCli(['validate', '.'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('property: random valid specs build to a PPTX that LibreOffice opens', () => {
  // Builds are in-process (charts and all); every few builds one is opened by LibreOffice (~2 s each).
  // GONOGO_PROPERTY_BUILDS=300 runs more on demand.
  const runs = Number(process.env.GONOGO_PROPERTY_BUILDS ?? 48);
  const openEvery = 8;
  it(`holds for ${runs} generated decks, ${Math.ceil(runs / openEvery)} of them opened in LibreOffice`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'gonogo-prop-build-'));
    let i = 0;
    try {
      await fc.assert(
        fc.asyncProperty(specArb, async (gen) => {
          // A fresh folder each run: shrinking re-runs a property, and must not trip over the failed run's folder.
          const dir = mkdtempSync(join(root, 'deck-'));
          writeFileSync(join(dir, 'gonogo.yaml'), stringify(buildSpec(gen)));
          writeFileSync(join(dir, 'metrics.csv'), buildCsv(gen.metrics));
          const r = await runCli(['build', dir, '--json']);
          expect(r.code, r.stderr).toBe(0);
          const { slides, pptx } = JSON.parse(r.stdout) as { slides: number; pptx: string };
          const zip = unzipSync(readFileSync(pptx));
          expect(Object.keys(zip).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length).toBe(slides);
          if (i++ % openEvery === 0) {
            const pdf = convertWithLibreOffice(pptx, 'pdf', dir);
            expect(pdfPages(pdf)).toBe(slides);
            const text = pdfText(pdf).replace(/\s+/g, ' ');
            // the title slide's title, as a reader sees it (LibreOffice may re-wrap but keeps the words)
            for (const word of gen.s.title.split(' ').filter((w) => /^[A-Za-z]{4,}$/.test(w))) expect(text).toContain(word);
          }
          rmSync(dir, { recursive: true, force: true });
        }),
        { numRuns: runs, seed: 20261125 },
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    // 16 s on two cores with the machine shared (load ≈ 4.5); 48 builds and 6 LibreOffice runs get room to spare
  }, 180_000);
});
