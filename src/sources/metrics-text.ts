// Metrics files as text → raw rows with positions (CSV via csv-parse, JSON via JSON.parse plus the yaml
// parser for positions). Syntax mistakes become one diagnostic at the line and column to fix.
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { closest, errorDiag, GonogoError, type Diagnostic } from '../diagnostics.js';

export const NUMERIC = ['estimate', 'ci_low', 'ci_high', 'n', 'successes', 'mean', 'sd', 'sum', 'sum_sq', 'events', 'exposure', 'numerator', 'denominator'] as const;
export const TEXT = ['metric', 'arm', 'segment', 'unit'] as const;
const KNOWN = [...TEXT, ...NUMERIC, 'value'];

export interface RawRow {
  fields: Record<string, unknown>;
  line: number;
  /** Column number (1-based) of each field, for CSV. */
  cols: Record<string, number>;
  /** Line and column of each field, when fields span lines (JSON). */
  pos?: Record<string, { line: number; col: number }>;
  /** How messages name the row; default "row <line>". */
  label?: string;
}

export function csvRows(text: string, file: string): RawRow[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parseCsv(text, { relax_column_count: false, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof parsed;
  } catch (err) {
    throw csvError(err as { message: string; code?: string; lines?: number; record?: string[] }, text, file);
  }
  const records = parsed.map((p) => p.record);
  if (records.length === 0) throw new GonogoError(errorDiag('metrics/empty', `${file} has no rows`, { pos: { file, line: 1, col: 1 }, expected: 'a header line, then one row per metric, arm and segment', hint: 'the query or export that wrote the file returned nothing; run it again' }));
  const header = records[0].map((h) => h.toLowerCase());
  const sep = /[;\t|]/.exec(text.split('\n')[0])?.[0];
  if (records[0].length === 1 && sep)
    throw new GonogoError(
      errorDiag('metrics/csv', `${file} separates its fields with ${sep === '\t' ? 'tabs' : `"${sep}"`}, not commas`, { pos: { file, line: 1, col: 1 }, expected: 'comma-separated values', hint: 'export the file as CSV with commas (spreadsheet locales often use ";")' }),
    );
  if (!header.some((h) => KNOWN.includes(h)))
    throw new GonogoError(
      errorDiag('metrics/header', `the first line of ${file} is not a header: none of its fields names a column`, {
        pos: { file, line: 1, col: 1 },
        expected: 'a header row such as metric,arm,segment,estimate,ci_low,ci_high,n',
        hint: 'add the header line at the top of the file',
      }),
    );
  const diags: Diagnostic[] = [];
  header.forEach((h, i) => {
    if (header.indexOf(h) < i)
      diags.push(errorDiag('metrics/header', `column "${records[0][i]}" appears twice in the header of ${file}`, { pos: { file, line: 1, col: colOf(records[0], i) }, expected: 'each column once', hint: 'rename or remove one of them' }));
    else if (!KNOWN.includes(h)) {
      const guess = closest(h, KNOWN);
      diags.push(errorDiag('metrics/header', `unknown column "${records[0][i]}" in ${file}`, { pos: { file, line: 1, col: colOf(records[0], i) }, expected: `columns among: ${KNOWN.join(', ')}`, hint: guess ? `did you mean "${guess}"?` : 'remove the column or rename it' }));
    }
  });
  for (const required of ['metric', 'arm'])
    if (!header.includes(required)) diags.push(errorDiag('metrics/header', `${file} has no "${required}" column`, { pos: { file, line: 1, col: 1 }, expected: 'a header row with metric, arm, segment, estimate, ci_low, ci_high, n, unit', hint: 'the first line of the CSV names the columns' }));
  if (diags.length) throw new GonogoError(diags);
  if (records.length === 1) throw new GonogoError(noRows(file));
  return parsed.slice(1).map(({ record: rec, info }) => {
    const fields: Record<string, unknown> = {};
    const cols: Record<string, number> = {};
    header.forEach((h, i) => {
      if (rec[i] !== '') fields[h] = rec[i];
      cols[h] = colOf(rec, i);
    });
    return { fields, line: info.lines, cols };
  });
}

function noRows(file: string): Diagnostic {
  return errorDiag('metrics/empty', `${file} has a header but no data rows`, { pos: { file, line: 1, col: 1 }, expected: 'one row per metric, arm and segment', hint: 'the query or export that wrote the file returned nothing; run it again' });
}

/** csv-parse's errors in words, at the line (and for an unclosed quote, the quote) to fix. */
function csvError(e: { message: string; code?: string; lines?: number; record?: string[] }, text: string, file: string): GonogoError {
  const line = e.lines ?? 1;
  if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || e.code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH') {
    const m = /expect (\d+), got (\d+)/.exec(e.message);
    const [want, got] = m ? [m[1], m[2]] : ['?', String(e.record?.length ?? '?')];
    return new GonogoError(
      errorDiag('metrics/csv', `line ${line} has ${got} field${got === '1' ? '' : 's'}, the header has ${want}`, {
        pos: { file, line, col: 1 },
        expected: 'the same number of comma-separated fields on every line',
        hint: Number(got) > Number(want) ? 'a text with a comma needs quotes ("1,000" or "Plumbing, Drains"); or remove the extra field' : 'a field is missing: leave an empty field between commas (a,,b) rather than dropping it',
      }),
    );
  }
  if (e.code === 'INVALID_OPENING_QUOTE' || e.code === 'CSV_INVALID_OPENING_QUOTE') {
    const lineText = text.split('\n')[line - 1] ?? '';
    const quote = lineText.search(/[^,]"/);
    return new GonogoError(
      errorDiag('metrics/csv', 'CSV syntax error: a quote inside a field that does not start with one', {
        pos: { file, line, col: quote < 0 ? 1 : quote + 2 },
        expected: 'a field in quotes when it contains quotes, commas or line breaks',
        hint: 'quote the whole field and write each quote inside it twice ("")',
      }),
    );
  }
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    const at = unclosedQuote(text);
    return new GonogoError(errorDiag('metrics/csv', 'CSV syntax error: this quote is never closed', { pos: { file, ...at }, expected: 'a closing " before the end of the field', hint: 'close the quote, or remove it; a quote inside a quoted field is written twice ("")' }));
  }
  return new GonogoError(errorDiag('metrics/csv', `CSV syntax error: ${e.message.replace(/^Invalid Record Length: /, '')}`, { pos: { file, line, col: 1 }, expected: 'comma-separated fields, one row per line', hint: 'quote fields that contain commas or quotes' }));
}

