// Varied decisions for tests: a spec (as YAML-ready data), its metrics data and, sometimes, a checkpoint
// history, built so that every kind of rule, side, scale and polarity occurs, bars sit exactly on interval
// ends, intervals go missing (no data), and criteria hold or not in every combination.
//
// Seedable and deterministic: the same (count, seed) gives the same decisions on every machine (fast-check's
// generator, no Math.random, no clock). Use it as
//
//   for (const g of generateDecisions(200, 20261201)) { writeDecision(dir, g); … }
//
// or, inside a fast-check property, `decisionArbitrary()`. Each decision carries `name` (its index and
// seed) for messages. Labels are unique within a deck, so a checker can tell metrics, segments and criteria
// apart in the written text; they still carry characters a renderer must escape (&, quotes, ü, <>).
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface GeneratedDecision {
  /** "decision 17 of seed 20261201", for failure messages. */
  name: string;
  spec: Record<string, unknown>;
  /** metrics.csv: precomputed arm and change rows, one set per metric and segment. */
  csv: string;
  /** checkpoints.json, when the deck has an earlier checkpoint (the "since" slide then shows). */
  history?: Record<string, unknown>;
}

const KINDS = ['proportion', 'mean', 'median', 'rate'] as const;
type Kind = (typeof KINDS)[number];
const LABELS = ['Conversion', 'Order value', 'Time to “first” quote', 'Refunds & disputes', 'Ünïcödé repeat rate', 'Support <contacts>', 'Hire rate', 'Quotes per request'];
const UNITS: Record<Kind, string> = { proportion: 'share', mean: 'USD', median: 'minutes', rate: 'tickets' };
const SEGMENTS = ['Plumbing', 'Cleaning', 'Moving', 'Tutoring'];
const CRITERIA = [
  { id: 'go_full', label: 'Go (full) — ship to 100%' },
  { id: 'go_partial', label: 'Go (partial) — top segments' },
  { id: 'scale', label: 'Scale — roll out' },
  { id: 'iterate', label: 'Iterate — refine' },
  { id: 'no_go', label: 'No-go — hold' },
  { id: 'stop', label: 'Stop — keep as is' },
];

/** Numbers on a 0.001 grid, so bars written from them in % or pp land exactly on them. */
const grid = (min: number, max: number) => fc.integer({ min: Math.round(min * 1000), max: Math.round(max * 1000) }).map((i) => i / 1000);

interface ChangeArb {
  est: number;
  half: number;
  /** Whether the change rows carry an interval. */
  ci: boolean;
}
/** 1 change in 10 comes without an interval: bound and interval rules on it have no data. */
const change: fc.Arbitrary<ChangeArb> = fc.record({ est: grid(-0.3, 0.3), half: grid(0, 0.15), ci: fc.nat(9).map((n) => n > 0) });

const metricArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  better: fc.constantFrom('higher', 'lower'),
  role: fc.constantFrom('primary', 'primary', 'secondary', 'guardrail'),
  segmented: fc.boolean(),
  relative: change,
  base: grid(0.1, 0.6),
  segments: fc.array(change, { minLength: 4, maxLength: 4 }),
  margin: fc.constantFrom('relative', 'absolute'),
});

/** Where a bar comes from: a round number, or exactly one of the read's numbers (an interval end, the estimate). */
const barPick = fc.record({ from: fc.constantFrom('round', 'round', 'estimate', 'lo', 'hi'), round: grid(-0.2, 0.2), nudge: fc.constantFrom(0, 0, 0.001, -0.001) });

const checkArb = fc.record({
  on: fc.constantFrom('estimate', 'ci_lower', 'ci_upper', 'interval'),
  side: fc.constantFrom('at_least', 'at_most'),
  relation: fc.constantFrom('excludes', 'includes', 'above', 'below'),
  bar: barPick,
});

const ruleArb = fc.record({
  type: fc.constantFrom('metric', 'metric', 'metric', 'metric', 'segments', 'guardrails', 'data_gap'),
  metric: fc.nat(4),
  scale: fc.constantFrom('relative', 'absolute'),
  checks: fc.array(checkArb, { minLength: 1, maxLength: 2 }),
  onSegment: fc.nat(7).map((n) => n === 0),
  segment: fc.nat(3),
  note: fc.nat(5).map((n) => n === 0),
});

const criterionArb = fc.record({ mode: fc.constantFrom('all', 'any'), rules: fc.array(ruleArb, { minLength: 1, maxLength: 3 }), explicit: fc.nat(5).map((n) => n === 0) });

