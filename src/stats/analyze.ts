// The analyze stage: Spec + MetricsSnapshot → Results (per metric and segment: arms, change, interval).
// Pure: problems in the data come back as diagnostics; nothing throws for bad rows.
import { GonogoError, type Diagnostic } from '../diagnostics.js';
import type { Metric, Spec } from '../spec/normalized.js';
import { isEfficacyMetric } from '../spec/schema.js';
import type { MetricsSnapshot } from '../sources/snapshot.js';
import type { MetricRow } from '../model/rows.js';
import { OVERALL } from '../model/rows.js';
import type { MetricRead, Results } from './results.js';
import { checkRow } from './rowChecks.js';
import { indexRows, orderedSegments, segmentDimension } from './indexRows.js';
import { readMean, readProportion, readQuantile, readRate, readRatioEstimate, type Reader } from './readByKind.js';
import { kindOf, type MetricKindEntry } from '../model/metric-kinds.js';
import { changeFromRow, readPrecomputed, PRECOMPUTED } from './readPrecomputed.js';
import type { PairRead, ReadContext } from './readContext.js';
import { designEffect } from './designEffect.js';
import { adjustFamilies, srmFor } from './analyzeFamilies.js';

export function analyze(spec: Spec, snapshot: MetricsSnapshot): { results: Results; diagnostics: Diagnostic[] } {
  const confidence = spec.decision.confidence;
  const labels = { control: spec.arms?.control ?? 'control', treatment: spec.arms?.treatment ?? 'treatment' };
  const { index, diagnostics } = indexRows(snapshot.rows, spec.metrics.map((m) => m.id));
  const deff = designEffectOf(spec, diagnostics);
  const reads: MetricRead[] = [];
  const methods: string[] = [];
  // An interim deck reads no efficacy metric: none is computed, and an interim extract need not hold one.
  for (const metric of spec.metrics.filter((m) => !(spec.phase === 'interim' && isEfficacyMetric(m)))) {
    const segments = index.get(metric.id);
    if (!segments) {
      diagnostics.push({ code: 'metrics/no-data', severity: 'warning', message: `${metric.id}: the metrics data has no rows for this metric`, field: `metrics.${metric.id}`, hint: 'check the metric id in the query output or the metrics file' });
      continue;
    }
    for (const segment of orderedSegments(segments.keys())) {
      const arms = segments.get(segment)!;
      const ctx: ReadContext = { metric, segment, confidence, deff };
      const dim = segmentDimension(segment);
      const read: MetricRead = {
        metric: metric.id, segment, control: null, treatment: null, absolute: null, relative: null,
        exploratory: dim !== null && !(spec.prespecified_segments ?? []).includes(dim), designEffect: deff,
      };
      reads.push(read);
      const pair = readPair(arms, labels, ctx, diagnostics);
      if (!pair) continue;
      Object.assign(read, { control: pair.control, treatment: pair.treatment, absolute: pair.absolute, relative: pair.relative, designEffect: pair.designEffect });
      methods.push(...pair.methods);
      diagnostics.push(...pair.warnings);
    }
  }
  const adjusted = adjustFamilies(reads);
  if (adjusted) methods.push('Holm adjustment of p-values across each metric’s segment reads');
  if (deff !== 1 && reads.some((r) => r.designEffect !== 1)) {
    methods.push(`Design effect 1 + (m − 1)·ICC = ${round(deff)} (m = ${spec.design!.cluster_size}, ICC = ${spec.design!.icc}): variances × deff`);
  }
  const results: Results = { confidence, reads, methods: [], ...(adjusted ? { adjustment: 'holm' as const } : {}) };
  const srm = srmFor(snapshot.assignments, labels, spec.arms?.planned_split ?? 0.5, diagnostics);
  if (srm) {
    results.srm = srm;
    methods.push('Chi-square goodness-of-fit test for sample-ratio mismatch (flagged at p < 0.001)');
  }
  results.methods = [...new Set(methods)];
  return { results, diagnostics };
}

