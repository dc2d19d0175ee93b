// Varied decisions for tests: a spec (as YAML-ready data), its metrics data and, sometimes, a checkpoint
// history, built so that every kind of rule, side, scale and polarity occurs, bars sit exactly on interval
// ends, intervals go missing (no data), and criteria hold or not in every combination. Decks span every metric
// kind, 1–8 metrics (a dose metric among them now and then), 0–7 segments (or as many as asked for), option labels with acronyms and
// digits ("US-only rollout", "12% in the US only"), word option ids that must never reach a reader, 0–4 data
// gaps in every status, every phase (design, interim, final), and 0–3 risks, RACI rows, milestones, alerts,
// rollback triggers and stakeholders with pre-wire.
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
import { mkdirSync, writeFileSync } from 'node:fs';
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

const KINDS = ['proportion', 'mean', 'median', 'quantile', 'rate', 'ratio'] as const;
type Kind = (typeof KINDS)[number];
const LABELS = ['Conversion', 'Order value', 'Time to “first” quote', 'Refunds & disputes', 'Ünïcödé repeat rate', 'Support <contacts>', 'Hire rate', 'Quotes per request', 'NPS among EU pros', 'P95 API latency'];
const UNITS: Record<Kind, string> = { proportion: 'share', mean: 'USD', median: 'minutes', quantile: 'ms', rate: 'tickets', ratio: 'quotes per request' };
/** Segment values, some with acronyms and digits; a deck reads 0 to 7 of them. */
const SEGMENTS = ['Plumbing', 'Cleaning', 'Moving', 'Tutoring', 'US West', 'iOS app', '2nd-time buyers'];
/** Option labels as leads write them: acronyms, digits, a lower-case start; each deck takes three. */
const OPTION_LABELS = ['US-only rollout', '12% in the US only', 'API v2 for all', 'Ship to 100%', 'Hold', 'iOS first', '50% in the top-5 categories', 'Keep as is'];
const PHASES = ['final', 'final', 'final', 'design', 'interim'] as const;
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
const change: fc.Arbitrary<ChangeArb> = fc.record({ est: grid(-0.3, 0.3), half: grid(0.002, 0.15), ci: fc.nat(9).map((n) => n > 0) });

const metricArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  /** 1 metric in 6 is the treatment's own dose (changed by design, shown as compliance). */
  dose: fc.nat(5).map((n) => n === 0),
  better: fc.constantFrom('higher', 'lower'),
  role: fc.constantFrom('primary', 'primary', 'secondary', 'guardrail'),
  segmented: fc.boolean(),
  relative: change,
  base: grid(0.1, 0.6),
  segments: fc.array(change, { minLength: 7, maxLength: 7 }),
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

const gapArb = fc.record({ status: fc.constantFrom('open', 'mitigated', 'closed', undefined), severity: fc.constantFrom('blocker', 'high', 'medium', 'low'), share: fc.constantFrom('4%', '5%', '6%', undefined) });

const deckArb = fc.record({
  metrics: fc.array(metricArb, { minLength: 1, maxLength: 8 }),
  labels: fc.shuffledSubarray(LABELS, { minLength: 8, maxLength: 8 }),
  criteria: fc.shuffledSubarray(CRITERIA, { minLength: 1, maxLength: 4 }),
  rules: fc.array(criterionArb, { minLength: 4, maxLength: 4 }),
  segments: fc.shuffledSubarray(SEGMENTS, { minLength: 0, maxLength: 7 }),
  options: fc.shuffledSubarray(OPTION_LABELS, { minLength: 3, maxLength: 3 }),
  /** Option ids: short codes a reader may see (A, B, C), or words that must never reach reader text. */
  optionIds: fc.constantFrom(['A', 'B', 'C'], ['ship', 'partial', 'hold_back']),
  /** Whether each option states its own rollout, monitoring and rollback (what a pilot's readout shows for it). */
  optionPlans: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  gaps: fc.array(gapArb, { minLength: 0, maxLength: 4 }),
  phase: fc.constantFrom(...PHASES),
  /** The plan around the decision: how many risks, RACI rows, milestones, alerts and rollback triggers (0 = none). */
  /** A pilot's design (for half the decks; a design or interim deck shows it), its checks' statuses and the interim week. */
  pilot: fc.record({ on: fc.boolean(), checks: fc.array(fc.constantFrom('planned', 'passed', 'failed'), { minLength: 0, maxLength: 3 }), pauses: fc.nat(2), definitions: fc.nat(2), week: fc.nat(6), power: fc.boolean() }),
  plan: fc.record({ risks: fc.nat(3), highImpact: fc.nat(3), raci: fc.nat(2), milestones: fc.nat(3), alerts: fc.nat(2), triggers: fc.nat(2), stakeholders: fc.nat(2) }),
  confidence: fc.constantFrom(0.8, 0.9, 0.95),
  fallback: fc.constantFrom('default', 'criterion', 'outcome'),
  target: fc.nat(5),
  history: fc.nat(2).map((n) => n === 0),
  historyStatuses: fc.array(fc.constantFrom('met', 'not_met', 'no_data'), { minLength: 4, maxLength: 4 }),
});

