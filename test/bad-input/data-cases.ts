// Bad metrics data (CSV and JSON) and bad template overrides.
import { sub, type BadCase } from './support.js';

const C = 'metrics.csv';
const at = (marker: string, shift = 0, nth?: number) => ({ file: C, marker, shift, nth });
const ROW = 'ttfq_median,control,all,42,41.5241,42.4759,43000';
const HEADER = 'metric,arm,segment,estimate,ci_low,ci_high,n';

/** Adds a trailing column to every line of the CSV. */
const withColumn = (name: string) => (csv: string) =>
  csv
    .split('\n')
    .map((l, i) => (l === '' ? l : i === 0 ? `${l},${name}` : `${l},`))
    .join('\n');

const JSON_ROWS = '[\n  {"metric": "ttfq_median", "arm": "control", "segment": "all", "estimate": 42, "ci_low": 41.5, "ci_high": 42.5, "n": 43000},\n  {"metric": "ttfq_median", "arm": "treatment", "segment": "all", "estimate": 37, "ci_low": 36.5, "ci_high": 37.5, "n": 43070}\n]\n';
const useJson = (y: string) => sub(y, 'metrics_file: metrics.csv', 'metrics_file: metrics.json');

export const csvCases: BadCase[] = [
  {
    name: 'csv: CI low above high',
    csv: (c) => sub(c, ROW, 'ttfq_median,control,all,42,42.4759,41.5241,43000'),
    expect: { code: 'metrics/value', message: 'line 2: ci_low 42.4759 is above ci_high 41.5241 for ttfq_median / control', at: at('42.4759,41.5241', 0), field: 'ci_low', hint: /swapped/ },
  },
  {
    name: 'csv: NaN estimate',
    csv: (c) => sub(c, ROW, 'ttfq_median,control,all,NaN,41.5241,42.4759,43000'),
    expect: { message: 'line 2: estimate is "NaN", not a finite number', at: at('NaN'), field: 'estimate', hint: /leave the cell empty/ },
  },
  {
    name: 'csv: Infinity in a CI bound',
    csv: (c) => sub(c, ROW, 'ttfq_median,control,all,42,41.5241,Infinity,43000'),
    expect: { message: 'line 2: ci_high is "Infinity", not a finite number', at: at('Infinity'), field: 'ci_high' },
  },
  {
    name: 'csv: negative n',
    csv: (c) => sub(c, ROW, 'ttfq_median,control,all,42,41.5241,42.4759,-43000'),
    expect: { message: 'line 2: n is negative (-43000)', at: at('-43000'), field: 'n', expected: 'n ≥ 0' },
  },
  {
    name: 'csv: successes above n',
    csv: (c) => sub(withColumn('successes')(c), `${ROW},`, `${ROW},50000`),
    expect: { message: 'line 2: successes 50000 exceed n 43000', at: at('50000'), field: 'successes', expected: 'successes ≤ n' },
  },
  {
    name: 'csv: an empty arm (n = 0)',
    csv: (c) => sub(c, ROW, 'ttfq_median,control,all,42,41.5241,42.4759,0'),
    expect: { message: 'line 2: arm control of ttfq_median is empty (n = 0)', at: at(',0\n', 1), field: 'n', hint: /assignment join/ },
  },
  {
    name: 'csv: estimate outside its interval',
    csv: (c) => sub(c, ROW, 'ttfq_median,control,all,45,41.5241,42.4759,43000'),
    expect: { message: 'line 2: estimate 45 lies outside its interval [41.5241, 42.4759]', at: at('45,41'), field: 'estimate' },
  },
  {
    name: 'csv: a number with a unit in it',
    csv: (c) => sub(c, ROW, 'ttfq_median,control,all,42 min,41.5241,42.4759,43000'),
    expect: { message: 'line 2: estimate is "42 min", not a finite number', at: at('42 min') },
  },
  {
    name: 'csv: unknown column, with did-you-mean',
    csv: (c) => sub(c, HEADER, 'metric,arm,segment,estimate,ci_lo,ci_high,n'),
    expect: { code: 'metrics/header', message: 'unknown column "ci_lo" in metrics.csv', at: at('ci_lo'), hint: 'did you mean "ci_low"?' },
  },
  {
    name: 'csv: a column named twice',
    csv: (c) => sub(c, HEADER, 'metric,arm,segment,estimate,ci_low,ci_high,estimate'),
    expect: { message: 'column "estimate" appears twice in the header of metrics.csv', at: at('estimate', 0, 2), hint: /rename or remove/ },
  },
  {
    name: 'csv: a metric of the spec has no rows',
    csv: (c) => c.split('\n').filter((l) => !l.startsWith('refund_rate,')).join('\n'),
    expect: { code: 'metrics/missing', message: 'metrics.csv has no rows for metric refund_rate', at: { file: C, line: 1, col: 1 }, hint: /remove the metric from gonogo\.yaml/ },
  },
  {
    name: 'csv: blank lines only',
    csv: () => '  \n\n',
    expect: { code: 'metrics/empty', message: 'metrics.csv has no rows', at: { file: C, line: 1, col: 1 }, hint: /run it again/ },
  },
  {
    name: 'csv: semicolons instead of commas',
    csv: (c) => c.replaceAll(',', ';'),
    expect: { code: 'metrics/csv', message: 'metrics.csv separates its fields with ";", not commas', at: { file: C, line: 1, col: 1 }, hint: /export the file as CSV with commas/ },
  },
  {
    name: 'csv: tabs instead of commas',
    csv: (c) => c.replaceAll(',', '\t'),
    expect: { code: 'metrics/csv', message: 'metrics.csv separates its fields with tabs, not commas', at: { file: C, line: 1, col: 1 } },
  },
  {
    name: 'csv: a quote in the middle of a field',
    csv: (c) => c.replaceAll('category=Plumbing', 'category=<Plumbing & "Drains">'),
    expect: { code: 'metrics/csv', message: 'CSV syntax error: a quote inside a field that does not start with one', at: at('"Drains'), hint: /write each quote inside it twice/ },
  },
  {
    name: 'csv: a control character in a segment',
    csv: (c) => sub(c, 'ttfq_median,control,category=Plumbing,', 'ttfq_median,control,category=Plu\u0007mbing,'),
    expect: { message: 'line 6: segment contains a control character', at: at('category=Plu'), field: 'segment', hint: /invisible/ },
  },
  {
    name: 'csv: the metric column missing',
    csv: (c) => c.replace(/^[^,\n]*,/gm, '').replace(/^arm,/, 'arm,'),
    expect: { message: 'metrics.csv has no "metric" column', at: { file: C, line: 1, col: 1 }, hint: /first line of the CSV names the columns/ },
  },
  {
    name: 'csv: no header row (data first)',
    csv: (c) => sub(c, `${HEADER}\n`, ''),
    expect: { code: 'metrics/header', message: 'the first line of metrics.csv is not a header', at: { file: C, line: 1, col: 1 }, hint: /add the header line/ },
  },
  {
    name: 'csv: a row with too many fields',
    csv: (c) => sub(c, ROW, `${ROW},extra`),
    expect: { code: 'metrics/csv', message: 'line 2 has 8 fields, the header has 7', at: { file: C, line: 2, col: 1 }, hint: /needs quotes/ },
  },
  {
    name: 'csv: a row with too few fields',
    csv: (c) => sub(c, ROW, 'ttfq_median,control,all,42,41.5241,42.4759'),
    expect: { code: 'metrics/csv', message: 'line 2 has 6 fields, the header has 7', at: { file: C, line: 2, col: 1 }, hint: /leave an empty field/ },
  },
  {
    name: 'csv: an unclosed quote',
    csv: (c) => sub(c, ROW, 'ttfq_median,"control,all,42,41.5241,42.4759,43000'),
    expect: { code: 'metrics/csv', message: 'CSV syntax error: this quote is never closed', at: { file: C, line: 2, col: 13 }, hint: /close the quote/ },
  },
  {
    name: 'csv: a metric the spec does not define',
    csv: (c) => sub(c, ROW, 'ttfq_mediam,control,all,42,41.5241,42.4759,43000'),
    expect: { message: 'line 2: metric "ttfq_mediam" is not defined in the spec', at: at('ttfq_mediam'), hint: 'did you mean "ttfq_median"?' },
  },
  {
    name: 'csv: an unknown arm',
    csv: (c) => sub(c, ROW, 'ttfq_median,contrl,all,42,41.5241,42.4759,43000'),
    expect: { message: 'line 2: arm "contrl" is neither an arm nor a change', at: at('contrl'), hint: 'did you mean "control"?' },
  },
  {
    name: 'csv: a segment not written dimension=value',
    csv: (c) => sub(c, 'ttfq_median,control,category=Plumbing,', 'ttfq_median,control,Plumbing,'),
    expect: { message: 'segment "Plumbing" should be "all" or "dimension=value"', at: at('Plumbing,43'), expected: /category=Plumbing/ },
  },
  {
    name: 'csv: a duplicated row',
    csv: (c) => sub(c, ROW, `${ROW}\n${ROW}`),
    expect: { message: 'line 3: a second row for ttfq_median / control / all', at: at(ROW, 0, 2), hint: /remove the duplicate/ },
  },
  {
    name: 'csv: only a header',
    csv: () => `${HEADER}\n`,
    expect: { code: 'metrics/empty', message: 'metrics.csv has a header but no data rows', at: { file: C, line: 1, col: 1 } },
  },
  {
    name: 'csv: an empty file',
    csv: () => '',
    expect: { code: 'file/empty', message: 'metrics file metrics.csv is empty', at: { file: C, line: 1, col: 1 } },
  },
  {
    name: 'csv: the metrics file is missing',
    files: { 'metrics.csv': null },
    expect: { code: 'spec/path', message: 'metrics_file names metrics.csv, which is not in the deck folder', field: 'metrics_file', at: { file: 'gonogo.yaml', marker: 'metrics.csv' }, hint: /check the file name/ },
  },
  {
    name: 'csv: Latin-1 bytes',
    files: { 'metrics.csv': Buffer.from(`${HEADER}\nttfq_median,control,category=Caf\xe9,42,41.5,42.5,10\n`, 'latin1') },
    expect: { code: 'file/encoding', message: 'metrics file metrics.csv is not valid UTF-8 (byte 0xe9 at line 2)', at: { file: C, line: 2, col: 33 }, hint: /iconv/ },
  },
];

