// The normalize stage (vega-lite's habit): the spec as written → the spec every later stage reads.
// Each threshold is parsed and checked here, once, with file:line:col on error; rules become a tagged
// union; criteria an ordered list with their polarity; the fallback and the target criterion resolved.
// After this stage nothing parses "-10%" and no threshold can be NaN.
import { errorDiag, type Diagnostic } from '../diagnostics.js';
import { kindOf, type Scale } from '../model/metric-kinds.js';
import { OVERALL } from '../model/rows.js';
import type { FieldPath, PositionIndex } from './positions.js';
import { fieldName } from './issues.js';
import { parseQuantity, parseShare, quantityOnScale, scaleOfUnit } from './quantity.js';
import type { Bound, Quantity, WrittenCriterion, WrittenMetricRule, WrittenRule } from './rules.js';
import type { WrittenMetric, WrittenSpec } from './schema.js';
import type { Check, Criterion, DataGap, Fallback, Metric, MetricRule, Pilot, Polarity, Relation, Rule, Spec, Threshold } from './normalized.js';

/** Ids and labels that name a stop criterion when the spec does not say. */
const STOP_ID = /(^|[_-])(no[_-]?go|nogo|stop|hold|kill|abort|halt|rollback|revert)([_-]|$)/i;
const STOP_LABEL = /^(no[\s-]?go|stop|hold|kill|abort|halt|roll\s?back|revert)\b/i;

