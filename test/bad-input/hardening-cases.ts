// Hardening, round 2: one group per class of failure found by a corpus written against README's promises.
// Each case is refused with one located message, and leaves the last good build byte-identical.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { sub } from './support.js';
import { lockDeck, lockText, makeReadOnly, type HardCase } from './hardening-support.js';

const Y = 'gonogo.yaml';
const L = 'metrics.lock.json';
const at = (marker: string, file = Y, shift?: number) => ({ file, marker, shift });
const TITLE = 'title: Minimal deck';
const appendSpec = (extra: string) => (y: string) => `${y}${extra}`;

/** A .potx whose theme part declares an entity, as a hostile or broken template might. */
function templateWithEntity(): Buffer {
  const ns = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'ppt/slideMasters/slideMaster1.xml': strToU8(`<?xml version="1.0"?><p:sldMaster xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" ${ns}><p:cSld><p:spTree/></p:cSld></p:sldMaster>`),
      'ppt/slideMasters/_rels/slideMaster1.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="../theme/theme1.xml"/></Relationships>'),
      'ppt/theme/theme1.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE t [<!ENTITY face "A&quot;&lt;B">]><a:theme ${ns} name="x"><a:themeElements><a:fontScheme name="f"><a:majorFont><a:latin typeface="&face;"/></a:majorFont></a:fontScheme></a:themeElements></a:theme>`),
    }),
  );
}

const svg = (body: string, size = 'width="300" height="90"') => `<svg xmlns="http://www.w3.org/2000/svg" ${size}>${body}</svg>\n`;

/** 1. Text that would make a PPTX PowerPoint refuses: characters XML cannot hold, from every place text comes from. */
export const unsafeText: HardCase[] = [
  {
    name: 'a noncharacter U+FFFE in the title (YAML escape)',
    spec: (y) => sub(y, TITLE, 'title: "Minimal \\uFFFE deck"'),
    expect: { code: 'spec/control-character', message: 'deck.title contains the noncharacter U+FFFE', at: at('\\uFFFE'), field: 'deck.title' },
  },
  {
    name: 'an unpaired surrogate in an option label',
    spec: (y) => sub(y, '{id: B, label: Hold}', '{id: B, label: "Hold \\uD83D"}'),
    expect: { message: /decision\.options\[1\]\.label contains the unpaired surrogate .* U\+D83D/, at: at('\\uD83D'), field: 'decision.options[1].label' },
  },
  {
    name: 'a control character in a template override',
    files: { 'templates/exec-title.hbs': 'Recommend\u0001 {{option}}\n' },
    expect: { code: 'template/control-character', message: 'template templates/exec-title.hbs contains the control character U+0001', at: { file: 'templates/exec-title.hbs', line: 1, col: 10 } },
  },
  {
    name: 'a control character in a theme file footer',
    spec: appendSpec('theme: {file: brand.yaml}\n'),
    files: { 'brand.yaml': 'name: Brand\nfooter: "Acme \\u001B[31m red"\n' },
    expect: { message: 'footer contains the control character U+001B', at: at('\\u001B', 'brand.yaml'), field: 'footer' },
  },
  {
    name: 'a control character in a key that reaches a slide (owners)',
    spec: appendSpec('owners: {"Ops\\u0008": Dana}\n'),
    expect: { message: /a key in owners contains the control character U\+0008/, at: at('\\u0008') },
  },
  {
    name: 'a control character in a checkpoint name in checkpoints.json',
    files: { 'checkpoints.json': JSON.stringify({ version: 1, checkpoints: [{ name: 'Day\u00072', date: '2026-01-02', verdict: { criterion: 'ship', label: 'Ship' }, counts: { pass: 1, fail: 1, inconclusive: 0 }, headline: {}, gaps: [] }] }, null, 2) },
    expect: { code: 'history/invalid', message: /checkpoints\[0\]\.name/, at: at('"Day', 'checkpoints.json'), field: 'checkpoints[0].name' },
  },
  {
    name: 'a control character in --checkpoint',
    buildOnly: true,
    args: ['--checkpoint', 'Day\u001b[2J 2'],
    expect: { code: 'cli/checkpoint', message: 'the checkpoint name given to --checkpoint contains the control character U+001B', at: null, field: '--checkpoint' },
  },
  {
    name: 'an entity declared inside a corporate .potx',
    spec: appendSpec('theme: {from: company.potx}\n'),
    files: { 'company.potx': templateWithEntity() },
    expect: { code: 'theme/template', message: /cannot read company\.potx as a PowerPoint file: its part ppt\/theme\/theme1\.xml declares a DOCTYPE or entities/, at: at('company.potx'), field: 'theme.from' },
  },
];