const deckArb = fc.record({
  metrics: fc.array(metricArb, { minLength: 2, maxLength: 5 }),
  labels: fc.shuffledSubarray(LABELS, { minLength: 5, maxLength: 5 }),
  criteria: fc.shuffledSubarray(CRITERIA, { minLength: 1, maxLength: 4 }),
  rules: fc.array(criterionArb, { minLength: 4, maxLength: 4 }),
  segments: fc.shuffledSubarray(SEGMENTS, { minLength: 2, maxLength: 4 }),
  confidence: fc.constantFrom(0.8, 0.9, 0.95),
  fallback: fc.constantFrom('default', 'criterion', 'outcome'),
  target: fc.nat(5),
  gapShare: fc.constantFrom('4%', '5%', '6%'),
  history: fc.nat(2).map((n) => n === 0),
  historyStatuses: fc.array(fc.constantFrom('met', 'not_met', 'no_data'), { minLength: 4, maxLength: 4 }),
});

type Deck = typeof deckArb extends fc.Arbitrary<infer T> ? T : never;

/** The generated decisions as a fast-check arbitrary (for properties that shrink). */
export function decisionArbitrary(): fc.Arbitrary<Omit<GeneratedDecision, 'name'>> {
  return deckArb.map(build);
}

/** `count` decisions from `seed`: the same list on every run. */
export function generateDecisions(count: number, seed = 20261201): GeneratedDecision[] {
  return fc.sample(decisionArbitrary(), { numRuns: count, seed }).map((d, i) => ({ name: `decision ${i} of seed ${seed}`, ...d }));
}

/** Writes gonogo.yaml, metrics.csv and (if any) checkpoints.json into `dir`. */
export function writeDecision(dir: string, g: Omit<GeneratedDecision, 'name'>): void {
  writeFileSync(join(dir, 'gonogo.yaml'), stringify(g.spec));
  writeFileSync(join(dir, 'metrics.csv'), g.csv);
  if (g.history) writeFileSync(join(dir, 'checkpoints.json'), JSON.stringify(g.history, null, 2));
}

