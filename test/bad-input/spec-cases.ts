// Bad specs: YAML syntax, wrong types, unknown keys, duplicate ids, undefined references, quantities.
// Each is the reference deck with one named edit; `at` names the text the error must point at.
import { sub, type BadCase } from './support.js';

const Y = 'gonogo.yaml';
const at = (marker: string, nth?: number, shift?: number) => ({ file: Y, marker, nth, shift });

const TTFQ = '  - id: ttfq_median\n    label: Median time to first quote\n    kind: median\n';

export const yamlSyntax: BadCase[] = [
  {
    name: 'yaml: unclosed bracket',
    spec: (y) => sub(y, 'prespecified_segments: [category]', 'prespecified_segments: [category'),
    expect: { code: 'spec/yaml', message: 'YAML syntax error: this "[" is never closed', at: at('prespecified_segments: [category', 1, 23), hint: /close it with "\]"/ },
  },
  {
    name: 'yaml: bad indentation (a key indented deeper than its siblings)',
    spec: (y) => sub(y, TTFQ, '  - id: ttfq_median\n      label: Median time to first quote\n    kind: median\n'),
    expect: { message: 'YAML syntax error: this line is indented deeper than the key above it', at: at('label: Median time to first quote'), hint: /align it with its sibling keys/ },
  },
  {
    name: 'yaml: tab indentation',
    spec: (y) => sub(y, TTFQ, '  - id: ttfq_median\n\tlabel: Median time to first quote\n    kind: median\n'),
    expect: { message: 'YAML syntax error: a tab is used for indentation', at: at('\tlabel: Median'), hint: /spaces, not tabs/ },
  },
  {
    name: 'yaml: duplicate key',
    spec: (y) => sub(y, 'phase: final\n', 'phase: final\nphase: interim\n'),
    expect: { message: 'YAML syntax error: the key "phase" appears twice in the same mapping', at: at('phase: interim'), hint: /keep one/ },
  },
  {
    name: 'yaml: a colon in an unquoted value',
    spec: (y) => sub(y, '  cadence: Daily in week 1', '  cadence: Note: daily in week 1'),
    expect: { message: 'YAML syntax error: this value contains ": ", which YAML reads as a nested key', at: at('Note: daily', 1, 4), hint: /quote the whole text/ },
  },
  {
    name: 'yaml: a colon in an unquoted flow value',
    spec: (y) => sub(y, '{ when: Day 0, what: Flip the flag', '{ when: Day 0, what: Flip: the flag'),
    expect: { message: /YAML syntax error/, at: at('Flip: the flag', 1, 0), hint: /quote/ },
  },
  {
    name: 'yaml: unclosed quote',
    spec: (y) => sub(y, "what: 'Daily monitoring of speed, hire rate and guardrails'", "what: 'Daily monitoring of speed, hire rate and guardrails"),
    expect: { message: `YAML syntax error: this ' is never closed`, at: at("'Daily monitoring", 1, 0), hint: /close the quote/ },
  },
  {
    name: 'yaml: control character in a string',
    spec: (y) => sub(y, 'owner: Dana Whitfield, Analytics Lead', 'owner: Dana Whitfield,\u0007 Analytics Lead'),
    expect: { code: 'spec/control-character', message: 'deck.owner contains the control character U+0007', at: at('\u0007'), field: 'deck.owner', hint: /U\+0007/ },
  },
  {
    name: 'yaml: a truncated key with no colon',
    spec: (y) => sub(y, '    likelihood: low\n', '    likel\n'),
    expect: { message: 'YAML syntax error: this line has no ":", so YAML reads it as part of a key', at: at('likel\n'), hint: /key: value/ },
  },
  {
    name: 'yaml: a list item indented differently from its siblings',
    spec: (y) => sub(y, '  - id: three_quotes_24h', '    - id: three_quotes_24h'),
    expect: { message: 'YAML syntax error: this line is indented differently from the lines around it', at: at('id: three_quotes_24h'), hint: /same column/ },
  },
  {
    name: 'yaml: a stray character at the start of a line',
    spec: (y) => sub(y, '    role: primary\n    group: speed\n    segments: [category]\n    from: { sql_file: queries/ttfq_median.sql }\n  - id: ttfq_p90', '|    role: primary\n    group: speed\n    segments: [category]\n    from: { sql_file: queries/ttfq_median.sql }\n  - id: ttfq_p90'),
    expect: { message: /YAML syntax error/, at: at('|    role'), hint: /same column/ },
  },
  {
    name: 'yaml: an alias with no anchor',
    spec: (y) => sub(y, 'phase: final', 'phase: *final'),
    expect: { message: 'YAML alias *final names no anchor', at: at('*final'), hint: /define the anchor/ },
  },
  {
    name: 'yaml: an alias bomb',
    spec: (y) => `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n${y}`,
    expect: { message: 'YAML aliases expand to too many values', at: at('*a'), hint: /write the values out/ },
  },
  {
    name: 'yaml: a custom tag',
    spec: (y) => sub(y, 'owner: Dana Whitfield, Analytics Lead', 'owner: !secret DANA'),
    expect: { message: 'YAML tag !secret is not supported', at: at('!secret'), hint: /secrets belong in the environment/ },
  },
  {
    name: 'yaml: a language-specific tag',
    spec: (y) => sub(y, 'phase: final', 'phase: !!js/function "final"'),
    expect: { message: 'YAML tag !!js/function is not supported', at: at('!!js') },
  },
  {
    name: 'yaml: two documents in one file',
    spec: (y) => `${y}---\nversion: 1\n`,
    expect: { message: /a second YAML document starts here/, at: at('---'), hint: /remove the --- line/ },
  },
];