/** 2. Inputs of the wrong shape or kind, once crashes (exit 70 or a signal): each a message now. */
export const wrongShapes: HardCase[] = [
  {
    name: 'lock: a row that is null',
    spec: lockDeck,
    files: { [L]: lockText((l) => (l.metrics.conv.rows[1] = null)) },
    expect: { code: 'lock/type', message: 'metrics.conv.rows[1] should be a mapping of keys to values, not null', at: at('null', L), field: 'metrics.conv.rows[1]' },
  },
  {
    name: 'lock: a scalar where the rows belong',
    spec: lockDeck,
    files: { [L]: lockText((l) => (l.metrics.conv.rows = 5 as never)) },
    expect: { message: 'metrics.conv.rows should be a list, not number 5', at: at('5\n', L), field: 'metrics.conv.rows' },
  },
  {
    name: 'lock: a trend date that is not in the calendar',
    spec: lockDeck,
    files: { [L]: lockText((l) => (l.metrics.conv.trend = [{ date: '2026-02-31', arm: 'control', value: 1 }])) },
    expect: { message: /metrics\.conv\.trend\[0\]\.date/, at: at('"2026-02-31"', L), field: 'metrics.conv.trend[0].date' },
  },
  {
    name: 'lock: value counts that would expand to a trillion values',
    spec: lockDeck,
    files: { [L]: lockText((l) => ((l.metrics.conv.rows[0] as Record<string, unknown>).value_counts = [[1.5, 1e12]])) },
    expect: { message: /value_counts: value counts that expand to more than 20,000,000 values/, at: at('"value_counts": ', L, 16), field: 'metrics.conv.rows[0].value_counts' },
  },
  {
    name: 'checkpoints.json: a checkpoint that is null',
    files: { 'checkpoints.json': '{"version": 1, "checkpoints": [null]}\n' },
    expect: { message: 'checkpoints[0] should be a mapping of keys to values, not null', at: at('null', 'checkpoints.json'), field: 'checkpoints[0]' },
  },
  {
    name: 'theme file that is a folder',
    spec: appendSpec('theme: {file: brand.yaml}\n'),
    files: { 'brand.yaml/keep': 'x' },
    expect: { code: 'theme/path', message: 'theme.file names brand.yaml, which is a folder', at: at('brand.yaml'), field: 'theme.file' },
  },
  {
    name: 'logo that is a folder',
    spec: appendSpec('theme: {logo: logo.png}\n'),
    files: { 'logo.png/keep': 'x' },
    expect: { message: 'theme.logo names logo.png, which is a folder', at: at('logo.png'), field: 'theme.logo' },
  },
  {
    name: 'templates/ that is a file',
    files: { templates: 'not a folder\n' },
    expect: { code: 'template/path', message: 'templates is a file, not a folder of templates', at: { file: 'templates', line: 1, col: 1 } },
  },
  {
    name: 'a template override that is a folder',
    files: { 'templates/exec-title.hbs/keep': 'x' },
    expect: { code: 'template/path', message: 'template override names templates/exec-title.hbs, which is a folder', at: { file: 'templates/exec-title.hbs', line: 1, col: 1 } },
  },
  {
    name: 'a malformed SVG logo',
    spec: appendSpec('theme: {logo: logo.svg}\n'),
    files: { 'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n  <rect width="10"\n</svg>\n' },
    expect: { code: 'theme/logo-format', message: /logo logo\.svg is not well-formed SVG/, at: { file: 'logo.svg', line: 3, col: 1 }, field: 'theme.logo' },
  },
  {
    name: 'an SVG logo 100,000 times as tall as it is wide (resvg would abort)',
    spec: appendSpec('theme: {logo: logo.svg}\n'),
    files: { 'logo.svg': svg('<rect width="1" height="100000"/>', 'width="1" height="100000"') },
    expect: { message: 'logo logo.svg is 1 × 100,000, a 100000:1 strip no slide can show', at: at('logo.svg'), field: 'theme.logo' },
  },
  {
    name: 'a theme file with an alias that names no anchor',
    spec: appendSpec('theme: {file: brand.yaml}\n'),
    files: { 'brand.yaml': 'name: &n Brand\nfooter: *nope\n' },
    expect: { code: 'theme/yaml', message: 'YAML alias *nope names no anchor', at: at('*nope', 'brand.yaml') },
  },
];