export const jsonCases: BadCase[] = [
  {
    name: 'json: syntax error (trailing comma)',
    spec: useJson,
    files: { 'metrics.json': JSON_ROWS.replace('"n": 43070}', '"n": 43070},') },
    expect: { code: 'metrics/json', message: 'JSON syntax error: a comma before a closing bracket', at: { file: 'metrics.json', marker: ',\n]' }, hint: 'remove the comma' },
  },
  {
    name: 'json: syntax error (missing comma)',
    spec: useJson,
    files: { 'metrics.json': JSON_ROWS.replace('"estimate": 37,', '"estimate": 37') },
    expect: { code: 'metrics/json', message: /JSON syntax error/, at: { file: 'metrics.json', marker: '"ci_low": 36.5' } },
  },
  {
    name: 'json: an object without rows',
    spec: useJson,
    files: { 'metrics.json': '{"data": []}\n' },
    expect: { message: 'metrics.json should be a list of rows (or {"rows": [...]})', at: { file: 'metrics.json', line: 1, col: 1 } },
  },
  {
    name: 'json: an estimate given as text "NaN"',
    spec: useJson,
    files: { 'metrics.json': JSON_ROWS.replace('"estimate": 37,', '"estimate": "NaN",') },
    expect: { message: 'row 2: estimate is "NaN", not a finite number', field: 'estimate', at: { file: 'metrics.json', marker: '"NaN"' } },
  },
  {
    name: 'json: a row that is not an object',
    spec: useJson,
    files: { 'metrics.json': JSON_ROWS.replace('[\n', '[\n  42,\n') },
    expect: { message: 'row 1 is 42, not an object of fields', at: { file: 'metrics.json', marker: '42,' } },
  },
];

