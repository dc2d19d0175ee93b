// Spec (as written) + data, before anything is decided: every segment the spec names must exist in the data. A rule on
// "category=Plumbin" (one letter off) would otherwise read no data and fail, flipping the verdict with no word;
// a `segments:` dimension or pre-specified segment the data never hold would pass for nothing; a "no segment"
// rule over a dimension without rows would hold vacuously. Each is a located error instead.
import { closest, errorDiag, type Diagnostic } from '../diagnostics.js';
import type { MetricsSnapshot } from './snapshot.js';
import { OVERALL } from '../model/rows.js';
import type { WrittenSpec as Spec } from '../spec/schema.js';
import type { WrittenMetricRule as MetricRule, WrittenRule as Rule } from '../spec/rules.js';
import type { FieldPath, PositionIndex } from '../spec/positions.js';
import { fieldName, valueAt } from '../spec/issues.js';
import { MAX_DIMENSIONS, MAX_SEGMENT_VALUES } from '../limits.js';

export function checkDataReferences(spec: Spec, data: MetricsSnapshot, positions: PositionIndex): Diagnostic[] {
  if (data.rows.length === 0) return []; // a pilot in design has no data yet
  const segmentsOf = new Map<string, Set<string>>();
  for (const r of data.rows) {
    let s = segmentsOf.get(r.metric);
    if (!s) segmentsOf.set(r.metric, (s = new Set()));
    s.add(r.segment);
  }
  const dimensionsOf = (metric: string) => new Set([...(segmentsOf.get(metric) ?? [])].filter((s) => s !== OVERALL).map((s) => s.split('=')[0]));
  const allDimensions = new Set(spec.metrics.flatMap((m) => [...dimensionsOf(m.id)]));
  const out: Diagnostic[] = [];
  const missing = (path: FieldPath, message: string, known: string[], hint: string) => {
    const guess = closest(String(valueAt(spec, path)), known);
    out.push(
      errorDiag('data/undefined-segment', message, {
        field: fieldName(path),
        pos: positions.at(path),
        expected: known.length ? `one of: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ` … (${known.length} in all)` : ''}` : 'a segment the metrics data hold',
        hint: guess ? `did you mean "${guess}"?` : hint,
      }),
    );
  };

  // Thousands of segments would make forest plots and tables no one reads, and charts Vega cannot compile.
  spec.metrics.forEach((m, i) => {
    const values = new Map<string, number>();
    for (const seg of segmentsOf.get(m.id) ?? []) if (seg !== OVERALL) values.set(seg.split('=')[0], (values.get(seg.split('=')[0]) ?? 0) + 1);
    const big = [...values].find(([, count]) => count > MAX_SEGMENT_VALUES);
    const where = (dim?: string) => {
      const j = dim === undefined ? -1 : (m.segments ?? []).indexOf(dim);
      return j >= 0 ? ['metrics', i, 'segments', j] : ['metrics', i, 'id'];
    };
    if (values.size > MAX_DIMENSIONS)
      out.push(tooMany(where(), `the data for ${m.id} have ${values.size} segment dimensions, more than the ${MAX_DIMENSIONS} gonogo reads`, `at most ${MAX_DIMENSIONS} dimensions per metric`, 'keep the dimensions the decision turns on; read the others outside the deck'));
    else if (big)
      out.push(tooMany(where(big[0]), `the data for ${m.id} have ${big[1].toLocaleString('en-US')} ${big[0]} segments, more than the ${MAX_SEGMENT_VALUES} gonogo reads`, `at most ${MAX_SEGMENT_VALUES} values of one dimension`, `group the small ${big[0]} values into one "Other" row before the deck reads them`));
  });
  // Names are checked where the data are read for a decision: an interim report reads no effect, so no segment.
  if (out.length || spec.phase !== 'final') return out;
  function tooMany(path: FieldPath, message: string, expected: string, hint: string): Diagnostic {
    return errorDiag('data/too-many-segments', message, { field: fieldName(path), pos: positions.at(path), expected, hint });
  }

  spec.metrics.forEach((m, i) =>
    m.segments?.forEach((dim, j) => {
      if (segmentsOf.has(m.id) && !dimensionsOf(m.id).has(dim))
        missing(['metrics', i, 'segments', j], `metrics[${i}].segments names ${dim}, but the data hold no ${dim}=… rows for ${m.id}`, [...dimensionsOf(m.id)], `add ${m.id}'s rows by ${dim} to the data, or remove ${dim} from its segments`);
    }),
  );
  spec.prespecified_segments?.forEach((dim, i) => {
    if (!allDimensions.has(dim))
      missing(['prespecified_segments', i], `prespecified_segments names ${dim}, a segment no metric's data hold`, [...allDimensions], 'pre-specify the segments the metrics are read by (their segments:)');
  });

  const checkMetricRule = (rule: Omit<MetricRule, 'segment'> & { segment?: string }, path: FieldPath) => {
    const segment = rule.segment;
    if (segment === undefined || segment === OVERALL || !segmentsOf.has(rule.metric)) return;
    const held = [...segmentsOf.get(rule.metric)!].filter((s) => s !== OVERALL);
    if (!held.includes(segment))
      missing([...path, 'segment'], `${fieldName([...path, 'segment'])} names segment "${segment}", which the data for ${rule.metric} do not hold`, held, 'write the segment as the data do: dimension=value, e.g. category=Plumbing');
  };
  const checkRule = (rule: Rule, path: FieldPath) => {
    if ('metric' in rule) checkMetricRule(rule, path);
    else if ('no_segment' in rule) {
      const by = rule.no_segment.by;
      const metrics = rule.no_segment.all.map((r) => r.metric);
      if (!metrics.some((m) => dimensionsOf(m).has(by)))
        missing([...path, 'no_segment', 'by'], `${fieldName([...path, 'no_segment', 'by'])} is ${by}, but the data hold no ${by}=… rows for ${metrics.join(', ')}: the rule would hold for no segment at all`, [...new Set(metrics.flatMap((m) => [...dimensionsOf(m)]))], `add the metrics' rows by ${by} to the data`);
    }
  };
  for (const [id, c] of Object.entries(spec.criteria)) {
    const mode = c.all ? 'all' : 'any';
    (c.all ?? c.any ?? []).forEach((rule, i) => checkRule(rule, ['criteria', id, mode, i]));
  }
  return out;
}