export function normalizeSpec(written: WrittenSpec, positions: PositionIndex): { spec: Spec; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  /** `message` follows the field's name: ': "x" …' for a rule's bar, ' "x" …' for a field holding one quantity. */
  const fail = (path: FieldPath, message: string, expected: string, hint: string) =>
    diagnostics.push(errorDiag('spec/quantity', `${fieldName(path)}${message}`, { field: fieldName(path), expected, hint, pos: positions.at(path) }));
  const metricsById = new Map(written.metrics.map((m) => [m.id, m]));

  const metrics: Metric[] = written.metrics.map((m, i) => ({ ...m, max_worsening: m.max_worsening === undefined ? undefined : margin(m, ['metrics', i, 'max_worsening']) }));

  function margin(m: WrittenMetric, path: FieldPath): Threshold | undefined {
    const q = m.max_worsening!;
    const p = parseQuantity(q);
    if (!p) return void fail(path, ` "${q}" is not a quantity`, 'e.g. 10% (relative) or 1pp (absolute)', 'write a number with % or pp, without words');
    if (p.value < 0) return void fail(path, ` "${q}" is negative`, 'the size of the largest worsening allowed, e.g. 10%', "write it without a sign: the direction comes from the metric's better: field");
    if (p.value === 0) return void fail(path, ` "${q}" allows no worsening at all, so any noise would breach it`, 'the size of the largest worsening allowed, e.g. 10%', 'write the smallest worsening that would matter, e.g. 2%');
    if (p.unit === 'pp' && !kindOf(m.kind).share)
      return void fail(path, ` "${q}" is in percentage points, but ${m.id} is a ${m.kind}, not a proportion`, "a percentage (relative) or a plain number in the metric's unit", `write ${String(q).replace(/\s*(pp|p\.p\.)$/i, '%')} for a relative margin`);
    const scale: Scale = p.unit === 'percent' ? 'relative' : 'absolute';
    return threshold(p.value, scale, m, q);
  }

  const data_gaps: DataGap[] = written.data_gaps.map((g, i) => {
    const share = (key: 'missing_share' | 'missing_share_before'): number | undefined => {
      const v = g[key];
      if (v === undefined) return undefined;
      const s = parseShare(v);
      if (s === undefined) fail(['data_gaps', i, key], ` "${v}" is not a share`, 'a share between 0% and 100%, e.g. 6%', 'write the share of rows affected, e.g. 6% or 0.06');
      return s;
    };
    return { ...g, missing_share: share('missing_share'), missing_share_before: share('missing_share_before') };
  });

  const criteria: Criterion[] = Object.entries(written.criteria).map(([id, c]) => criterion(id, c));

  function criterion(id: string, c: WrittenCriterion): Criterion {
    const mode = c.all ? 'all' : 'any';
    const inferred: Polarity = STOP_ID.test(id) || STOP_LABEL.test(c.label) ? 'stop' : 'go';
    return {
      id,
      label: c.label,
      ...(c.option ? { option: c.option } : {}),
      ...(c.description ? { description: c.description } : {}),
      polarity: c.polarity ?? inferred,
      polarityFrom: c.polarity ? 'spec' : 'inferred',
      mode,
      rules: (c.all ?? c.any ?? []).map((r, i) => rule(r, `${id}.${mode}[${i}]`, ['criteria', id, mode, i])),
    };
  }

  function rule(r: WrittenRule, id: string, path: FieldPath): Rule {
    const note = r.note ? { note: r.note } : {};
    if ('metric' in r) return { ...metricRule(r, path), id, ...note };
    if ('no_segment' in r) {
      const pattern = r.no_segment.all.map((p, j) => {
        const { type, metric, scale, scaleFrom, checks } = metricRule(p, [...path, 'no_segment', 'all', j]);
        return { type, metric, scale, scaleFrom, checks };
      });
      return { type: 'segments', id, by: r.no_segment.by, pattern, ...note };
    }
    if ('guardrails' in r) return { type: 'guardrails', id, expect: r.guardrails, ...note };
    const checks = sides(r.missing_share).flatMap(([side, q]) => {
      const bar = parseShare(q);
      if (bar === undefined) fail([...path, 'missing_share', side], ` "${q}" is not a share`, 'a share such as 10%', 'write a share between 0% and 100%');
      return bar === undefined ? [] : [{ side, bar }];
    });
    contradictory(r.missing_share, checks, [...path, 'missing_share']);
    return { type: 'data_gap', id, gap: r.data_gap, checks, ...note };
  }

  function metricRule(r: Omit<WrittenMetricRule, 'segment' | 'note'> & { segment?: string }, path: FieldPath): Omit<MetricRule, 'id'> {
    const m = metricsById.get(r.metric)!;
    const written: { path: FieldPath; q: Quantity; make: (bar: Threshold) => Check }[] = [];
    for (const [key, on] of [['estimate', 'estimate'], ['ci_lower', 'lower'], ['ci_upper', 'upper']] as const)
      for (const [side, q] of sides(r[key])) written.push({ path: [...path, key, side], q, make: (bar) => ({ type: 'bound', on, side, bar }) });
    for (const relation of ['excludes', 'includes', 'above', 'below'] as const satisfies readonly Relation[]) {
      const q = r.interval?.[relation];
      if (q !== undefined) written.push({ path: [...path, 'interval', relation], q, make: (bar) => ({ type: 'interval', relation, bar }) });
    }
    if (written.length === 0)
      diagnostics.push(errorDiag('spec/missing', `${fieldName(path)} has no condition`, { field: fieldName(path), expected: 'at least one of estimate, ci_lower, ci_upper, interval', hint: 'e.g. ci_lower: {at_least: -1.0pp}, or interval: {excludes: 0}', pos: positions.at(path) }));
    const inferred = scaleOf(r, written.map((w) => w.q), m, path);
    const scale = inferred ?? kindOf(m.kind).defaultScale;
    // With mixed units the bars cannot be read on one scale: that one error says it all.
    const checks = !inferred ? [] : written.flatMap((w) => {
      const v = quantityOnScale(w.q, scale, kindOf(m.kind).share, m.kind);
      if ('error' in v) {
        fail(w.path, `: ${v.error}`, 'a percentage for relative changes, pp for absolute changes of proportions, a plain number otherwise', v.hint);
        return [];
      }
      return [w.make(threshold(v.value, scale, m, w.q))];
    });
    for (const [key, on] of [['estimate', 'estimate'], ['ci_lower', 'lower'], ['ci_upper', 'upper']] as const)
      if (r[key]) contradictory(r[key]!, checks.flatMap((c) => (c.type === 'bound' && c.on === on ? [{ side: c.side, bar: c.bar.value }] : [])), [...path, key]);
    return { type: 'metric', metric: r.metric, segment: r.segment ?? OVERALL, scale, scaleFrom: r.scale ? 'spec' : 'inferred', checks };
  }

  /** A bound no value can meet (at_least above at_most) would fail whatever the data say. */
  function contradictory(bound: Bound, bars: { side: 'at_least' | 'at_most'; bar: number }[], path: FieldPath): void {
    const low = bars.find((b) => b.side === 'at_least')?.bar;
    const high = bars.find((b) => b.side === 'at_most')?.bar;
    if (low === undefined || high === undefined || low <= high) return;
    diagnostics.push(
      errorDiag('spec/quantity', `${fieldName(path)}: at_least ${bound.at_least} is above at_most ${bound.at_most}, so no value can meet it`, {
        field: fieldName([...path, 'at_least']),
        expected: 'at_least ≤ at_most',
        hint: 'the two may be swapped; a range reads { at_least: low, at_most: high }',
        pos: positions.at([...path, 'at_least']),
      }),
    );
  }

  /** As written; else from the bars' units (% relative, pp or a plain number absolute); else the kind's default. */
  function scaleOf(r: { scale?: Scale }, qs: Quantity[], m: WrittenMetric, path: FieldPath): Scale | undefined {
    if (r.scale) return r.scale;
    const units = new Set(qs.flatMap((q) => {
      const p = parseQuantity(q);
      const s = p && scaleOfUnit(p);
      return s ? [s] : [];
    }));
    if (units.size > 1) {
      diagnostics.push(errorDiag('spec/quantity', `${fieldName(path)}: thresholds mix percentages and pp/plain numbers`, { field: fieldName(path), expected: 'thresholds on one scale: all percentages (relative) or all pp / plain numbers (absolute)', hint: 'set scale: relative or scale: absolute', pos: positions.at(path) }));
      return undefined;
    }
    return [...units][0] ?? kindOf(m.kind).defaultScale;
  }

  const decision = resolveDecision(written, criteria, positions, diagnostics);
  const pilot = written.pilot && normalizePilot(written.pilot, positions, diagnostics);
  const { pilot: _written, ...rest } = written;
  const spec: Spec = { ...rest, metrics, data_gaps, criteria, decision, ...(pilot ? { pilot } : {}) };
  return { spec, diagnostics };
}