/** 3. Inputs that once ran for minutes: each refused at its limit, before the work that grows with it. */
export const hangs: HardCase[] = [
  {
    name: 'a 100 KB title',
    spec: (y) => sub(y, TITLE, `title: "${'Long title words '.repeat(6000).slice(0, 100_000)}"`),
    expect: { code: 'spec/too-long', message: 'deck.title is 100,000 characters long, more than the 10,000 gonogo takes in one text', at: at('"Long'), field: 'deck.title' },
  },
  {
    name: 'a 5,000-row risk register',
    spec: appendSpec(`risks:\n${Array.from({ length: 5000 }, (_, i) => `  - {id: r${i}, description: Risk ${i}, likelihood: low, impact: low, mitigation: Watch}\n`).join('')}`),
    expect: { code: 'spec/too-many', message: 'risks has 5,000 items, more than the 200 gonogo takes in one list', at: at('{id: r200,'), field: 'risks' },
  },
  {
    name: 'a mapping of 300 owners',
    spec: appendSpec(`owners:\n${Array.from({ length: 300 }, (_, i) => `  area${i}: Owner ${i}\n`).join('')}`),
    expect: { message: 'owners has 300 entries, more than the 200 gonogo takes in one list', at: at('area200:'), field: 'owners' },
  },
  {
    name: 'a template that loops over lists inside lists',
    spec: appendSpec(`monitoring: {dashboards: [${Array.from({ length: 30 }, (_, i) => `d${i}`).join(', ')}]}\n`),
    files: { 'templates/monitoring-dashboards.hbs': 'Dashboards: {{#each dashboards}}{{#each @root.dashboards}}{{#each @root.dashboards}}.{{/each}}{{/each}}{{/each}}\n' },
    expect: { code: 'template/budget', message: 'templates/monitoring-dashboards.hbs loops more than 10,000 times to write one sentence', at: { file: 'templates/monitoring-dashboards.hbs', line: 1, col: 13 } },
  },
  {
    name: 'a template that writes megabytes for one sentence',
    spec: appendSpec(`monitoring: {dashboards: [${Array.from({ length: 60 }, (_, i) => `"${'x'.repeat(200)}${i}"`).join(', ')}]}\n`),
    files: { 'templates/monitoring-dashboards.hbs': 'Dashboards: {{#each dashboards}}{{#each ../dashboards}}{{this}}{{/each}}{{/each}}\n' },
    expect: { code: 'template/budget', message: 'templates/monitoring-dashboards.hbs writes more than 50,000 characters for one sentence', at: { file: 'templates/monitoring-dashboards.hbs', line: 1, col: 13 } },
  },
  {
    name: 'metrics data with 3,000 segments of one dimension (Vega overflowed its stack drawing them)',
    spec: (y) => sub(y, 'better: higher, role: primary}', 'better: higher, role: primary, segments: [category]}'),
    csv: (c) => c + Array.from({ length: 3000 }, (_, i) => `conv,control,category=C${i},0.1,0.09,0.11,1000\nconv,treatment,category=C${i},0.11,0.1,0.12,1000\n`).join(''),
    expect: { code: 'data/too-many-segments', message: 'the data for conv have 3,000 category segments, more than the 100 gonogo reads', at: at('category]'), field: 'metrics[0].segments[0]' },
  },
  {
    name: 'an SVG logo full of text',
    spec: appendSpec('theme: {logo: logo.svg}\n'),
    files: { 'logo.svg': svg(`<text x="0" y="20">${'Acme '.repeat(4000)}</text>`) },
    expect: { message: 'logo logo.svg holds 20,000 characters of text, more than the 2,000 gonogo draws', at: at('logo.svg'), field: 'theme.logo' },
  },
  {
    name: 'an SVG logo of 20,000 elements',
    spec: appendSpec('theme: {logo: logo.svg}\n'),
    files: { 'logo.svg': svg('<rect width="1" height="1"/>'.repeat(20_000)) },
    expect: { message: 'logo logo.svg has 20,001 elements, more than the 10,000 gonogo draws', at: at('logo.svg'), field: 'theme.logo' },
  },
];

