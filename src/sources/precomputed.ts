// Precomputed metrics in the deck folder (CSV or JSON): metric, arm, segment, estimate, ci_low, ci_high, n, unit —
// or raw aggregates (successes, mean, sd, sum, sum_sq, events, exposure). Validated like the spec.
import { extname, relative } from 'node:path';
import { closest, errorDiag, GonogoError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { readUserText } from '../spec/source-file.js';
import type { Spec } from '../spec/normalized.js';
import { isEfficacyMetric } from '../spec/schema.js';
import { type MetricsSnapshot } from './snapshot.js';
import { OVERALL, type MetricRow } from '../model/rows.js';
import { csvRows, jsonRows, NUMERIC, TEXT, type RawRow } from './metrics-text.js';

const CHANGE_ARMS = ['abs_change', 'rel_change'];
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export async function readPrecomputed(path: string, spec: Spec, cwd: string = process.cwd()): Promise<MetricsSnapshot> {
  const shown = relative(cwd, path) || path;
  const text = await readUserText(path, 'metrics file', undefined, shown);
  const raw = extname(path).toLowerCase() === '.json' ? jsonRows(text, shown) : csvRows(text, shown);
  const { rows, diagnostics } = validateRows(raw, spec, shown);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new GonogoError(sortDiagnostics(errors).slice(0, 20));
  return { rows, provenance: Object.fromEntries(spec.metrics.map((m) => [m.id, { engine: 'files' as const, file: shown, rowCount: rows.filter((r) => r.metric === m.id).length }])), quality: [] };
}

function validateRows(raw: RawRow[], spec: Spec, file: string): { rows: MetricRow[]; diagnostics: Diagnostic[] } {
  const metricIds = spec.metrics.map((m) => m.id);
  const arms = [spec.arms?.control ?? 'control', spec.arms?.treatment ?? 'treatment', ...CHANGE_ARMS];
  const diags: Diagnostic[] = [];
  const rows: MetricRow[] = [];
  const seen = new Set<string>();
  for (const { fields, line, cols, pos, label } of raw) {
    const rowName = label ?? `line ${line}`;
    const at = (col: string) => ({ file, ...(pos?.[col] ?? { line, col: cols[col] ?? cols._ ?? 1 }) });
    const bad = (col: string, message: string, expected: string, hint?: string) =>
      diags.push(errorDiag('metrics/value', message, { pos: at(col), field: col, expected, hint }));
    const metric = String(fields.metric ?? '');
    const arm = String(fields.arm ?? '');
    const segment = String(fields.segment ?? OVERALL);
    const control = TEXT.find((name) => typeof fields[name] === 'string' && CONTROL.test(fields[name] as string));
    if (control) {
      bad(control, `${rowName}: ${control} contains a control character`, 'printable text', 'remove the invisible character (often pasted from a terminal or PDF)');
      continue;
    }
    if (!metricIds.includes(metric)) {
      const guess = closest(metric, metricIds);
      bad('metric', `${rowName}: metric "${metric}" is not defined in the spec`, `one of: ${metricIds.join(', ')}`, guess ? `did you mean "${guess}"?` : 'add it to metrics: in gonogo.yaml, or remove the row');
      continue;
    }
    if (!arms.includes(arm)) {
      bad('arm', `${rowName}: arm "${arm}" is neither an arm nor a change`, `one of: ${arms.join(', ')}`, closest(arm, arms) ? `did you mean "${closest(arm, arms)}"?` : undefined);
      continue;
    }
    if (segment !== OVERALL && !/^[A-Za-z][\w-]*=.+$/.test(segment)) {
      bad('segment', `${rowName}: segment "${segment}" should be "all" or "dimension=value"`, 'all, or e.g. category=Plumbing', 'write the dimension, "=" and the value, e.g. category=Plumbing');
      continue;
    }
    const key = `${metric}\u0000${arm}\u0000${segment}`;
    if (seen.has(key)) bad('metric', `${rowName}: a second row for ${metric} / ${arm} / ${segment}`, 'one row per metric, arm and segment', 'remove the duplicate');
    seen.add(key);
    const row: MetricRow = { metric, arm, segment };
    let ok = true;
    for (const name of NUMERIC) {
      const v = fields[name];
      if (v === undefined || v === null || v === '') continue;
      const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
      if (!Number.isFinite(n)) {
        bad(name, `${rowName}: ${name} is "${v}", not a finite number`, 'a finite number', 'leave the cell empty when there is no value');
        ok = false;
        continue;
      }
      if (['n', 'successes', 'events', 'exposure', 'sd'].includes(name) && n < 0) {
        bad(name, `${rowName}: ${name} is negative (${n})`, `${name} ≥ 0`, 'a count cannot be negative: check the export or the query');
        ok = false;
        continue;
      }
      (row as unknown as Record<string, number>)[name] = n;
    }
    if (typeof fields.unit === 'string') row.unit = fields.unit;
    if (!ok) continue;
    if (row.ci_low !== undefined && row.ci_high !== undefined && row.ci_low > row.ci_high)
      bad('ci_low', `${rowName}: ci_low ${row.ci_low} is above ci_high ${row.ci_high} for ${metric} / ${arm}`, 'ci_low ≤ ci_high', 'the columns may be swapped');
    else if (row.estimate !== undefined && row.ci_low !== undefined && row.ci_high !== undefined && (row.estimate < row.ci_low || row.estimate > row.ci_high))
      bad('estimate', `${rowName}: estimate ${row.estimate} lies outside its interval [${row.ci_low}, ${row.ci_high}]`, 'ci_low ≤ estimate ≤ ci_high', 'check that the three numbers come from the same row and the same scale (0.12 vs 12%)');
    if (row.successes !== undefined && row.n !== undefined && row.successes > row.n)
      bad('successes', `${rowName}: successes ${row.successes} exceed n ${row.n}`, 'successes ≤ n', 'successes counts the units with the outcome, n all units of the arm: check the columns are not swapped');
    if (row.n === 0 && !CHANGE_ARMS.includes(arm)) bad('n', `${rowName}: arm ${arm} of ${metric} is empty (n = 0)`, 'n > 0', 'an empty arm cannot be read; check the assignment join');
    rows.push(row);
  }
  // A metric without data would silently turn its criteria inconclusive and change the verdict. An interim
  // extract needs no efficacy metric (none is read before the readout, and better none is exported).
  if (spec.phase !== 'design' && diags.length === 0)
    for (const id of metricIds)
      if (!rows.some((r) => r.metric === id) && !(spec.phase === 'interim' && spec.metrics.some((m) => m.id === id && isEfficacyMetric(m))))
        diags.push(errorDiag('metrics/missing', `${file} has no rows for metric ${id}`, { pos: { file, line: 1, col: 1 }, field: 'metric', expected: 'rows for every metric the spec defines (control and treatment at least)', hint: `add ${id}'s rows, or remove the metric from gonogo.yaml` }));
  return { rows, diagnostics: diags };
}