export const wrongTypes: BadCase[] = [
  {
    name: 'type: confidence as a word',
    spec: (y) => sub(y, 'confidence: 0.90', 'confidence: high'),
    expect: { code: 'spec/type', message: 'decision.confidence should be a number, not the text "high"', at: at('high'), field: 'decision.confidence', expected: 'a number', hint: /without quotes/ },
  },
  {
    name: 'type: options as a mapping instead of a list',
    spec: (y) => sub(y, '  options:\n    - id: A\n', '  options:\n    A:\n      id: A\n').replace(/\n    - id: B[\s\S]*?(?=\ncontext:)/, '\n'),
    expect: { message: 'decision.options should be a list', at: at('A:\n      id: A'), field: 'decision.options', hint: /YAML list/ },
  },
  {
    name: 'type: unknown metric kind',
    spec: (y) => sub(y, '    kind: median\n', '    kind: medain\n'),
    expect: { code: 'spec/value', message: 'metrics[0].kind should be one of proportion, mean, median', at: at('medain'), field: 'metrics[0].kind', hint: 'did you mean "median"?' },
  },
  {
    name: 'type: better as a word outside the enum',
    spec: (y) => sub(y, TTFQ + '    unit: minutes\n    better: lower', TTFQ + '    unit: minutes\n    better: down'),
    expect: { message: 'metrics[0].better should be one of higher, lower', at: at('better: down', 1, 8), expected: 'one of: higher, lower' },
  },
  {
    name: 'type: sla_minutes not a whole number',
    spec: (y) => sub(y, 'sla_minutes: 30', 'sla_minutes: 30.5'),
    expect: { message: /rollback\.sla_minutes.*whole number/, at: at('30.5'), field: 'rollback.sla_minutes' },
  },
  {
    name: 'type: date not in YYYY-MM-DD',
    spec: (y) => sub(y, 'date: 2026-11-20', 'date: 20 Nov 2026'),
    expect: { message: /deck\.date: .*20 Nov 2026/, at: at('20 Nov 2026'), field: 'deck.date', expected: /YYYY-MM-DD/ },
  },
  {
    name: 'type: required key missing (deck.title)',
    spec: (y) => sub(y, '  title: New quoting workflow — expand, gate or hold?\n', ''),
    expect: { code: 'spec/missing', message: 'deck.title is required', at: at('subtitle:', 1, 0), field: 'deck.title', hint: 'add title: to deck' },
  },
  {
    name: 'type: empty value where a text is required',
    spec: (y) => sub(y, '    label: Median time to first quote\n', '    label:\n'),
    expect: { message: 'metrics[0].label should be a text, not null', field: 'metrics[0].label', hint: /write a text after the colon/ },
  },
  {
    name: 'type: blind as yes (YAML 1.2 reads it as text)',
    spec: (y) => sub(y, 'phase: final\n', 'phase: final\nblind: yes\n'),
    expect: { message: 'blind should be true or false, not the text "yes"', at: at('yes'), field: 'blind' },
  },
  {
    name: 'type: empty metrics list',
    spec: (y) => y.replace(/\nmetrics:\n[\s\S]*?(?=\nprespecified_segments)/, '\nmetrics: []\n'),
    expect: { message: 'metrics: needs at least 1 item', at: at('[]', 1), field: 'metrics', maxErrors: 20 },
  },
  {
    name: 'type: a criterion with both all and any',
    spec: (y) => sub(y, '    option: C\n    any:\n', '    option: C\n    all:\n      - guardrails: pass\n    any:\n'),
    expect: { message: /criteria\.no_go: .*exactly one of all or any/, field: 'criteria.no_go' },
  },
  {
    name: 'type: a bound with neither at_least nor at_most',
    spec: (y) => sub(y, "    any:\n      - guardrails: breached\n      - metric: ttfq_median\n        ci_upper: { at_least: -5% }", "    any:\n      - guardrails: breached\n      - metric: ttfq_median\n        ci_upper: {}"),
    expect: { message: /ci_upper: .*at_least or at_most/, at: at('{}'), field: 'criteria.no_go.any[1].ci_upper' },
  },
  {
    name: 'type: phase outside the enum',
    spec: (y) => sub(y, 'phase: final', 'phase: finale'),
    expect: { message: 'phase should be one of design, interim, final', at: at('finale'), hint: 'did you mean "final"?' },
  },
  {
    name: 'type: .nan where a number is expected',
    spec: (y) => sub(y, 'confidence: 0.90', 'confidence: .nan'),
    expect: { message: 'decision.confidence should be a finite number, not .nan (not a number)', at: at('.nan'), hint: /not finite/ },
  },
  {
    name: 'type: a number too large for a double (1e400)',
    spec: (y) => sub(y, 'sla_minutes: 30', 'sla_minutes: 1e400'),
    expect: { message: 'rollback.sla_minutes should be a finite number, not infinity', at: at('1e400') },
  },
  {
    name: 'type: a number where a text is expected',
    spec: (y) => sub(y, '      label: Hold and instrument', '      label: 3'),
    expect: { message: 'decision.options[2].label should be a text, not number 3', at: at('label: 3', 1, 7), hint: 'YAML reads 3 as a number: put it in quotes to make it a text' },
  },
  {
    name: 'type: a date that is not in the calendar',
    spec: (y) => sub(y, 'date: 2026-11-20', 'date: 2026-13-45'),
    expect: { message: 'deck.date 2026-13-45 is not a date in the calendar', at: at('2026-13-45'), field: 'deck.date' },
  },
  {
    name: 'type: no criteria at all',
    spec: (y) => sub(y.replace(/\ncriteria:\n[\s\S]*?(?=\nscenarios:)/, '\ncriteria: {}\n'), '  fallback: no_go\n', ''),
    expect: { message: 'criteria defines no criterion', at: at('{}'), field: 'criteria', hint: /add go \/ no_go/ },
  },
  {
    name: 'type: an id with an invisible zero-width space',
    spec: (y) => sub(y, '  - id: ttfq_p90\n', '  - id: ttfq_p90\u200b\n'),
    expect: { message: 'metrics[1].id: the text "ttfq_p90\\u{200B}" is not an id', at: at('ttfq_p90'), field: 'metrics[1].id' },
  },
  {
    name: 'type: the whole spec is a list',
    spec: () => '- deck\n- metrics\n',
    expect: { code: 'spec/shape', message: /should hold a mapping .* not a list/, at: at('- deck') },
  },
  {
    name: 'type: the whole spec is only comments',
    spec: () => '# nothing here yet\n',
    expect: { code: 'spec/empty', message: 'gonogo.yaml holds no settings (only comments or blank lines)', at: { file: Y, line: 1, col: 1 }, hint: /gonogo init/ },
  },
];