/** 4. Reads outside the deck folder, and echoes of what was read. */
export const outside: HardCase[] = [
  {
    name: 'a theme file at a system path',
    spec: appendSpec('theme: {file: /etc/passwd}\n'),
    mustNotPrint: 'root:',
    expect: { code: 'theme/path', message: 'theme.file "/etc/passwd" lies outside the deck folder', at: at('/etc/passwd'), field: 'theme.file', hint: /--allow-outside-deck/ },
  },
  {
    name: 'a theme file in the folder above the deck',
    spec: appendSpec('theme: {file: ../brand.yaml}\n'),
    files: { '../brand.yaml': 'name: Elsewhere\n' },
    expect: { message: 'theme.file "../brand.yaml" lies outside the deck folder', at: at('../brand.yaml'), field: 'theme.file' },
  },
  {
    name: 'a logo that is a symlink out of the deck',
    spec: appendSpec('theme: {logo: logo.png}\n'),
    files: { '../secret.png': 'not really a picture' },
    setup: (dir) => void symlinkSync(join(dir, '..', 'secret.png'), join(dir, 'logo.png')),
    expect: { message: 'theme.logo "logo.png" lies outside the deck folder', at: at('logo.png'), field: 'theme.logo' },
  },
  {
    name: 'metrics_file that is a symlink out of the deck',
    spec: (y) => sub(y, 'metrics_file: metrics.csv', 'metrics_file: data.csv'),
    setup: (dir) => void symlinkSync('/etc/passwd', join(dir, 'data.csv')),
    mustNotPrint: 'root:',
    expect: { code: 'spec/path', message: 'metrics_file "data.csv" lies outside the deck folder', at: at('data.csv'), field: 'metrics_file' },
  },
  {
    name: 'a template override that is a symlink to a system file',
    setup: (dir) => {
      mkdirSync(join(dir, 'templates'));
      symlinkSync('/etc/passwd', join(dir, 'templates', 'exec-title.hbs'));
    },
    mustNotPrint: 'root:',
    expect: { code: 'template/path', message: 'template override "templates/exec-title.hbs" lies outside the deck folder', at: { file: 'templates/exec-title.hbs', line: 1, col: 1 } },
  },
  {
    name: 'a theme file naming a logo outside the deck',
    spec: appendSpec('theme: {file: brand/theme.yaml}\n'),
    files: { 'brand/theme.yaml': 'logo: ../../logo.png\n', '../logo.png': 'x' },
    expect: { message: 'logo "../../logo.png" lies outside the deck folder', at: at('../../logo.png', 'brand/theme.yaml'), field: 'logo' },
  },
  {
    name: 'a template calling {{log}} (which wrote to the console)',
    files: { 'templates/exec-title.hbs': 'Recommend {{log option}}{{option}}\n' },
    expect: { message: 'templates/exec-title.hbs calls the helper "log", which does not exist', at: { file: 'templates/exec-title.hbs', line: 1, col: 13 } },
  },
  {
    name: 'a theme file that is not YAML is named, not quoted',
    spec: appendSpec('theme: {file: notes.txt}\n'),
    files: { 'notes.txt': 'SECRET_TOKEN=abc123 do not print me\n' },
    mustNotPrint: 'SECRET_TOKEN',
    expect: { code: 'theme/shape', message: 'notes.txt should hold a mapping of theme fields, not a single value', at: { file: 'notes.txt', line: 1, col: 1 } },
  },
];

/** 5. Input once accepted that should not be. */
export const accepted: HardCase[] = [
  {
    name: 'a blank title',
    spec: (y) => sub(y, TITLE, 'title: "   "'),
    expect: { message: 'deck.title: the text is blank (only spaces)', at: at('"   "'), field: 'deck.title' },
  },
  {
    name: 'contradictory bounds in one rule (at_least above at_most)',
    spec: (y) => sub(y, '{metric: conv, ci_lower: {at_least: 0pp}}', '{metric: conv, ci_lower: {at_least: 2pp, at_most: 1pp}}'),
    expect: { code: 'spec/quantity', message: 'criteria.ship.all[0].ci_lower: at_least 2pp is above at_most 1pp, so no value can meet it', at: at('2pp'), field: 'criteria.ship.all[0].ci_lower.at_least' },
  },
  {
    name: '--checkpoint ""',
    buildOnly: true,
    args: ['--checkpoint', ''],
    expect: { code: 'cli/checkpoint', message: 'the checkpoint name given to --checkpoint is empty', at: null, field: '--checkpoint' },
  },
  {
    name: '--out without a folder',
    buildOnly: true,
    args: ['--out'],
    expect: { code: 'cli/out', message: '--out names no folder', at: null, field: '--out' },
  },
  {
    name: 'lock: assignment counts that are not numbers',
    spec: lockDeck,
    files: { [L]: lockText((l) => (l.assignments = { control: 'lots', treatment: 500 })) },
    expect: { message: 'assignments.control should be a number, not the text "lots"', at: at('"lots"', L), field: 'assignments.control' },
  },
  {
    name: 'a lone surrogate in a stakeholder name',
    spec: appendSpec('stakeholders: [{id: ops, name: "Dana \\uDE00", role: Ops}]\n'),
    expect: { message: /stakeholders\[0\]\.name contains the unpaired surrogate/, at: at('\\uDE00'), field: 'stakeholders[0].name' },
  },
];

