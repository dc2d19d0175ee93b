// Checks zod cannot: duplicate ids, references to undefined metrics, options, gaps, segments and criteria.
// Thresholds are parsed and checked by spec/normalize.ts, which runs after these hold.
import { closest, errorDiag, type Diagnostic } from '../diagnostics.js';
import type { WrittenSpec as Spec } from './schema.js';
import type { WrittenRule as Rule, WrittenMetricRule as MetricRule } from './rules.js';
import type { FieldPath, PositionIndex } from './positions.js';
import { fieldName } from './issues.js';
import { NO_PEEKING } from './no-peeking.js';

export function checkReferences(spec: Spec, positions: PositionIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const metricIds = spec.metrics.map((m) => m.id);
  const optionIds = spec.decision.options.map((o) => o.id);
  const gapIds = spec.data_gaps.map((g) => g.id);
  const criterionIds = Object.keys(spec.criteria);
  const dimensions = [...new Set([...spec.metrics.flatMap((m) => m.segments ?? []), ...(spec.prespecified_segments ?? [])])];

  const ref = (kind: string, id: string, all: string[], path: FieldPath) => {
    if (all.includes(id)) return;
    const known = [...new Set(all)]; // a duplicated id is reported once, as a duplicate
    const guess = closest(id, known);
    out.push(
      errorDiag(`spec/undefined-${kind}`, `${fieldName(path)} names ${kind} "${id}", which the spec does not define`, {
        field: fieldName(path),
        expected: known.length ? `one of the ${kind} ids: ${known.join(', ')}` : `a ${kind} defined in the spec`,
        hint: guess ? `did you mean "${guess}"?` : `define it under ${LIST_OF[kind] ?? kind + 's'}`,
        pos: positions.at(path),
      }),
    );
  };

  for (const [list, name] of [
    [spec.metrics, 'metrics'],
    [spec.decision.options, 'decision.options'],
    [spec.stakeholders, 'stakeholders'],
    [spec.data_gaps, 'data_gaps'],
    [spec.risks, 'risks'],
  ] as const) {
    const seen = new Map<string, number>();
    (list as readonly { id: string }[]).forEach((item, i) => {
      const path = [...name.split('.'), i, 'id'];
      if (seen.has(item.id))
        out.push(
          errorDiag('spec/duplicate-id', `${fieldName(path)}: id "${item.id}" is used twice in ${name}`, {
            field: fieldName(path),
            expected: 'ids unique within their list',
            hint: `the first is ${name}[${seen.get(item.id)}]; rename one of them`,
            pos: positions.at(path),
          }),
        );
      else seen.set(item.id, i);
    });
  }

  if (spec.arms && spec.arms.control === spec.arms.treatment)
    out.push(errorDiag('spec/value', `arms.control and arms.treatment are both "${spec.arms.control}"`, { field: 'arms.treatment', expected: 'two different arm names, as they appear in the metrics data', hint: 'the treatment arm is usually "treatment" or the variant\'s name', pos: positions.at(['arms', 'treatment']) }));
  if (criterionIds.length === 0)
    out.push(errorDiag('spec/missing', 'criteria defines no criterion', { field: 'criteria', expected: 'at least one criterion, e.g. go: {label: Go, all: [...]}', hint: 'a deck decides between criteria: add go / no_go with their rules', pos: positions.at(['criteria']) }));
  if (!isCalendarDate(spec.deck.date))
    out.push(errorDiag('spec/value', `deck.date ${spec.deck.date} is not a date in the calendar`, { field: 'deck.date', expected: 'a real date as YYYY-MM-DD', hint: 'check the month (01–12) and the day', pos: positions.at(['deck', 'date']) }));

  spec.metrics.forEach((m, i) => {
    if (m.kind === 'quantile' && m.quantile === undefined)
      out.push(errorDiag('spec/missing', `metrics[${i}] (${m.id}) is a quantile but has no quantile level`, { field: `metrics[${i}].quantile`, expected: 'a number between 0 and 1, e.g. 0.9 for P90', hint: 'add quantile: 0.9 (P90) or 0.5 (the median) to the metric', pos: positions.at(['metrics', i]) }));
    if (m.role === 'guardrail' && m.max_worsening === undefined)
      out.push(errorDiag('spec/missing', `guardrail ${m.id} has no max_worsening`, { severity: 'warning', field: `metrics[${i}].max_worsening`, expected: 'the largest worsening allowed, e.g. 10%', hint: 'without it the guardrail is shown but never checked', pos: positions.at(['metrics', i]) }));
  });

  spec.stakeholders.forEach((s, i) => s.north_star?.forEach((id, j) => ref('metric', id, metricIds, ['stakeholders', i, 'north_star', j])));
  spec.data_gaps.forEach((g, i) => {
    g.metrics?.forEach((id, j) => ref('metric', id, metricIds, ['data_gaps', i, 'metrics', j]));
  });
  spec.monitoring?.alerts.forEach((a, i) => a.metric && ref('metric', a.metric, metricIds, ['monitoring', 'alerts', i, 'metric']));
  spec.interim?.metrics?.forEach((id, i) => {
    ref('metric', id, metricIds, ['interim', 'metrics', i]);
    const role = spec.metrics.find((m) => m.id === id)?.role;
    if (spec.phase === 'interim' && (role === 'primary' || role === 'secondary'))
      out.push(
        errorDiag('interim/peeking', `interim.metrics lists ${id}, a ${role} metric: an interim deck shows no efficacy read`, {
          field: `interim.metrics[${i}]`,
          expected: 'guardrail or operational metrics only (participation, compliance, safety)',
          hint: NO_PEEKING,
          pos: positions.at(['interim', 'metrics', i]),
        }),
      );
  });
  const fallback = spec.decision.fallback;
  if (typeof fallback === 'string') ref('criterion', fallback, criterionIds, ['decision', 'fallback']);
  else if (fallback?.option) ref('option', fallback.option, optionIds, ['decision', 'fallback', 'option']);
  if (spec.decision.target) ref('criterion', spec.decision.target, criterionIds, ['decision', 'target']);

  for (const [cid, c] of Object.entries(spec.criteria)) {
    if (c.option) ref('option', c.option, optionIds, ['criteria', cid, 'option']);
    const mode = c.all ? 'all' : 'any';
    (c.all ?? c.any ?? []).forEach((rule, i) => checkRule(rule, ['criteria', cid, mode, i]));
  }

  function checkRule(rule: Rule, path: FieldPath): void {
    if ('metric' in rule) checkMetricRule(rule, path);
    else if ('no_segment' in rule) {
      if (!dimensions.includes(rule.no_segment.by)) {
        const guess = closest(rule.no_segment.by, dimensions);
        out.push(
          errorDiag('spec/undefined-segment', `${fieldName([...path, 'no_segment', 'by'])} names segment "${rule.no_segment.by}", which no metric is read by`, {
            field: fieldName([...path, 'no_segment', 'by']),
            expected: dimensions.length ? `one of the segments: ${dimensions.join(', ')}` : 'a segment listed under a metric\'s segments:',
            hint: guess ? `did you mean "${guess}"?` : 'add it to the segments: of the metrics this rule reads',
            pos: positions.at([...path, 'no_segment', 'by']),
          }),
        );
      }
      rule.no_segment.all.forEach((r, j) => checkMetricRule(r, [...path, 'no_segment', 'all', j]));
    }
    else if ('data_gap' in rule) {
      ref('data gap', rule.data_gap, gapIds, [...path, 'data_gap']);
    }
  }

  function checkMetricRule(rule: Omit<MetricRule, 'segment' | 'note'>, path: FieldPath): void {
    ref('metric', rule.metric, metricIds, [...path, 'metric']);
  }

  return out;
}

const LIST_OF: Record<string, string> = { metric: 'metrics', option: 'decision.options', criterion: 'criteria', 'data gap': 'data_gaps' };

export function isCalendarDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