type Deck = typeof deckArb extends fc.Arbitrary<infer T> ? T : never;

/** The generated decisions as a fast-check arbitrary (for properties that shrink). */
export function decisionArbitrary(): fc.Arbitrary<Omit<GeneratedDecision, 'name'>> {
  return deckArb.map(build);
}

export interface GenerateOptions {
  /**
   * Values of the segment dimension in every deck, in place of the 0–7 drawn (up to MAX_SEGMENT_VALUES): short
   * ones and, every ninth, one long enough to wrap. Each value's changes repeat the drawn ones, shifted.
   */
  segmentValues?: number;
}

/** `count` decisions from `seed`: the same list on every run (the options change the decks, not the draws). */
export function generateDecisions(count: number, seed = 20261201, options: GenerateOptions = {}): GeneratedDecision[] {
  return fc.sample(deckArb, { numRuns: count, seed }).map((d, i) => ({ name: `decision ${i} of seed ${seed}${options.segmentValues ? ` with ${options.segmentValues} segment values` : ''}`, ...build(options.segmentValues ? withSegmentValues(d, options.segmentValues) : d) }));
}

/** The deck with `n` segment values, each metric's segment changes cycling through its seven drawn ones. */
function withSegmentValues(d: Deck, n: number): Deck {
  const segments = Array.from({ length: n }, (_, j) => {
    const base = SEGMENTS[j % SEGMENTS.length];
    const round = Math.floor(j / SEGMENTS.length) + 1;
    return j % 9 === 4 ? `${base} & commercial deep cleaning (EU) ${round}` : `${base} ${round}`;
  });
  const shift = (c: ChangeArb, j: number): ChangeArb => ({ ...c, est: Math.round((c.est + 0.004 * Math.floor(j / SEGMENTS.length)) * 1000) / 1000 });
  return { ...d, segments, metrics: d.metrics.map((m) => ({ ...m, segments: segments.map((_, j) => shift(m.segments[j % m.segments.length], j)) })) };
}

/** Writes gonogo.yaml, metrics.csv and (if any) checkpoints.json into `dir`, made if it is not there. */
export function writeDecision(dir: string, g: Omit<GeneratedDecision, 'name'>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'gonogo.yaml'), stringify(g.spec));
  writeFileSync(join(dir, 'metrics.csv'), g.csv);
  if (g.history) writeFileSync(join(dir, 'checkpoints.json'), JSON.stringify(g.history, null, 2));
}