/** Line and column of the quote that leaves the file inside a quoted field. */
function unclosedQuote(text: string): { line: number; col: number } {
  let open: number | undefined;
  for (let i = 0; i < text.length; i++) if (text[i] === '"') open = open === undefined ? i : undefined;
  const before = text.slice(0, open ?? 0).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

function colOf(rec: string[], i: number): number {
  return rec.slice(0, i).reduce((s, f) => s + f.length + 1, 1);
}

export function jsonRows(text: string, file: string): RawRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const msg = String((err as Error).message);
    const pos = /position (\d+)/.exec(msg);
    const trailing = /,\s*[\]}]/.exec(text);
    const offset = pos ? Number(pos[1]) : /end of JSON input/.test(msg) ? text.length : (trailing?.index ?? 0);
    const what = pos || !trailing ? msg.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '') : 'a comma before a closing bracket (JSON allows no trailing comma)';
    throw new GonogoError(errorDiag('metrics/json', `JSON syntax error: ${what}`, { pos: { file, ...lineCol(text, offset) }, expected: 'a JSON list of rows', hint: trailing && !pos ? 'remove the comma' : 'check the commas and quotes around this point' }));
  }
  const list = Array.isArray(data) ? data : (data as { rows?: unknown })?.rows;
  if (!Array.isArray(list)) throw new GonogoError(errorDiag('metrics/json', `${file} should be a list of rows (or {"rows": [...]})`, { pos: { file, line: 1, col: 1 }, expected: '[{"metric": …, "arm": …, "estimate": …}, …]', hint: 'put the rows in a top-level list, or under a "rows" key' }));
  if (list.length === 0) throw new GonogoError(errorDiag('metrics/empty', `${file} has no rows`, { pos: { file, line: 1, col: 1 }, expected: 'one row per metric, arm and segment', hint: 'the query or export that wrote the file returned nothing; run it again' }));
  // JSON.parse keeps no positions; the yaml parser reads JSON too and does, so messages point at the field.
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const seq = isSeq(doc.contents) ? doc.contents : isMap(doc.contents) ? doc.get('rows', true) : undefined;
  const items = isSeq(seq) ? seq.items : [];
  const where = (node: unknown) => {
    const r = (node as { range?: number[] } | undefined)?.range;
    return r ? counter.linePos(r[0]) : { line: 1, col: 1 };
  };
  const diags: Diagnostic[] = [];
  const rows = list.map((fields, i) => {
    const node = items[i];
    const { line, col } = where(node);
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields))
      diags.push(errorDiag('metrics/json', `row ${i + 1} is ${JSON.stringify(fields)}, not an object of fields`, { pos: { file, line, col }, expected: '{"metric": …, "arm": …, "estimate": …}', hint: 'every item of the list is one row: an object with its fields' }));
    const pos: Record<string, { line: number; col: number }> = {};
    if (isMap(node)) for (const p of node.items) if (isScalar(p.key)) pos[String(p.key.value)] = where(p.value);
    return { fields: (fields && typeof fields === 'object' ? fields : {}) as Record<string, unknown>, line, cols: { _: col }, pos, label: `row ${i + 1}` };
  });
  if (diags.length) throw new GonogoError(diags.slice(0, 20));
  return rows;
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