export const unknownKeys: BadCase[] = [
  {
    name: 'unknown key: top level, with did-you-mean',
    spec: (y) => sub(y, '\ncriteria:\n', '\ncriterias:\n'),
    expect: { code: 'spec/unknown-key', message: 'unknown key "criterias" at the top level', at: at('criterias:'), field: 'criterias', hint: 'did you mean "criteria"?', expected: /one of: .*criteria/ },
  },
  {
    name: 'unknown key: nested in a metric',
    spec: (y) => sub(y, TTFQ + '    unit: minutes\n    better: lower', TTFQ + '    unit: minutes\n    beter: lower'),
    expect: { message: 'unknown key "beter" in metrics[0]', at: at('beter'), field: 'metrics[0].beter', hint: 'did you mean "better"?' },
  },
  {
    name: 'unknown key: deep in a stakeholder pre-wire',
    spec: (y) => sub(y, '      ask: Agree that 100%', '      asks: Agree that 100%'),
    expect: { message: 'unknown key "asks" in stakeholders[0].prewire', at: at('asks:'), hint: 'did you mean "ask"?' },
  },
  {
    name: 'unknown key: in a criterion rule (union)',
    spec: (y) => sub(y, '      - metric: hire_rate_7d\n        ci_lower: { at_least: -1.0pp }\n      - guardrails: pass\n      - data_gap', '      - metric: hire_rate_7d\n        ci_lowr: { at_least: -1.0pp }\n      - guardrails: pass\n      - data_gap'),
    expect: { message: 'unknown key "ci_lowr" in criteria.go_full.all[1]', at: at('ci_lowr'), hint: 'did you mean "ci_lower"?' },
  },
  {
    name: 'unknown key: in rollback, no close match',
    spec: (y) => sub(y, '  sla_minutes: 30', '  sla_minutes: 30\n  pager_rotation: weekly'),
    expect: { message: 'unknown key "pager_rotation" in rollback', at: at('pager_rotation'), hint: /remove it/ },
  },
  {
    name: 'unknown key: a comma inside a flow mapping splits a text',
    spec: (y) => sub(y, "signal: 'Spam flags per 1,000 quotes'", 'signal: Spam flags per 1,000 quotes'),
    expect: { message: 'unknown key "000 quotes" in monitoring.alerts[2]', hint: /quote texts that contain commas/ },
  },
];