/** 6. Messages that once named neither the file nor the row or field. */
export const located: HardCase[] = [
  {
    name: 'lock: a count that is text names the lock, line and field',
    spec: lockDeck,
    files: { [L]: lockText((l) => ((l.metrics.conv.rows[0] as Record<string, unknown>).n = 'many')) },
    expect: { message: 'metrics.conv.rows[0].n should be a number, not the text "many"', at: at('"many"', L), field: 'metrics.conv.rows[0].n' },
  },
  {
    name: 'lock: not JSON names the position, not the content',
    spec: lockDeck,
    files: { [L]: '{"version": 1,\n  "engine": duckdb\n}\n' },
    expect: { code: 'lock/json', message: 'metrics.lock.json is not valid JSON: a word or character JSON does not know (texts need double quotes)', at: { file: L, line: 2, col: 13 } },
  },
  {
    name: 'a binary theme file',
    spec: appendSpec('theme: {file: brand.yaml}\n'),
    files: { 'brand.yaml': Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0x00, 0x07, 0x50, 0x4b]) },
    expect: { code: 'file/binary', message: 'theme file brand.yaml is a binary file, not text', at: { file: 'brand.yaml', line: 1, col: 1 } },
  },
  {
    name: 'a UTF-16 template',
    files: { 'templates/exec-title.hbs': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Recommend {{option}}\n', 'utf16le')]) },
    expect: { code: 'file/encoding', message: 'template templates/exec-title.hbs is UTF-16 text', at: { file: 'templates/exec-title.hbs', line: 1, col: 1 } },
  },
  {
    name: 'terminal escapes pasted into a text are named, never sent to the terminal',
    spec: (y) => sub(y, 'question: Ship the new flow?', 'question: "Ship \u001b[31mthe new flow?"'),
    expect: { message: 'decision.question contains the control character U+001B', at: at('\u001b'), field: 'decision.question' },
  },
  {
    name: 'a theme file given as the deck: one message, not a page of unknown keys',
    files: { 'brand.yaml': 'name: Brand\ncolors: {accent: "#112233"}\nfonts: {body: Verdana}\nfooter: Acme\nlogo: logo.png\nconfidentiality: Internal\n' },
    target: 'brand.yaml',
    expect: { code: 'spec/shape', message: 'brand.yaml does not look like a decision spec: none of its keys (name, colors, fonts, …) is a spec key', at: { file: 'brand.yaml', line: 1, col: 1 } },
  },
  {
    name: 'checkpoints.json: missing fields are one message at the entry',
    files: { 'checkpoints.json': '{"version": 1, "checkpoints": [{"name": "Day 1"}]}\n' },
    expect: { code: 'history/missing', message: 'checkpoints[0] is missing date, verdict, counts, headline and gaps', at: at('{"name"', 'checkpoints.json'), field: 'checkpoints[0]' },
  },
];