/** Reads one segment's arm rows, or returns null after recording why it cannot. */
function readPair(arms: Map<string, MetricRow>, labels: { control: string; treatment: string }, ctx: ReadContext, diags: Diagnostic[]): PairRead | null {
  // A pull maps the data's arm labels to 'control' / 'treatment'; a metrics file keeps the spec's labels.
  const t = arms.get(labels.treatment) ?? arms.get('treatment');
  const c = arms.get(labels.control) ?? arms.get('control');
  const where = `${ctx.metric.id} (segment ${ctx.segment})`;
  if (!t || !c) {
    const missing = [!c ? labels.control : null, !t ? labels.treatment : null].filter(Boolean).join(' and ');
    diags.push({
      code: 'metrics/missing-arm', severity: ctx.segment === OVERALL ? 'error' : 'warning',
      message: `${where}: no row for arm ${missing}`, expected: `rows with arm '${labels.control}' and '${labels.treatment}'`,
      hint: `arms present: ${[...arms.keys()].join(', ') || 'none'}; set arms.control / arms.treatment in the spec if the labels differ`,
    });
    return null;
  }
  const abs = arms.get('abs_change');
  const rel = arms.get('rel_change');
  const problems = [t, c, abs, rel].filter((r): r is MetricRow => r !== undefined).flatMap(checkRow);
  if (problems.length > 0) {
    diags.push(...problems);
    return null;
  }
  const reader = pickReader(ctx.metric, t, c);
  if (typeof reader === 'object') {
    diags.push({ code: 'metrics/unreadable', severity: 'error', message: `${where}: ${reader.error}`, field: `metrics.${ctx.metric.id}`, expected: expectedFields(ctx.metric), hint: 'or supply estimate, ci_low, ci_high and n per arm' });
    return null;
  }
  try {
    const pair = reader === 'precomputed' ? readPrecomputed(t, c, { ...ctx, deff: 1 }, abs, rel) : reader(t, c, ctx);
    // Change rows supplied with raw arms are the user's explicit numbers: they win over the computed ones.
    if (reader !== 'precomputed' && (abs || rel)) {
      if (abs) pair.absolute = changeFromRow(abs);
      if (rel) pair.relative = changeFromRow(rel);
      pair.methods.push(PRECOMPUTED);
    }
    return pair;
  } catch (err) {
    if (!(err instanceof GonogoError)) throw err;
    diags.push(...err.diagnostics.map((d) => ({ ...d, code: 'metrics/invalid-input', message: `${where}: ${d.message}`, field: `metrics.${ctx.metric.id}` })));
    return null;
  }
}

const READERS: Record<MetricKindEntry['reader'], Reader> = { proportion: readProportion, mean: readMean, rate: readRate, quantile: readQuantile, ratio: readRatioEstimate };

function pickReader(metric: Metric, t: MetricRow, c: MetricRow): Reader | 'precomputed' | { error: string } {
  const entry = kindOf(metric.kind);
  const carries = (row: MetricRow) => entry.columns.some((set) => set.every((k) => row[k as keyof MetricRow] !== undefined));
  if (carries(t) && carries(c)) {
    if (metric.kind === 'quantile' && metric.quantile === undefined) return { error: 'a quantile metric needs `quantile:` (e.g. 0.9 for P90) in the spec' };
    return READERS[entry.reader];
  }
  if (t.estimate !== undefined && c.estimate !== undefined) return 'precomputed';
  return { error: `the rows carry neither the fields a ${metric.kind} metric is computed from nor a precomputed estimate` };
}

function expectedFields(metric: Metric): string {
  return `${kindOf(metric.kind).columns.map((set) => set.join(', ')).join(' (or ')}${kindOf(metric.kind).columns.length > 1 ? ')' : ''} in both arms`;
}

/** The spec's design effect; an impossible design is reported and read as no clustering. */
function designEffectOf(spec: Spec, diags: Diagnostic[]): number {
  try {
    return designEffect(spec.design?.cluster_size, spec.design?.icc);
  } catch (err) {
    if (!(err instanceof GonogoError)) throw err;
    diags.push({ code: 'metrics/design-effect', severity: 'error', message: err.message, field: 'design', expected: 'cluster_size ≥ 1 and 0 ≤ icc < 1', hint: 'cluster_size is the average number of units per cluster' });
    return 1;
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