export const duplicateIds: BadCase[] = [
  {
    name: 'duplicate id: metrics',
    spec: (y) => sub(y, '  - id: ttfq_p90\n', '  - id: ttfq_median\n'),
    expect: { code: 'spec/duplicate-id', message: 'metrics[1].id: id "ttfq_median" is used twice in metrics', at: at('id: ttfq_median', 2, 4), hint: /the first is metrics\[0\]/, maxErrors: 3 },
  },
  {
    name: 'duplicate id: options',
    spec: (y) => sub(y, '    - id: C\n', '    - id: B\n'),
    expect: { message: 'decision.options[2].id: id "B" is used twice', at: at('- id: B', 2, 6), field: 'decision.options[2].id', maxErrors: 2 },
  },
  {
    name: 'duplicate id: stakeholders',
    spec: (y) => sub(y, '  - id: sales\n', '  - id: ops\n'),
    expect: { message: 'stakeholders[2].id: id "ops" is used twice', at: at('- id: ops', 2, 6) },
  },
  {
    name: 'duplicate id: data gaps',
    spec: (y) => sub(y, '  - id: timezone_skew\n', '  - id: refund_lag\n'),
    expect: { message: 'data_gaps[4].id: id "refund_lag" is used twice', at: at('- id: refund_lag', 2, 6) },
  },
  {
    name: 'duplicate id: risks',
    spec: (y) => sub(y, '  - id: seasonality\n', '  - id: pro_churn\n'),
    expect: { message: 'risks[3].id: id "pro_churn" is used twice', at: at('- id: pro_churn', 2, 6) },
  },
  {
    name: 'duplicate id: criteria (a duplicate YAML key)',
    spec: (y) => sub(y, '  no_go:\n    label: No-go', '  go_partial:\n    label: No-go'),
    expect: { message: 'the key "go_partial" appears twice', at: at('go_partial:\n    label: No-go', 1, 0) },
  },
];