/** 7. A typo that once flipped the verdict silently: a segment the data do not hold. */
export const typos: HardCase[] = [
  {
    base: 'reference',
    name: 'a rule on a segment value one letter off',
    spec: (y) => sub(y, '      - metric: hire_rate_7d\n        ci_lower: { at_least: -1.0pp }\n      - guardrails: pass\n      - data_gap', '      - metric: hire_rate_7d\n        segment: category=Plumbin\n        ci_lower: { at_least: -1.0pp }\n      - guardrails: pass\n      - data_gap'),
    expect: { code: 'data/undefined-segment', message: 'criteria.go_full.all[1].segment names segment "category=Plumbin", which the data for hire_rate_7d do not hold', at: at('category=Plumbin'), hint: 'did you mean "category=Plumbing"?' },
  },
  {
    base: 'reference',
    name: 'a rule on a dimension the data do not have',
    spec: (y) => sub(y, '      - metric: hire_rate_7d\n        ci_lower: { at_least: -1.0pp }\n      - guardrails: pass\n      - data_gap', '      - metric: hire_rate_7d\n        segment: geo=West\n        ci_lower: { at_least: -1.0pp }\n      - guardrails: pass\n      - data_gap'),
    expect: { message: /segment "geo=West", which the data for hire_rate_7d do not hold/, at: at('geo=West'), field: 'criteria.go_full.all[1].segment' },
  },
  {
    base: 'reference',
    name: 'a pre-specified segment with a typo',
    spec: (y) => sub(y, 'prespecified_segments: [category]', 'prespecified_segments: [categroy]'),
    expect: { message: "prespecified_segments names categroy, a segment no metric's data hold", at: at('categroy'), hint: 'did you mean "category"?' },
  },
  {
    name: 'a segments: dimension with no rows in the data',
    spec: (y) => sub(y, 'better: higher, role: primary}', 'better: higher, role: primary, segments: [device]}'),
    expect: { message: 'metrics[0].segments names device, but the data hold no device=… rows for conv', at: at('device'), field: 'metrics[0].segments[0]' },
  },
  {
    base: 'reference',
    name: 'a "no segment" rule over metrics without rows of its dimension (it would hold vacuously)',
    spec: (y) => sub(y, '            - metric: hire_rate_7d\n              estimate: { at_most: -1.0pp }\n            - metric: ttfq_median\n              estimate: { at_least: 0% }', '            - metric: refund_rate\n              estimate: { at_least: 10% }'),
    expect: { message: 'criteria.go_full.all[4].no_segment.by is category, but the data hold no category=… rows for refund_rate: the rule would hold for no segment at all', at: at('by: category', Y, 4), field: 'criteria.go_full.all[4].no_segment.by' },
  },
];

/** 8. A failed build once left a mixed out/: now nothing is replaced unless everything is written. */
export const mixedOut: HardCase[] = [
  {
    name: 'the PPTX path is a folder (the Deck JSON and outline stay the old ones)',
    buildOnly: true,
    setup: (dir) => {
      rmSync(join(dir, 'out', 'deck.pptx'));
      mkdirSync(join(dir, 'out', 'deck.pptx', 'x'), { recursive: true });
    },
    names: 'out/deck.pptx',
    expect: { code: 'output/path', message: 'cannot write out/deck.pptx: a folder of that name is in the way', at: null },
  },
  {
    name: 'the outline path is a folder',
    buildOnly: true,
    setup: (dir) => {
      rmSync(join(dir, 'out', 'deck.md'));
      mkdirSync(join(dir, 'out', 'deck.md', 'x'), { recursive: true });
    },
    names: 'out/deck.md',
    expect: { message: 'cannot write out/deck.md: a folder of that name is in the way', at: null },
  },
  {
    name: 'out/charts is a file (the PPTX, outline and Deck JSON stay the old ones)',
    buildOnly: true,
    setup: (dir) => {
      rmSync(join(dir, 'out', 'charts'), { recursive: true });
      writeFileSync(join(dir, 'out', 'charts'), 'in the way');
    },
    names: 'out/charts',
    expect: { message: /^error: cannot write out\/charts(\/\S+)?: a file stands where a folder of the output path should be/, at: null },
  },
  {
    name: 'an --out folder that is a file',
    buildOnly: true,
    setup: (dir) => writeFileSync(join(dir, 'build'), ''),
    args: ['--out', 'build'],
    names: 'build',
    expect: { message: 'cannot write build: a file stands where a folder of the output path should be', at: null },
  },
  {
    name: '--out under a file',
    buildOnly: true,
    args: ['--out', 'metrics.csv/out'],
    names: 'metrics.csv/out',
    expect: { message: 'cannot write metrics.csv/out: a file stands where a folder of the output path should be', at: null },
  },
  {
    name: 'a read-only out/',
    buildOnly: true,
    setup: (dir) => makeReadOnly(join(dir, 'out')),
    names: 'out',
    expect: { message: /^error: cannot write out: permission denied/, at: null },
  },
  {
    name: 'a broken checkpoint name appends nothing to checkpoints.json',
    buildOnly: true,
    files: { 'checkpoints.json': JSON.stringify({ version: 1, checkpoints: [{ name: 'Day 1', date: '2026-01-01', verdict: { criterion: 'ship', label: 'Ship', option: 'A' }, counts: { pass: 1, fail: 1, inconclusive: 0 }, headline: {}, gaps: [] }] }, null, 2) + '\n' },
    args: ['--checkpoint', ' '],
    expect: { code: 'cli/checkpoint', message: 'the checkpoint name given to --checkpoint is empty', at: null, field: '--checkpoint' },
  },
];
