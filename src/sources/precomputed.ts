// Precomputed metrics in the deck folder (CSV or JSON): metric, arm, segment, estimate, ci_low, ci_high, n, unit —
// or raw aggregates (successes, mean, sd, sum, sum_sq, events, exposure). Validated like the spec.
import { extname, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { closest, errorDiag, GonogoError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { readUserText } from '../spec/source-file.js';
import type { Spec } from '../spec/schema.js';
import { OVERALL, type MetricRow, type MetricsSnapshot } from './snapshot.js';

const NUMERIC = ['estimate', 'ci_low', 'ci_high', 'n', 'successes', 'mean', 'sd', 'sum', 'sum_sq', 'events', 'exposure', 'numerator', 'denominator'] as const;
const TEXT = ['metric', 'arm', 'segment', 'unit'] as const;
const KNOWN = [...TEXT, ...NUMERIC, 'value'];
const CHANGE_ARMS = ['abs_change', 'rel_change'];

interface RawRow {
  fields: Record<string, unknown>;
  line: number;
  /** Column number (1-based) of each field, for CSV. */
  cols: Record<string, number>;
}

export async function readPrecomputed(path: string, spec: Spec, cwd: string = process.cwd()): Promise<MetricsSnapshot> {
  const shown = relative(cwd, path) || path;
  const text = await readUserText(path, 'metrics file');
  const raw = extname(path).toLowerCase() === '.json' ? jsonRows(text, shown) : csvRows(text, shown);
  const { rows, diagnostics } = validateRows(raw, spec, shown);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new GonogoError(sortDiagnostics(errors).slice(0, 20));
  return { rows, provenance: Object.fromEntries(spec.metrics.map((m) => [m.id, { engine: 'files' as const, file: shown, rowCount: rows.filter((r) => r.metric === m.id).length }])), quality: [] };
}

function csvRows(text: string, file: string): RawRow[] {
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: false, skip_empty_lines: true, trim: true });
  } catch (err) {
    const e = err as { message: string; lines?: number; code?: string };
    throw new GonogoError(errorDiag('metrics/csv', `CSV syntax error: ${e.message.replace(/^Invalid Record Length: /, '')}`, { pos: { file, line: e.lines ?? 1, col: 1 }, expected: 'the same number of comma-separated fields on every line', hint: 'quote fields that contain commas' }));
  }
  if (records.length === 0) throw new GonogoError(errorDiag('metrics/empty', `${file} has no rows`, { pos: { file, line: 1, col: 1 } }));
  const header = records[0].map((h) => h.toLowerCase());
  const diags: Diagnostic[] = [];
  header.forEach((h, i) => {
    if (!KNOWN.includes(h)) {
      const guess = closest(h, KNOWN);
      diags.push(errorDiag('metrics/header', `unknown column "${records[0][i]}" in ${file}`, { pos: { file, line: 1, col: colOf(records[0], i) }, expected: `columns among: ${KNOWN.join(', ')}`, hint: guess ? `did you mean "${guess}"?` : 'remove the column or rename it' }));
    }
  });
  for (const required of ['metric', 'arm'])
    if (!header.includes(required)) diags.push(errorDiag('metrics/header', `${file} has no "${required}" column`, { pos: { file, line: 1, col: 1 }, expected: 'a header row with metric, arm, segment, estimate, ci_low, ci_high, n, unit', hint: 'the first line of the CSV names the columns' }));
  if (diags.length) throw new GonogoError(diags);
  return records.slice(1).map((rec, r) => {
    const fields: Record<string, unknown> = {};
    const cols: Record<string, number> = {};
    header.forEach((h, i) => {
      if (rec[i] !== '') fields[h] = rec[i];
      cols[h] = colOf(rec, i);
    });
    return { fields, line: r + 2, cols };
  });
}

function colOf(rec: string[], i: number): number {
  return rec.slice(0, i).reduce((s, f) => s + f.length + 1, 1);
}

function jsonRows(text: string, file: string): RawRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec(String((err as Error).message));
    const offset = m ? Number(m[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    throw new GonogoError(errorDiag('metrics/json', `JSON syntax error: ${(err as Error).message}`, { pos: { file, line: before.length, col: before[before.length - 1].length + 1 }, expected: 'a JSON list of rows' }));
  }
  const list = Array.isArray(data) ? data : (data as { rows?: unknown })?.rows;
  if (!Array.isArray(list)) throw new GonogoError(errorDiag('metrics/json', `${file} should be a list of rows (or {"rows": [...]})`, { pos: { file, line: 1, col: 1 } }));
  // JSON.parse keeps no positions: report the row index as the line of a one-row-per-line file.
  return list.map((fields, i) => ({ fields: (fields ?? {}) as Record<string, unknown>, line: i + 1, cols: {} }));
}