export const undefinedRefs: BadCase[] = [
  {
    name: 'undefined: metric in a criterion',
    spec: (y) => sub(y, '      - metric: hire_rate_7d\n        ci_lower: { at_least: -1.0pp }\n      - guardrails: pass\n      - data_gap', '      - metric: hire_rate_7dd\n        ci_lower: { at_least: -1.0pp }\n      - guardrails: pass\n      - data_gap'),
    expect: { code: 'spec/undefined-metric', message: 'criteria.go_full.all[1].metric names metric "hire_rate_7dd"', at: at('hire_rate_7dd'), hint: 'did you mean "hire_rate_7d"?', expected: /one of the metric ids/ },
  },
  {
    name: "undefined: a stakeholder's north_star metric",
    spec: (y) => sub(y, 'north_star: [ttfq_median, quote_30m_share]', 'north_star: [ttfq_median, quote_30min_share]'),
    expect: { message: 'stakeholders[0].north_star[1] names metric "quote_30min_share"', at: at('quote_30min_share'), hint: 'did you mean "quote_30m_share"?' },
  },
  {
    name: 'undefined: option in a criterion',
    spec: (y) => sub(y, '    option: C\n', '    option: D\n'),
    expect: { code: 'spec/undefined-option', message: 'criteria.no_go.option names option "D"', at: at('option: D', 1, 8), expected: 'one of the option ids: A, B, C' },
  },
  {
    name: 'undefined: data gap in a rule',
    spec: (y) => sub(y, '      - data_gap: missing_variant', '      - data_gap: missing_variants'),
    expect: { code: 'spec/undefined-data gap', message: 'names data gap "missing_variants"', at: at('missing_variants'), hint: 'did you mean "missing_variant"?' },
  },
  {
    name: 'undefined: fallback criterion',
    spec: (y) => sub(y, 'fallback: no_go', 'fallback: hold'),
    expect: { message: 'decision.fallback names criterion "hold"', at: at('hold\n'), expected: /go_full, go_partial, no_go/ },
  },
  {
    name: "undefined: a data gap's metric",
    spec: (y) => sub(y, 'metrics: [refund_rate]', 'metrics: [refunds]'),
    expect: { message: 'data_gaps[1].metrics[0] names metric "refunds"', at: at('refunds]') },
  },
  {
    name: "undefined: a monitoring alert's metric",
    spec: (y) => sub(y, '{ metric: spam_per_1000,', '{ metric: spam_per_10000,'),
    expect: { message: 'monitoring.alerts[2].metric names metric "spam_per_10000"', at: at('spam_per_10000'), hint: 'did you mean "spam_per_1000"?' },
  },
  {
    name: 'undefined: metric inside no_segment',
    spec: (y) => sub(y, '            - metric: hire_rate_7d\n              estimate: { at_most: -1.0pp }', '            - metric: hire_rate\n              estimate: { at_most: -1.0pp }'),
    expect: { message: 'criteria.go_full.all[4].no_segment.all[0].metric names metric "hire_rate"', at: at('metric: hire_rate\n', 1, 8) },
  },
];

export const quantities: BadCase[] = [
  {
    name: 'quantity: a percentage where an absolute proportion rule needs pp',
    spec: (y) => sub(y, '      - metric: hire_rate_7d\n        ci_lower: { at_least: -1.0pp }\n      - guardrails: pass\n  no_go', '      - metric: hire_rate_7d\n        scale: absolute\n        ci_lower: { at_least: -1.0% }\n      - guardrails: pass\n  no_go'),
    expect: { code: 'spec/quantity', message: /"-1.0%" is a percentage but the rule compares an absolute change/, at: at('-1.0%'), hint: /-1.0pp/ },
  },
  {
    name: 'quantity: thresholds mixing % and pp',
    spec: (y) => sub(y, '      - metric: ttfq_median\n        ci_upper: { at_least: -5% }', '      - metric: ttfq_median\n        estimate: { at_most: -1pp }\n        ci_upper: { at_least: -5% }'),
    expect: { message: /thresholds mix percentages and pp/, hint: 'set scale: relative or scale: absolute' },
  },
  {
    name: 'quantity: max_worsening that is not a quantity',
    spec: (y) => sub(y, 'max_worsening: 10%', 'max_worsening: ten percent'),
    expect: { message: 'metrics[8].max_worsening "ten percent" is not a quantity', at: at('ten percent'), expected: /10%/ },
  },
  {
    name: 'quantity: a missing share above 100%',
    spec: (y) => sub(y, 'missing_share: 6%', 'missing_share: 160%'),
    expect: { message: 'data_gaps[0].missing_share "160%" is not a share', at: at('160%') },
  },
  {
    name: 'quantity: a threshold that is not a number',
    spec: (y) => sub(y, 'ci_upper: { at_least: -5% }', 'ci_upper: { at_least: minus five }'),
    expect: { message: /"minus five" is not a number, a percentage or a pp value/, at: at('minus five') },
  },
  {
    name: 'quantity: a quantile metric without its level',
    spec: (y) => sub(y, '    quantile: 0.9\n', ''),
    expect: { message: 'metrics[1] (ttfq_p90) is a quantile but has no quantile level', field: 'metrics[1].quantile' },
  },
];