const T = (key: string) => `templates/${key}.hbs`;

export const templateCases: BadCase[] = [
  {
    name: 'template: unclosed block',
    files: { [T('exec-title')]: 'Recommend {{#if option}}{{option}}\n' },
    expect: { code: 'template/syntax', message: 'template syntax error in templates/exec-title.hbs: {{#if}} is never closed with {{/if}}', at: { file: T('exec-title'), line: 1, col: 11 }, hint: /\{\{\/if\}\}/ },
  },
  {
    name: 'template: mismatched closing block',
    files: { [T('exec-ask')]: 'Decision needed: {{#if option}}{{question}}{{/each}}\n' },
    expect: { code: 'template/syntax', message: "template syntax error in templates/exec-ask.hbs: if doesn't match each", at: { file: T('exec-ask'), line: 1, col: 21 } },
  },
  {
    name: 'template: unclosed mustache on line 2',
    files: { [T('title-notes')]: 'First line.\nSecond {{deck.title\n' },
    expect: { code: 'template/syntax', message: 'template syntax error in templates/title-notes.hbs: this {{ is never closed with }}', at: { file: T('title-notes'), line: 2, col: 8 } },
  },
  {
    name: 'template: a value that does not exist',
    files: { [T('exec-title')]: 'Recommend {{optoin}}\n' },
    expect: { code: 'template/missing-value', message: 'templates/exec-title.hbs uses {{optoin}}, which this template does not receive', at: { file: T('exec-title'), line: 1, col: 13 }, hint: 'did you mean {{option}}?', expected: /one of the values: .*option/ },
  },
  {
    name: 'template: a helper that does not exist',
    files: { [T('exec-title')]: 'Recommend {{shout option}}\n' },
    expect: { message: 'templates/exec-title.hbs calls the helper "shout", which does not exist', at: { file: T('exec-title'), line: 1, col: 13 }, expected: /one of the helpers: lower, upper/ },
  },
  {
    name: 'template: a file for a key that does not exist',
    files: { [T('exec-titel')]: 'Hello\n' },
    expect: { code: 'template/unknown', message: 'templates/exec-titel.hbs overrides no template: there is no "exec-titel"', at: { file: T('exec-titel'), line: 1, col: 1 }, hint: 'did you mean exec-title.hbs?' },
  },
  {
    name: 'template: an empty override',
    files: { [T('exec-title')]: '\n' },
    expect: { code: 'template/empty', message: 'template templates/exec-title.hbs writes nothing', at: { file: T('exec-title'), line: 1, col: 1 }, hint: /delete the file to use the built-in/ },
  },
  {
    name: 'template: an override of comments only',
    files: { [T('exec-ask')]: '{{!-- TODO --}}\n' },
    expect: { code: 'template/empty', message: 'template templates/exec-ask.hbs writes nothing' },
  },
  {
    name: 'template: a partial',
    files: { [T('exec-title')]: 'Recommend {{> option}}\n' },
    expect: { message: 'templates/exec-title.hbs uses the partial {{> option}}, but templates have no partials', at: { file: T('exec-title'), line: 1, col: 11 } },
  },
  {
    name: 'template: not UTF-8',
    files: { [T('exec-title')]: Buffer.from('Recommandation \xe9t\xe9 {{option}}\n', 'latin1') },
    expect: { code: 'file/encoding', message: /template templates\/exec-title\.hbs is not valid UTF-8/, at: { file: T('exec-title'), line: 1, col: 16 } },
  },
  {
    name: 'template: prototype access is refused, not leaked',
    files: { [T('exec-title')]: 'Recommend {{option.constructor.name}}\n' },
    expect: { code: 'template/missing-value', message: /templates\/exec-title\.hbs uses \{\{(constructor|name)\}\}/, at: { file: T('exec-title'), line: 1, col: 13 } },
  },
];