function build(d: Deck): Omit<GeneratedDecision, 'name'> {
  const metrics = d.metrics.map((m, i) => ({ ...m, id: `m${i}`, label: d.labels[i], role: i === 0 ? 'primary' : m.role }));
  const segmented = metrics.filter((m) => m.segmented);
  const share = (m: (typeof metrics)[number]) => m.kind === 'proportion';
  // The absolute change of a metric: relative × base level (proportions in points of a share).
  const level = (m: (typeof metrics)[number]) => (share(m) ? m.base : Math.round(m.base * 100));
  const abs = (m: (typeof metrics)[number], c: ChangeArb) => ({ est: round(c.est * level(m)), half: round(c.half * level(m)), ci: c.ci });
  const reads = (m: (typeof metrics)[number]) => [
    { segment: 'all', rel: m.relative },
    ...(m.segmented ? d.segments.map((s, j) => ({ segment: `category=${s}`, rel: m.segments[j] })) : []),
  ];

  const lines = ['metric,arm,segment,estimate,ci_low,ci_high,n'];
  for (const m of metrics) {
    for (const r of reads(m)) {
      const c = level(m);
      const t = round(c * (1 + r.rel.est));
      lines.push(`${m.id},control,${r.segment},${c},,,1000`, `${m.id},treatment,${r.segment},${t},,,1000`);
      const a = abs(m, r.rel);
      for (const [arm, ch] of [['abs_change', a], ['rel_change', r.rel]] as const) {
        const ci = ch.ci ? `${round(ch.est - ch.half)},${round(ch.est + ch.half)}` : ',';
        lines.push(`${m.id},${arm},${r.segment},${ch.est},${ci},`);
      }
    }
  }

  /** A bar for one metric's rule: written in the rule's unit, often exactly on one of the overall read's numbers. */
  const bar = (m: (typeof metrics)[number], scale: string, pick: Deck['rules'][number]['rules'][number]['checks'][number]['bar'], segment = 'all') => {
    const rel = reads(m).find((r) => r.segment === segment)?.rel ?? m.relative;
    const c = scale === 'relative' ? rel : abs(m, rel);
    const raw = pick.from === 'estimate' ? c.est : pick.from === 'lo' ? c.est - c.half : pick.from === 'hi' ? c.est + c.half : scale === 'relative' || share(m) ? pick.round : round(pick.round * level(m));
    const v = round(raw + (pick.from === 'round' ? 0 : pick.nudge * (scale === 'absolute' && !share(m) ? level(m) : 1)));
    if (scale === 'relative') return `${pct(v)}%`;
    return share(m) ? `${pct(v)}pp` : v;
  };

  const gapId = 'missing_variant';
  const criteria = Object.fromEntries(
    d.criteria.map((c, ci) => {
      const spec = d.rules[ci];
      const rules = spec.rules.map((r) => {
        const note = r.note ? { note: 'as agreed with the VP' } : {};
        if (r.type === 'guardrails') return { guardrails: /no_go|stop/.test(c.id) ? 'breached' : 'pass', ...note };
        if (r.type === 'data_gap') return { data_gap: gapId, missing_share: { at_most: '5%' }, ...note };
        if (r.type === 'segments' && segmented.length) {
          const m = segmented[r.metric % segmented.length];
          return { no_segment: { by: 'category', all: [{ metric: m.id, ...metricConditions(m, r.scale, r.checks, 'all') }] }, ...note };
        }
        const m = metrics[r.metric % metrics.length];
        // A rule on one segment reads that segment (a segment the data lack is refused before any decision).
        const segment = r.onSegment && m.segmented ? `category=${d.segments[r.segment % d.segments.length]}` : undefined;
        return { metric: m.id, ...(segment ? { segment } : {}), ...metricConditions(m, r.scale, r.checks, segment ?? 'all'), ...note };
      });
      const polarity = spec.explicit ? { polarity: /no_go|stop/.test(c.id) ? 'stop' : 'go' } : {};
      return [c.id, { label: c.label, option: ['A', 'B', 'C'][ci % 3], ...polarity, [spec.mode]: rules }];
    }),
  );

  function metricConditions(m: (typeof metrics)[number], scale: string, checks: Deck['rules'][number]['rules'][number]['checks'], segment: string) {
    const out: Record<string, Record<string, unknown>> = {};
    for (const k of checks) {
      if (k.on === 'interval') (out.interval ??= {})[k.relation] = k.relation === 'excludes' || k.relation === 'includes' ? (k.bar.from === 'round' ? 0 : bar(m, scale, k.bar, segment)) : bar(m, scale, k.bar, segment);
      else (out[k.on] ??= {})[k.side] = bar(m, scale, k.bar, segment);
    }
    // Two bars on one number are a range: at_least the lower (a range no value can meet is refused).
    for (const b of ['estimate', 'ci_lower', 'ci_upper']) {
      const r = out[b];
      if (r?.at_least !== undefined && r.at_most !== undefined && parseFloat(String(r.at_least)) > parseFloat(String(r.at_most))) [r.at_least, r.at_most] = [r.at_most, r.at_least];
    }
    return { scale, ...out };
  }

  const ids = d.criteria.map((c) => c.id);
  const spec: Record<string, unknown> = {
    version: 1,
    deck: { title: 'Generated decision', owner: 'Test', date: '2026-11-20' },
    decision: {
      question: 'Ship it?',
      confidence: d.confidence,
      options: [{ id: 'A', label: 'Ship' }, { id: 'B', label: 'Partial' }, { id: 'C', label: 'Hold' }],
      ...(d.fallback === 'criterion' ? { fallback: ids[ids.length - 1] } : d.fallback === 'outcome' ? { fallback: { label: 'Otherwise — hold', option: 'C' } } : {}),
      ...(d.target < ids.length && d.target % 2 === 0 ? { target: ids[d.target] } : {}),
    },
    metrics: metrics.map((m) => ({
      id: m.id,
      label: m.label,
      kind: m.kind,
      unit: UNITS[m.kind],
      better: m.better,
      role: m.role,
      ...(m.kind === 'rate' ? { per: 100 } : {}),
      ...(m.segmented ? { segments: ['category'] } : {}),
      ...(m.role === 'guardrail' ? { max_worsening: m.margin === 'relative' ? '10%' : share(m) ? '1pp' : round(level(m) * 0.1) } : {}),
    })),
    ...(segmented.length ? { prespecified_segments: ['category'] } : {}),
    data_gaps: [{ id: gapId, description: 'Missing variant', metrics: ['m0'], severity: 'medium', bias_direction: 'unknown', mitigation: 'joined', residual_risk: 'some', missing_share: d.gapShare }],
    metrics_file: 'metrics.csv',
    criteria,
  };
  const history = d.history
    ? {
        version: 1,
        checkpoints: [
          {
            name: 'week-1',
            date: '2026-11-13',
            verdict: { criterion: ids[0], label: d.criteria[0].label },
            counts: { met: 1, not_met: 1, triggered: 0, not_triggered: 0, not_clear: 0, no_data: 0 },
            criteria: ids.map((id, i) => ({ id, status: d.historyStatuses[i], polarity: /no_go|stop/.test(id) ? 'stop' : 'go' })),
            headline: {},
            gaps: [],
          },
        ],
      }
    : undefined;
  return { spec, csv: lines.join('\n') + '\n', ...(history ? { history } : {}) };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A fraction as the number in front of % or pp: 0.123 → "12.3" (text shifted, so it parses back to 0.123 exactly). */
function pct(v: number): string {
  const s = Math.abs(v).toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  const [int, frac = ''] = s.split('.');
  const shifted = `${int}${frac.padEnd(2, '0').slice(0, 2)}.${frac.slice(2)}`.replace(/\.$/, '').replace(/^0+(?=\d)/, '');
  return `${v < 0 ? '-' : ''}${shifted}`;
}