function sides(b: Bound | undefined): ['at_least' | 'at_most', Quantity][] {
  return (['at_least', 'at_most'] as const).flatMap((side) => (b?.[side] === undefined ? [] : [[side, b[side]!] as ['at_least' | 'at_most', Quantity]]));
}

function threshold(value: number, scale: Scale, m: WrittenMetric, q: Quantity): Threshold {
  return { value, scale, unit: scale === 'relative' ? '%' : kindOf(m.kind).share ? 'pp' : m.unit, written: String(q) };
}

function resolveDecision(written: WrittenSpec, criteria: Criterion[], positions: PositionIndex, diagnostics: Diagnostic[]): Spec['decision'] {
  const { fallback: f, target, ...rest } = written.decision;
  let fallback: Fallback;
  if (typeof f === 'object') {
    if (criteria.some((c) => c.id === 'fallback'))
      diagnostics.push(errorDiag('spec/duplicate-id', 'decision.fallback is an outcome of its own, but a criterion is also called "fallback"', { field: 'decision.fallback', expected: 'distinct names', hint: 'rename the criterion, or write fallback: fallback to use it', pos: positions.at(['decision', 'fallback']) }));
    fallback = { id: 'fallback', label: f.label, ...(f.option ? { option: f.option } : {}), criterion: false };
  } else {
    const c = criteria.find((x) => x.id === f) ?? criteria[criteria.length - 1];
    fallback = { id: c.id, label: c.label, ...(c.option ? { option: c.option } : {}), criterion: true };
  }
  const firstGo = criteria.find((c) => c.polarity === 'go')?.id;
  return { ...rest, fallback, ...(target ?? firstGo ? { target: target ?? firstGo } : {}), targetFrom: target ? 'spec' : 'default' };
}

/** A pilot's power inputs: the baseline is a share, the effect to detect a change of that share in points. */
function normalizePilot(p: NonNullable<WrittenSpec['pilot']>, positions: PositionIndex, diagnostics: Diagnostic[]): Pilot {
  const { power, ...rest } = p;
  if (!power) return rest;
  const at = (key: 'baseline' | 'mde') => ({ field: `pilot.power.${key}`, pos: positions.at(['pilot', 'power', key]) });
  const baseline = parseShare(power.baseline);
  if (baseline === undefined || baseline === 0 || baseline === 1)
    diagnostics.push(errorDiag('spec/quantity', `pilot.power.baseline "${power.baseline}" is not a share between 0% and 100%`, { ...at('baseline'), expected: 'the control arm\'s rate, e.g. 20% or 0.2', hint: 'write the baseline proportion as a percentage' }));
  const mde = parseQuantity(power.mde);
  if (!mde || mde.value === 0 || mde.unit === 'percent')
    diagnostics.push(errorDiag('spec/quantity', `pilot.power.mde "${power.mde}" is not a change in percentage points`, { ...at('mde'), expected: 'the smallest lift worth detecting, e.g. 3pp', hint: 'write it in pp (3pp), or as a plain fraction (0.03)' }));
  return { ...rest, power: { ...power, baseline: baseline ?? 0.5, mde: mde?.value ?? 0.01 } };
}