function build(d: Deck): Omit<GeneratedDecision, 'name'> {
  // The first metric is primary; a dose metric is never graded (it changes by design) and is read overall only.
  const metrics = d.metrics.map((m, i) => {
    const dose = i > 0 && m.dose;
    return { ...m, id: `m${i}`, label: d.labels[i], role: i === 0 ? 'primary' : dose ? 'dose' : m.role, segmented: m.segmented && !dose && d.segments.length > 0 };
  });
  const graded = metrics.filter((m) => m.role !== 'dose');
  const segmented = graded.filter((m) => m.segmented);
  const optionIds = d.optionIds;
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

  const GAP_TEXT = ['Missing variant', 'Late events in the EU', 'Duplicate API calls', 'iOS events unlabelled'];
  const gaps = d.gaps.map((g, i) => ({ id: `gap_${i}`, description: GAP_TEXT[i], metrics: ['m0'], severity: g.severity, bias_direction: 'unknown', mitigation: 'joined', residual_risk: 'some', ...(g.status ? { status: g.status } : {}), ...(g.share ? { missing_share: g.share } : {}) }));
  const criteria = Object.fromEntries(
    d.criteria.map((c, ci) => {
      const spec = d.rules[ci];
      const rules = spec.rules.map((r) => {
        const note = r.note ? { note: 'as agreed with the VP' } : {};
        if (r.type === 'guardrails') return { guardrails: /no_go|stop/.test(c.id) ? 'breached' : 'pass', ...note };
        if (r.type === 'data_gap' && gaps.length) return { data_gap: gaps[r.metric % gaps.length].id, missing_share: { at_most: '5%' }, ...note };
        if (r.type === 'segments' && segmented.length) {
          const m = segmented[r.metric % segmented.length];
          return { no_segment: { by: 'category', all: [{ metric: m.id, ...metricConditions(m, r.scale, r.checks, 'all') }] }, ...note };
        }
        const m = graded[r.metric % graded.length];
        // A rule on one segment reads that segment (a segment the data lack is refused before any decision).
        const segment = r.onSegment && m.segmented ? `category=${d.segments[r.segment % d.segments.length]}` : undefined;
        return { metric: m.id, ...(segment ? { segment } : {}), ...metricConditions(m, r.scale, r.checks, segment ?? 'all'), ...note };
      });
      const polarity = spec.explicit ? { polarity: /no_go|stop/.test(c.id) ? 'stop' : 'go' } : {};
      return [c.id, { label: c.label, option: optionIds[ci % 3], ...polarity, [spec.mode]: rules }];
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
    phase: d.phase,
    decision: {
      question: 'Ship it?',
      confidence: d.confidence,
      options: optionIds.map((id, i) => ({ id, label: d.options[i], ...(d.optionPlans[i] ? optionPlan(d.options[i]) : {}) })),
      ...(d.fallback === 'criterion' ? { fallback: ids[ids.length - 1] } : d.fallback === 'outcome' ? { fallback: { label: 'Otherwise — hold', option: optionIds[2] } } : {}),
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
      ...(m.kind === 'quantile' ? { quantile: 0.95 } : {}),
      ...(m.segmented ? { segments: ['category'] } : {}),
      ...(m.role === 'guardrail' ? { max_worsening: m.margin === 'relative' ? '10%' : share(m) ? '1pp' : round(level(m) * 0.1) } : {}),
    })),
    ...(segmented.length ? { prespecified_segments: ['category'] } : {}),
    data_gaps: gaps,
    ...planOf(d.plan),
    ...pilotOf(d.pilot, metrics[0].kind === 'proportion'),
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

/** An option's own rollout, monitoring and rollback. */
function optionPlan(label: string): Record<string, unknown> {
  return {
    rollout: [{ when: 'Day 0', what: `Switch on ${label}`, owner: 'Eng' }, { when: 'Week 2', what: 'Review the first read', owner: 'Lead' }],
    monitoring: { alerts: [{ metric: 'm0', signal: 'Primary metric', threshold: '−5% vs control', cadence: 'daily', action: 'Roll back' }] },
    rollback: { triggers: ['Primary metric 5% below control for 2 days'], steps: [{ do: 'Flip the flag off', owner: 'Eng on call' }], who_flips: 'Eng on call', who_communicates: 'PM', sla_minutes: 60 },
  };
}

/** A pilot design with 0–3 instrumentation checks in any status, pause rules, definitions, sometimes power and an interim week. */
function pilotOf(p: Deck['pilot'], proportion: boolean): Record<string, unknown> {
  if (!p.on) return {};
  const n = (k: number) => Array.from({ length: k }, (_, i) => i);
  return {
    pilot: {
      finding: 'API v2 users convert more; the analysis is observational',
      confounders: ['Power users adopt API v2 first'],
      proposal: 'A 4-week randomised pilot of the US-only rollout',
      eligibility: ['Accounts in the US'],
      randomisation: { unit: 'Account' },
      treatment: 'API v2',
      control: 'API v1',
      pause_rules: n(p.pauses).map((i) => ({ signal: `Error rate ${i + 1}`, threshold: 'above 2%', action: 'Pause and review' })),
      definitions: n(p.definitions).map((i) => ({ term: `Term ${i + 1}`, definition: 'As logged by the API gateway.' })),
      instrumentation: p.checks.map((status, i) => ({ check: `Check ${i + 1} of the iOS logging`, status })),
      ...(p.power && proportion ? { power: { baseline: '20%', mde: '5pp', units_per_week: 700, unit_name: 'accounts' } } : {}),
    },
    ...(p.week ? { interim: { week: p.week } } : {}),
  };
}

/** Risks, RACI, timeline, monitoring, rollback and stakeholders in the counts drawn (ids with underscores, never shown). */
function planOf(p: Deck['plan']): Record<string, unknown> {
  const n = (k: number) => Array.from({ length: k }, (_, i) => i);
  return {
    ...(p.risks ? { risks: n(p.risks).map((i) => ({ id: `risk_${i}`, description: `Risk ${i + 1} in the EU rollout`, likelihood: 'medium', impact: i < p.highImpact ? 'high' : 'low', mitigation: 'Watch it weekly', owner: 'Ops' })) } : {}),
    ...(p.raci ? { raci: n(p.raci).map((i) => ({ workstream: `Workstream ${i + 1}`, R: 'Analytics', A: 'Lead' })) } : {}),
    ...(p.milestones ? { timeline: n(p.milestones).map((i) => ({ when: `Week ${i + 1}`, what: `Step ${i + 1} of the US-only rollout`, owner: 'Eng' })) } : {}),
    ...(p.alerts ? { monitoring: { alerts: n(p.alerts).map((i) => ({ metric: 'm0', signal: `Signal ${i + 1}`, threshold: '+10% vs control', cadence: 'daily', action: 'Roll back' })) } } : {}),
    ...(p.triggers ? { rollback: { triggers: n(p.triggers).map((i) => `API v2 error rate above 2% for ${i + 1} hours`), steps: [{ do: 'Flip the flag off', owner: 'Eng on call', within: '5 min' }], who_flips: 'Eng on call', who_communicates: 'PM', sla_minutes: 30 } } : {}),
    ...(p.stakeholders ? { stakeholders: n(p.stakeholders).map((i) => ({ id: `vp_${i}`, name: `Stakeholder ${i + 1}`, role: 'VP', north_star: ['m0'], prewire: { objections: ['Why now?'], responses: ['The data says so'], ask: 'Approve the rollout' } })) } : {}),
  };
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