function validateRows(raw: RawRow[], spec: Spec, file: string): { rows: MetricRow[]; diagnostics: Diagnostic[] } {
  const metricIds = spec.metrics.map((m) => m.id);
  const arms = [spec.arms?.control ?? 'control', spec.arms?.treatment ?? 'treatment', ...CHANGE_ARMS];
  const diags: Diagnostic[] = [];
  const rows: MetricRow[] = [];
  const seen = new Set<string>();
  for (const { fields, line, cols } of raw) {
    const at = (col: string) => ({ file, line, col: cols[col] ?? 1 });
    const bad = (col: string, message: string, expected: string, hint?: string) =>
      diags.push(errorDiag('metrics/value', message, { pos: at(col), field: col, expected, hint }));
    const metric = String(fields.metric ?? '');
    const arm = String(fields.arm ?? '');
    const segment = String(fields.segment ?? OVERALL);
    if (!metricIds.includes(metric)) {
      const guess = closest(metric, metricIds);
      bad('metric', `row ${line}: metric "${metric}" is not defined in the spec`, `one of: ${metricIds.join(', ')}`, guess ? `did you mean "${guess}"?` : 'add it to metrics: in gonogo.yaml, or remove the row');
      continue;
    }
    if (!arms.includes(arm)) {
      bad('arm', `row ${line}: arm "${arm}" is neither an arm nor a change`, `one of: ${arms.join(', ')}`, closest(arm, arms) ? `did you mean "${closest(arm, arms)}"?` : undefined);
      continue;
    }
    if (segment !== OVERALL && !/^[A-Za-z][\w-]*=.+$/.test(segment)) {
      bad('segment', `row ${line}: segment "${segment}" should be "all" or "dimension=value"`, 'all, or e.g. category=Plumbing');
      continue;
    }
    const key = `${metric}\u0000${arm}\u0000${segment}`;
    if (seen.has(key)) bad('metric', `row ${line}: a second row for ${metric} / ${arm} / ${segment}`, 'one row per metric, arm and segment', 'remove the duplicate');
    seen.add(key);
    const row: MetricRow = { metric, arm, segment };
    let ok = true;
    for (const name of NUMERIC) {
      const v = fields[name];
      if (v === undefined || v === null || v === '') continue;
      const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
      if (!Number.isFinite(n)) {
        bad(name, `row ${line}: ${name} is "${v}", not a finite number`, 'a finite number', 'leave the cell empty when there is no value');
        ok = false;
        continue;
      }
      if (['n', 'successes', 'events', 'exposure', 'sd'].includes(name) && n < 0) {
        bad(name, `row ${line}: ${name} is negative (${n})`, `${name} ≥ 0`);
        ok = false;
        continue;
      }
      (row as unknown as Record<string, number>)[name] = n;
    }
    if (typeof fields.unit === 'string') row.unit = fields.unit;
    if (!ok) continue;
    if (row.ci_low !== undefined && row.ci_high !== undefined && row.ci_low > row.ci_high)
      bad('ci_low', `row ${line}: ci_low ${row.ci_low} is above ci_high ${row.ci_high} for ${metric} / ${arm}`, 'ci_low ≤ ci_high', 'the columns may be swapped');
    else if (row.estimate !== undefined && row.ci_low !== undefined && row.ci_high !== undefined && (row.estimate < row.ci_low || row.estimate > row.ci_high))
      bad('estimate', `row ${line}: estimate ${row.estimate} lies outside its interval [${row.ci_low}, ${row.ci_high}]`, 'ci_low ≤ estimate ≤ ci_high');
    if (row.successes !== undefined && row.n !== undefined && row.successes > row.n)
      bad('successes', `row ${line}: successes ${row.successes} exceed n ${row.n}`, 'successes ≤ n');
    if (row.n === 0 && !CHANGE_ARMS.includes(arm)) bad('n', `row ${line}: arm ${arm} of ${metric} is empty (n = 0)`, 'n > 0', 'an empty arm cannot be read; check the assignment join');
    rows.push(row);
  }
  return { rows, diagnostics: diags };
}