export const confidence: BadCase[] = [
  {
    name: 'confidence 0',
    spec: (y) => sub(y, 'confidence: 0.90', 'confidence: 0'),
    expect: { message: /decision\.confidence: number 0 is too small/, at: at('confidence: 0', 1, 12), hint: /strictly between 0 and 1/ },
  },
  {
    name: 'confidence 1',
    spec: (y) => sub(y, 'confidence: 0.90', 'confidence: 1'),
    expect: { message: /decision\.confidence: number 1 is too large/, at: at('confidence: 1', 1, 12), hint: /strictly between 0 and 1/ },
  },
  {
    name: 'confidence 95 (meant 0.95)',
    spec: (y) => sub(y, 'confidence: 0.90', 'confidence: 95'),
    expect: { message: /decision\.confidence: number 95 is too large/, at: at('95'), hint: 'did you mean 0.95? Confidence is a fraction, e.g. 0.90' },
  },
  {
    name: 'confidence 95% (as text)',
    spec: (y) => sub(y, 'confidence: 0.90', 'confidence: 95%'),
    expect: { message: /decision\.confidence should be a number, not the text "95%"/, at: at('95%'), hint: 'write 0.95: a confidence level is a fraction, e.g. 0.90' },
  },
  {
    name: 'confidence negative',
    spec: (y) => sub(y, 'confidence: 0.90', 'confidence: -0.9'),
    expect: { message: /decision\.confidence: number -0.9 is too small/, hint: /strictly between 0 and 1/ },
  },
];

export const semantics: BadCase[] = [
  {
    name: 'semantics: a guardrail margin in pp on a rate',
    spec: (y) => sub(y, 'max_worsening: 10%', 'max_worsening: 10pp'),
    expect: { code: 'spec/quantity', message: 'metrics[8].max_worsening "10pp" is in percentage points, but support_per_100 is a rate, not a proportion', at: at('10pp'), hint: 'write 10% for a relative margin' },
  },
  {
    name: 'semantics: a negative guardrail margin',
    spec: (y) => sub(y, 'max_worsening: 5%', 'max_worsening: -5%'),
    expect: { message: 'metrics[9].max_worsening "-5%" is negative', at: at('-5%'), hint: /without a sign/ },
  },
  {
    name: 'semantics: a quantile level written as a percentile',
    spec: (y) => sub(y, 'quantile: 0.9', 'quantile: 90'),
    expect: { message: 'metrics[1].quantile: number 90 is too large (must be < 1)', at: at('quantile: 90', 1, 10), hint: 'did you mean 0.9? metrics[1].quantile is a fraction between 0 and 1' },
  },
  {
    name: 'semantics: a planned split written as a percentage',
    spec: (y) => sub(y, 'planned_split: 0.5', 'planned_split: 50'),
    expect: { message: 'arms.planned_split: number 50 is too large', at: at('planned_split: 50', 1, 15), hint: /did you mean 0\.5\?/ },
  },
  {
    name: 'semantics: control and treatment named the same',
    spec: (y) => sub(y, '  treatment: treatment\n', '  treatment: control\n'),
    expect: { message: 'arms.control and arms.treatment are both "control"', at: at('treatment: control', 1, 11), field: 'arms.treatment' },
  },
  {
    name: 'semantics: a segment rule by a dimension no metric is read by',
    spec: (y) => sub(y, '          by: category', '          by: categroy'),
    expect: { code: 'spec/undefined-segment', message: 'criteria.go_full.all[4].no_segment.by names segment "categroy"', at: at('categroy'), hint: 'did you mean "category"?' },
  },
  {
    name: 'semantics: two rules written as one item',
    spec: (y) => sub(y, '      - guardrails: breached\n', '      - guardrails: breached\n        metric: ttfq_median\n'),
    expect: { message: 'unknown key "guardrails" in criteria.no_go.any[0]', at: at('guardrails: breached', 1, 0), hint: 'each rule is its own "- " item: start guardrails: on a new line with "- "' },
  },
  {
    name: 'semantics: a guardrails rule value outside pass/breached',
    spec: (y) => sub(y, '      - guardrails: breached\n', '      - guardrails: breach\n'),
    expect: { message: 'criteria.no_go.any[0].guardrails should be one of pass, breached, not the text "breach"', at: at('breach\n'), hint: 'did you mean "breached"?' },
  },
  {
    name: 'semantics: no options',
    spec: (y) => y.replace(/\n  options:\n[\s\S]*?(?=\ncontext:)/, '\n  options: []\n'),
    expect: { message: 'decision.options: needs at least 1 item', at: at('[]'), field: 'decision.options', maxErrors: 4 },
  },
];
