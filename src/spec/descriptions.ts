// Hover help for gonogo.yaml: a description for every property of the JSON Schema (`gonogo schema`),
// kept apart from the zod schema so the spec's shape and its documentation change independently.
//
// Keys are property paths without array or map steps: `metrics.kind` is `kind` of any item of `metrics`,
// `criteria.all.metric` is `metric` of any rule under `all` of any criterion. A key starting with `**.`
// matches that path ending at any depth, so a rule's fields are described once wherever rules nest; the
// full path wins, then the longest `**.` suffix. test/spec/descriptions.test.ts fails on a property
// without a description and on an entry no property uses.

const THRESHOLD =
  'Written as a relative change in % (-10%), an absolute change of a proportion in pp (+1.0pp), or a plain number in the metric’s unit (0.5). ';

export const DESCRIPTIONS: Record<string, string> = {
  version: 'Version of the spec format. Only 1 exists; write `version: 1` so a later format can tell old specs apart.',

  deck: 'The title slide and the facts every slide’s footer and file name come from.',
  'deck.title': 'Title of the deck: the question it answers, in a few words. Example: "New checkout flow — ship it or not?"',
  'deck.subtitle': 'Line under the title. Example: "Go/no-go readout for VP Product".',
  'deck.owner': 'Who stands behind the numbers: a name and team. Example: "Sam Rivera, Data Science".',
  'deck.audience': 'Who decides from the deck. Example: "VP Sales".',
  'deck.date': 'Date of the readout as YYYY-MM-DD; also the timestamp written into the files (no clock is read). Example: 2026-11-20.',
  'deck.confidentiality': 'Confidentiality marking shown on every slide. Example: "Internal".',

  phase:
    'Which deck to build: design (a pilot proposal before any data: it reads none, whatever metrics_file or lock the folder holds), interim (week N of a pilot: participation, compliance, safety and data quality only — no efficacy numbers) or final (read the effect and decide). `gonogo build --phase` previews another phase. Default: final.',
  blind: 'Interim decks: label the arms "Arm A" and "Arm B" so even neutral operational numbers imply no direction. true or false.',

  theme: 'The deck’s look, applied in order: a theme file, then a corporate template (`from`), then the fields written here.',
  'theme.name': 'Name of the theme, for your own reference. Example: "Acme 2026".',
  'theme.file': 'A theme file (YAML, the same fields as assets/theme.yaml), relative to the deck folder. Example: brand.yaml.',
  'theme.from': 'A corporate .pptx or .potx to take colours (accent1 → accent), heading and body fonts and the master’s logo from. Example: company.potx.',
  'theme.fonts': 'Font families by role. Name fonts your readers’ Office has; text is measured with metric-compatible shipped fonts.',
  'theme.fonts.heading': 'Font family of titles. Example: Georgia.',
  'theme.fonts.body': 'Font family of body text, tables and charts. Example: Verdana.',
  'theme.fonts.fallback': 'Font family used when a reader lacks the others. Example: Arial.',
  'theme.colors': 'Colours as six hex digits, with or without #. Text colours under 4.5:1 contrast on the background are darkened, with a warning.',
  'theme.colors.background': 'Slide background colour. Example: "#FFFFFF".',
  'theme.colors.text': 'Body text colour. Example: "#1F2328".',
  'theme.colors.muted': 'Colour of captions, footers and secondary lines. Example: "#5A6270".',
  'theme.colors.accent': 'Accent colour of titles, rules and highlights. Example: "#0B5CAD".',
  'theme.colors.rule': 'Colour of divider lines and table borders. Example: "#D0D7DE".',
  'theme.colors.pass': 'Colour of good news for the decision: a rule met (✓ met), a stop rule not triggered (✓ not triggered). Example: "#1A7F37".',
  'theme.colors.fail': 'Colour of bad news for the decision: a rule not met (✗ not met), a stop rule triggered (✗ triggered). Example: "#CF222E".',
  'theme.colors.inconclusive': 'Colour of what is not known yet: a guardrail not yet clear (○ not yet clear), a rule without data (○ no data). Example: "#9A6700".',
  'theme.colors.control': 'Colour of the control arm in charts. Example: "#8C959F".',
  'theme.colors.treatment': 'Colour of the treatment arm in charts. Example: "#0B5CAD".',
  'theme.colors.table_header': 'Background of table header rows. Example: "#0B5CAD".',
  'theme.colors.table_header_text': 'Text colour of table header rows. Example: "#FFFFFF".',
  'theme.colors.table_stripe': 'Background of every other table row. Example: "#F3F5F8".',
  'theme.logo': 'A logo: a PNG, JPEG or SVG file relative to the deck folder, or {file, position, alt}. Example: logo.png.',
  'theme.logo.file': 'The logo image (PNG, JPEG or SVG), relative to the deck folder. Example: assets/logo.svg.',
  'theme.logo.position': 'Where the logo sits: top-right of every slide or in the footer. Default: top-right.',
  'theme.logo.alt': 'Alt text of the logo for screen readers. Example: "Acme logo".',
  'theme.footer': 'Footer text on every slide. Example: "Acme Marketplace · Strategy".',
  'theme.confidentiality': 'Confidentiality marking in the footer; overrides deck.confidentiality. Example: "Internal — do not forward".',
  'theme.slide_numbers': 'Show slide numbers. true or false.',

  pilot: 'A pilot’s design, pre-registered before launch: the finding, why it is confounded, who is eligible, how units are randomised, guardrails, definitions, instrumentation, power and reporting.',
  'pilot.finding': 'The observational finding that prompted the pilot. Example: "Reps who make 2× the calls win 30% more deals."',
  'pilot.confounders': 'Why the finding cannot be read causally, one reason per item. Example: ["top reps make more calls and also win more"].',
  'pilot.risk_of_mandate': 'What could go wrong if the change were mandated without a test. Example: "time shifts away from high-quality calls".',
  'pilot.proposal': 'The pilot in one sentence. Example: "A 6-week, quota-neutral pilot randomised by rep".',
  'pilot.eligibility': 'Who may take part, one criterion per item. Example: ["Account executives with ≥ 3 months tenure"].',
  'pilot.exclusions': 'Who is left out and why, one per item. Example: ["Reps on leave during the window"].',
  'pilot.randomisation': 'How units are assigned to arms.',
  'pilot.randomisation.unit': 'The unit that is randomised (one arm per unit). Example: Rep.',
  'pilot.randomisation.strata': 'Variables randomisation is balanced within. Example: [region, tenure band].',
  'pilot.randomisation.note': 'Anything else about the assignment. Example: "assignment fixed for the whole pilot".',
  'pilot.treatment': 'What the treatment arm does. Example: "Double the daily call target".',
  'pilot.control': 'What the control arm does. Example: "Business as usual".',
  'pilot.quota_neutral': 'How quotas and pay are kept fair across arms. Example: "quota credit equalised across arms".',
  'pilot.pause_rules': 'When the pilot is paused: a signal, its threshold and the action.',
  'pilot.pause_rules.signal': 'What is watched. Example: "Customer complaints".',
  'pilot.pause_rules.threshold': 'When it triggers. Example: "2× control for 3 days".',
  'pilot.pause_rules.action': 'What happens then. Example: "Pause treatment and review within 24 h".',
  'pilot.definitions': 'Locked metric definitions, agreed before launch.',
  'pilot.definitions.term': 'The term defined. Example: "Win rate".',
  'pilot.definitions.definition': 'Its definition. Example: "Closed-won ÷ opportunities created in the window".',
  'pilot.instrumentation': 'Instrumentation checks to pass before launch.',
  'pilot.instrumentation.check': 'The check. Example: "Call logging covers ≥ 98% of dials".',
  'pilot.instrumentation.status': 'planned, passed or failed. Default: planned.',
  'pilot.instrumentation.passed_on': 'When the check passed, as YYYY-MM-DD: a deck dated earlier (the design deck) shows it as still planned. Example: 2026-12-03.',
  'pilot.reporting': 'How and when results are reported.',
  'pilot.reporting.cadence': 'How often reports go out. Example: "Weekly, Mondays".',
  'pilot.reporting.sla': 'How soon after the data a report is due. Example: "within 1 business day".',
  'pilot.reporting.final_readout': 'When the final readout happens. Example: "Week 7, VP staff meeting".',
  'pilot.reporting.interim_shows': 'What interim reports show, one item each. Example: ["participation", "compliance", "safety"].',
  'pilot.power': "Power of the primary proportion, by R's power.prop.test (normal approximation), inflated by the design effect 1 + (m − 1)·ICC when clusters are randomised.",
  'pilot.power.baseline': 'Baseline (control) proportion of the primary metric, as % or a fraction. Example: 20%.',
  'pilot.power.mde': 'Minimum detectable effect: the smallest absolute change worth detecting, in pp. Example: 5pp.',
  'pilot.power.power': 'Chance of detecting the effect if it is real, as a fraction. Default: 0.8.',
  'pilot.power.alpha': 'Two-sided significance level, as a fraction. Default: 0.05.',
  'pilot.power.icc': 'Intra-cluster correlation of the primary metric within a randomised cluster, 0 to < 1. Example: 0.02.',
  'pilot.power.cluster_size': 'Average units per randomised cluster (m). Example: 30 opportunities per rep.',
  'pilot.power.units_per_week': 'Eligible units per week across both arms, to say how many weeks the pilot needs. Example: 700.',
  'pilot.power.unit_name': 'What a unit is called on the power slide. Default: units. Example: Opportunities.',
  'pilot.talk_track': 'Speaker notes for the proposal, one paragraph per item.',
  'pilot.written_summary': 'The written summary that goes with the deck, one paragraph per item.',

  interim: 'What an interim report may show: participation, compliance, safety and data quality only.',
  'interim.metrics': 'Ids of the metrics shown at interim; primary and secondary metrics are refused (no peeking). Example: [connect_rate, complaint_rate].',
  'interim.note': 'A note shown on the interim slides. Example: "No efficacy read until week 6".',
  'interim.week': 'The pilot week this interim report covers, on its cover and summary. Example: 3.',
  'interim.date': 'Date of the interim report as YYYY-MM-DD. Default: deck.date. Example: 2026-12-18.',
  'interim.metrics_file': 'Metrics for the interim deck (CSV or JSON in the deck folder); it need not, and better does not, hold efficacy metrics. Default: metrics_file. Example: data/interim-week-3.csv.',

  final: 'A pilot’s readout (phase: final): its own question, date and data.',
  'final.question': 'The question the readout answers. Default: which pre-registered outcome the pilot supports. Example: "Roll 2× calls out to all eligible reps, refine and re-test, or keep current targets?"',
  'final.date': 'Date of the readout as YYYY-MM-DD. Default: deck.date. Example: 2027-01-15.',
  'final.metrics_file': 'Metrics for the final deck (CSV or JSON in the deck folder). Default: metrics_file. Example: data/final.csv.',

  decision: 'The decision the deck asks for: the question, the options and the confidence level.',
  'decision.question': 'The question the decider answers, in one sentence. Example: "Should we ship the new checkout flow to all users?"',
  'decision.options': 'The options on the table; criteria recommend one of them.',
  'decision.options.id': 'Short id that criteria name in `option`. Example: A.',
  'decision.options.label': 'The option as the deck names it. Example: "Ship to 100%".',
  'decision.options.description': 'One or two sentences on the option. Example: "Roll out to every market on Monday".',
  'decision.options.pros': 'Arguments for the option, one per item.',
  'decision.options.cons': 'Arguments against the option, one per item.',
  'decision.options.rollout': 'The plan once this option is chosen, one milestone per item; a final deck that recommends the option shows it as its plan.',
  'decision.options.rollout.when': 'When. Example: "Weeks 1–2".',
  'decision.options.rollout.what': 'What happens. Example: "Targets switched on team by team".',
  'decision.options.rollout.owner': 'Who owns it. Example: RevOps.',
  'decision.options.rollout.success': 'How you know it worked. Example: "Every team live by week 2".',
  'decision.options.monitoring': 'What is watched once this option ships; a final deck that recommends the option shows it.',
  'decision.options.rollback': 'How this option is undone if its rollout goes wrong; a final deck that recommends the option shows it.',
  'decision.options.risks': 'Risks of this option once chosen; a final deck that recommends the option shows these instead of the spec’s own.',
  'decision.options.raci': 'Who does what once this option is chosen; a final deck that recommends the option shows it.',
  'decision.confidence': 'Two-sided confidence level of every interval in the deck, as a fraction. Default: 0.90. Example: 0.95.',
  'decision.fallback':
    'The verdict when no criterion holds: the id of a criterion, or an outcome of its own without rules ("otherwise"), {label, option}. Default: the last criterion. Example: no_go, or {label: "No-go — hold", option: C}.',
  'decision.fallback.label': 'The verdict when no criterion holds, as the deck names it. Example: "No-go — hold and instrument".',
  'decision.fallback.option': 'Id of the option the fallback recommends. Example: C.',
  'decision.target':
    'Id of the criterion the exec summary grades each headline metric against (its cards, deep-dives, forest charts and segment tables), whatever the verdict. Default: the first go criterion. Example: go_full.',

  context: 'What changed, for whom, over which time: the context-and-method slide.',
  'context.what_changed': 'The change being evaluated, in one or two sentences. Example: "The new checkout removes the address step for returning customers."',
  'context.cohorts': 'Who was in the test. Example: "Returning customers in US and CA".',
  'context.timeframe': 'When the data was collected. Example: "14 days, 2026-10-01 to 2026-10-14".',
  'context.unit_of_analysis': 'What one row of the data is. Example: "User (randomised at first visit)".',
  'context.method': 'How the comparison was made. Example: "A/B test, 50/50 split".',
  'context.rollout_date': 'When the change started reaching users, YYYY-MM-DD: marked on time-series charts. Example: 2026-10-01.',

  arms: 'How the arms are named in the metrics data, and the planned split.',
  'arms.control': 'Name of the control arm in the metrics data. Default: control. Example: business_as_usual.',
  'arms.treatment': 'Name of the treatment arm in the metrics data. Default: treatment. Example: double_calls.',
  'arms.planned_split': 'Planned share of units in treatment, as a fraction; the sample-ratio check compares against it. Default: 0.5.',

  design: 'Cluster randomisation: intervals are widened by the design effect 1 + (m − 1)·ICC.',
  'design.cluster': 'The randomised cluster when units are not randomised one by one. Example: rep.',
  'design.cluster_size': 'Average units per cluster (m). Example: 30.',
  'design.icc': 'Intra-cluster correlation, 0 to < 1. Example: 0.02.',

  stakeholders: 'People to pre-wire before the meeting; each gets a slide with their metrics, concerns and the ask.',
  'stakeholders.id': 'Short id of the stakeholder. Example: pm.',
  'stakeholders.name': 'Their name. Example: "Alex Chen".',
  'stakeholders.role': 'Their role. Example: "Head of Product".',
  'stakeholders.north_star': 'Ids of the metrics they care about most. Example: [ttfq_median].',
  'stakeholders.concerns': 'Their concerns, one per item. Example: ["support load in week 1"].',
  'stakeholders.prewire': 'The pre-wire conversation: objections, responses, the ask.',
  'stakeholders.prewire.objections': 'Objections they are expected to raise, one per item.',
  'stakeholders.prewire.responses': 'Responses to those objections, in the same order.',
  'stakeholders.prewire.ask': 'What you ask of them. Example: "Back option B in the review".',
  'stakeholders.prewire.date': 'When the pre-wire happens or happened. Example: 2026-11-18.',
  'stakeholders.prewire.status': 'planned, done, aligned or dissent.',
  'stakeholders.prewire.design': 'The pre-wire for a pilot’s proposal (phase: design); replaces the fields written beside it in that deck.',
  'stakeholders.prewire.interim': 'The pre-wire for an interim review (phase: interim).',
  'stakeholders.prewire.final': 'The pre-wire for the readout (phase: final); replaces the fields written beside it in that deck.',

  metrics: 'Every metric the deck reads: primary metrics decide, guardrails must not worsen beyond their margin, secondary ones inform.',
  'metrics.id': 'Short id, used by criteria, the metrics data (`metric` column) and SQL. Example: conversion.',
  'metrics.label': 'The metric as slides name it. Example: "Checkout conversion".',
  'metrics.kind':
    'What is measured, which sets the data it needs and the interval: proportion (successes/n; Wilson, Newcombe), mean (n, mean, sd; Welch), median or quantile (raw values; bootstrap), rate (events/exposure; Poisson), ratio (precomputed). Example: proportion.',
  'metrics.quantile': 'For kind quantile: which one, as a fraction. Example: 0.9 for P90.',
  'metrics.unit': 'The unit values are in, shown beside every number. Example: minutes, "share of sessions".',
  'metrics.better': 'Which direction is good news: higher or lower.',
  'metrics.role':
    'primary (decides), secondary (informs), guardrail (must not worsen beyond max_worsening), operational (participation and compliance, shown in every phase) or dose (what the treatment changes by design, e.g. calls per rep when the treatment is "2× calls": shown as compliance, never counted as an improvement).',
  'metrics.group': 'A free grouping shown on slides. Example: speed, quality, volume.',
  'metrics.description': 'How the metric is defined, for the methods slide. Example: "Orders ÷ checkout sessions, per user".',
  'metrics.per': 'For rates: shown per this many units of exposure. Example: 100 → "per 100 requests".',
  'metrics.counts':
    'What one unit of the metric’s n is, plural, shown beside every n. Default: X for a unit “share of X”, the noun after “per” in a rate’s or mean’s label (“per 100 requests” → requests), else units. Example: quoted requests.',
  'metrics.segments': 'Segment dimensions to read the metric by (the `segment` column is dimension=value). Example: [category, geo].',
  'metrics.max_worsening': 'Guardrails: the largest worsening allowed (non-inferiority margin), relative in % or absolute in pp. Example: 10% or 0.5pp.',
  'metrics.method':
    'Interval method when not the default: wald (proportions), delta or fieller (relative change); wilson, newcombe, welch, poisson and bootstrap are the defaults of their kinds.',
  'metrics.from': 'Where the numbers come from when not the deck’s metrics_file: {file}, {sql} or {sql_file}.',
  'metrics.trend': 'The metric per arm per day for the time-series chart: {file}, {sql} or {sql_file} returning day, arm and value.',
  'metrics.from.file': 'A CSV, JSON or Parquet file in the deck folder, read as-is. Example: data/conversion.csv.',
  'metrics.from.sql': 'SQL run by the deck’s engine (DuckDB or Snowflake), inline. Binds: :name from source.params.',
  'metrics.from.sql_file': 'A SQL file in the deck folder, run by the deck’s engine. Example: queries/conversion.sql.',
  'metrics.trend.file': 'A CSV, JSON or Parquet file with day, arm and value columns. Example: data/daily.csv.',
  'metrics.trend.sql': 'Inline SQL returning day, arm and value.',
  'metrics.trend.sql_file': 'A SQL file returning day, arm and value. Example: queries/ttfq_daily.sql.',

  prespecified_segments: 'Segment dimensions named before the data was seen: their reads are confirmatory; others are labelled exploratory. Example: [category].',

  criteria: 'The pre-agreed decision rules, by id (go, go_partial, no_go, or scale / iterate / stop). The verdict is the first criterion whose rules hold.',
  'criteria.label': 'The verdict as the deck names it. Example: "Go (partial) — 50% in the top-5 categories".',
  'criteria.option': 'Id of the option this verdict recommends. Example: B.',
  'criteria.all': 'Rules that must all hold for this verdict (use either all or any).',
  'criteria.any': 'Rules of which one is enough for this verdict (use either all or any).',
  'criteria.description': 'What this verdict means in practice. Example: "Roll out to the top-5 categories, hold the rest".',
  'criteria.polarity':
    'go: its rules are good news when met (marked ✓ met / ✗ not met); stop: its rules are bad news when met (marked ✗ triggered / ✓ not triggered). Default: stop for ids and labels such as no_go, stop, hold, kill, rollback; go otherwise.',
  '**.metric': 'Id of the metric the rule reads. Example: ttfq_median.',
  '**.scale': 'Compare the relative change (treatment ÷ control − 1) or the absolute difference. Default: inferred from the thresholds’ units (% → relative, pp or plain → absolute).',
  '**.segment': 'Read the rule in one segment instead of all units, as dimension=value. Example: category=Plumbing.',
  '**.estimate': 'A bar for the point estimate of the change: met when the estimate is on the bar’s side (the bar included), else not met. Example: {at_most: -10%}.',
  '**.ci_lower':
    'A bar for the lower end of the change’s interval (at decision.confidence): compares that one number with the bar, met or not met; a lower end past the bar is not met. Example: {at_least: -1.0pp}.',
  '**.ci_upper': 'A bar for the upper end of the change’s interval: compares that one number with the bar, met or not met. Example: {at_most: -5%}.',
  '**.interval': 'A condition on the interval as a whole: excludes, includes, above or below a value. Example: {excludes: 0} for "CI excluding zero".',
  '**.interval.excludes': 'Met when the whole interval lies on one side of this value. Example: 0 ("CI excluding zero").',
  '**.interval.includes': 'Met when the interval reaches this value, its ends included. Example: 0 ("CI includes zero").',
  '**.interval.above': THRESHOLD + 'Met when the whole interval lies above it (its lower end is greater).',
  '**.interval.below': THRESHOLD + 'Met when the whole interval lies below it (its upper end is smaller).',
  '**.at_least': THRESHOLD + 'Met when the value is at or above it.',
  '**.at_most': THRESHOLD + 'Met when the value is at or below it.',
  '**.note': 'Words shown after the rule’s own words on every slide (never instead of them). Example: "the bar the VP agreed on 3 Nov".',
  '**.no_segment': 'Met when no segment of a dimension meets every rule of the pattern (for "no category gets worse on both"); not met when one does.',
  '**.no_segment.by': 'The segment dimension to check. Example: category.',
  '**.no_segment.all': 'The pattern: rules a segment must all meet to break this rule, each read on that segment (estimate, bounds or interval, as written).',
  '**.guardrails':
    'pass: met when every guardrail is within its limit (its whole interval within max_worsening); breached: met (triggered) when one is breached (its estimate past max_worsening). Between the two a guardrail is not yet clear.',
  '**.data_gap': 'Id of a data_gaps entry whose missing share the rule reads. Example: missing_variant.',
  '**.missing_share': 'A bar for the share of rows affected, in % or as a fraction. Example: {at_most: 10%}.',

  scenarios: 'Best, base and worst cases, from the interval ends and the missing-data bounds, with the verdict under each.',
  'scenarios.best': 'The best case.',
  'scenarios.base': 'The base case (the point estimates).',
  'scenarios.worst': 'The worst case.',
  '**.assumption': 'An extra assumption for this scenario, shown on the slide. Example: "Refund rate lags two weeks".',

  data_gaps: 'Known problems with the data and what was done about them (the data-gap register).',
  'data_gaps.id': 'Short id, used by criteria (`data_gap`) and quality checks (`gap`). Example: missing_variant.',
  'data_gaps.description': 'What is missing or wrong. Example: "6% of requests have no variant logged".',
  'data_gaps.metrics': 'Ids of the metrics affected. Example: [ttfq_median].',
  'data_gaps.severity': 'blocker, high, medium or low.',
  'data_gaps.bias_direction': 'Which way the gap could bias the result. Example: "favours treatment".',
  'data_gaps.mitigation': 'What was done about it. Example: "variant filled from the assignment log".',
  'data_gaps.residual_risk': 'What risk remains after mitigation. Example: "low: 0.4% still unknown".',
  'data_gaps.missing_share': 'Share of rows still affected after mitigation, in % or as a fraction; drives the missing-data scenario bounds. Example: 6%.',
  'data_gaps.missing_share_before': 'Share affected before mitigation. Example: 18%.',
  'data_gaps.status': 'open, mitigated or closed.',

  risks: 'The risk register. In a pilot, the pilot’s own risks (design and interim decks); the readout shows the recommended option’s.',
  '**.risks.id': 'Short id of the risk. Example: support_load.',
  '**.risks.description': 'The risk. Example: "Support tickets spike in the first week".',
  '**.risks.likelihood': 'high, medium or low.',
  '**.risks.impact': 'high, medium or low.',
  '**.risks.mitigation': 'What reduces it. Example: "Extra support shift in week 1".',
  '**.risks.owner': 'Who owns it. Example: "Support lead".',

  raci: 'Who is Responsible, Accountable, Consulted and Informed per workstream. In a pilot, the pilot’s own (design and interim decks); the readout shows the recommended option’s.',
  '**.raci.workstream': 'The workstream. Example: Rollout.',
  '**.raci.R': 'Responsible: who does the work. Example: "Eng on call".',
  '**.raci.A': 'Accountable: who signs off. Example: "Product Manager".',
  '**.raci.C': 'Consulted. Example: "Support lead".',
  '**.raci.I': 'Informed. Example: "Sales leadership".',
  owners: 'Owners by area, as area: person. Example: {rollout: "Eng on call", comms: "PM"}.',

  timeline: 'The plan after the decision, one milestone per item. In a pilot, the pilot’s own schedule (design and interim decks); the readout shows the recommended option’s rollout instead.',
  'timeline.when': 'When. Example: "Day 1".',
  'timeline.what': 'What happens. Example: "Ramp to 50% in the top-5 categories".',
  'timeline.owner': 'Who owns it. Example: "Eng on call".',
  'timeline.success': 'How you know it worked. Example: "No alert fires for 48 h".',

  monitoring: 'What is watched after the decision: dashboards and alerts.',
  '**.monitoring.dashboards': 'Dashboards to watch, one per item. Example: ["Quoting health"].',
  '**.monitoring.alerts': 'Alerts: a signal, its threshold and the action.',
  '**.monitoring.alerts.metric': 'Id of the metric the alert watches, if it is one of the deck’s. Example: support_per_100.',
  '**.monitoring.alerts.signal': 'What is watched. Example: "Support tickets per 100 requests".',
  '**.monitoring.alerts.threshold': 'When it fires. Example: "> 12 for 2 days".',
  '**.monitoring.alerts.cadence': 'How often it is checked. Example: hourly.',
  '**.monitoring.alerts.action': 'What happens when it fires. Example: "Page on call; consider rollback".',
  '**.monitoring.cadence': 'How often the team reviews the dashboards. Example: "Daily stand-up, 2 weeks".',

  rollback: 'The rollback runbook: when to roll back, the steps, who flips and who communicates.',
  '**.rollback.triggers': 'Conditions that trigger a rollback, one per item. Example: ["Refund rate 0.5 pp above control for 2 days"].',
  '**.rollback.steps': 'The rollback steps in order.',
  '**.rollback.steps.do': 'The step. Example: "Turn the new_checkout flag off".',
  '**.rollback.steps.owner': 'Who does it. Example: "Eng on call".',
  '**.rollback.steps.within': 'How soon. Example: "5 min".',
  '**.rollback.who_flips': 'Who decides and flips the switch. Example: "Eng on call".',
  '**.rollback.who_communicates': 'Who tells the stakeholders. Example: "Product Manager".',
  '**.rollback.who_postmortems': 'Who runs the post-mortem. Example: "Analytics lead".',
  '**.rollback.sla_minutes': 'Minutes from a trigger to rolled back, a whole number. Example: 30.',

  source: 'Where metric SQL runs (DuckDB or Snowflake) and the data-quality checks `gonogo pull` runs; results go to metrics.lock.json.',
  'source.engine': 'files (metrics_file only), duckdb (embedded, over the files in data_dir) or snowflake (a named connection).',
  'source.connection': 'Snowflake: a connection name in ~/.snowflake/connections.toml; credentials never go in the spec. Example: analytics.',
  'source.timeout': 'Seconds the warehouse login and each query may take; gonogo pull --timeout overrides it. Default: 600. Example: 900.',
  'source.data_dir': 'DuckDB: folder of CSV or Parquet files inside the deck folder; each file is a table by its name, and queries read nothing else. Example: data.',
  'source.params': 'Bind variables for every query ($name in DuckDB, :name in Snowflake), never pasted into SQL text. Example: {start: 2026-10-01}.',
  'source.as_of': 'Reference time of freshness checks, as YYYY-MM-DDTHH:MM:SSZ. Default: deck.date at 23:59:59Z (never the wall clock).',
  'source.assignments': 'The assignment log (one row per unit with its arm): gives the sample-ratio check and fills missing variants.',
  'source.assignments.table': 'Table of the assignment log. Example: assignments.',
  'source.assignments.unit': 'Column of the unit id. Example: request_id.',
  'source.assignments.arm': 'Column of the arm. Example: variant.',
  'source.setup': 'SQL files run once, in order, before the metric queries, e.g. one building a cohort temp table. Example: [queries/cohort.sql].',
  'source.checks': 'Data-quality checks: each measures one share or age and warns (or fails) over its limit.',
  'source.checks.id': 'Short id of the check. Example: events_fresh.',
  'source.checks.table': 'Table the check reads. Example: requests.',
  'source.checks.level': 'Status when the limit is breached: warn or fail. Default: warn.',
  'source.checks.gap': 'Id of the data_gaps entry this check measures. Example: missing_variant.',
  'source.checks.description': 'What the check guards against. Example: "events arrive within a day".',
  'source.checks.kind': 'freshness, completeness, uniqueness, referential, missing_variant or sql.',
  'source.checks.column': 'freshness: the timestamp column; missing_variant: the variant column. Example: created_at.',
  'source.checks.max_hours': 'freshness: the most hours allowed from the last event to the as-of time. Example: 24.',
  'source.checks.columns': 'completeness: the critical columns; the worst NULL share counts. Example: [request_id, variant].',
  'source.checks.max_null_share': 'completeness: the largest NULL share allowed, as a fraction. Example: 0.01.',
  'source.checks.keys': 'uniqueness: the columns that identify a row. Example: [request_id].',
  'source.checks.max_duplicate_share': 'uniqueness: the largest share of repeated keys allowed, as a fraction. Example: 0.001.',
  'source.checks.key': 'referential and missing_variant: the key column. Example: request_id.',
  'source.checks.references': 'referential: the table and key every row’s key must exist in.',
  'source.checks.references.table': 'The referenced table. Example: assignments.',
  'source.checks.references.key': 'The referenced key column. Example: request_id.',
  'source.checks.max_orphan_share': 'referential: the largest share of rows without a match allowed, as a fraction. Example: 0.005.',
  'source.checks.max_share': 'missing_variant: the largest share of rows without a variant allowed after filling from the assignment log, as a fraction. Example: 0.02.',
  'source.checks.sql': 'sql: a query returning one row with a numeric `value` column (binds: source.params and as_of, $as_of in DuckDB, :as_of in Snowflake).',
  'source.checks.max': 'sql: the largest value allowed. Example: 0.',

  metrics_file:
    'CSV or JSON with the metrics, relative to the deck folder: columns metric, arm, segment and either precomputed numbers (estimate, ci_low, ci_high, n) or raw aggregates (successes, n · n, mean, sd · events, exposure). Example: metrics.csv.',
};

// A pilot's per-phase pre-wire (stakeholders.prewire.design, .interim, .final) has the pre-wire's own fields.
for (const phase of ['design', 'interim', 'final'])
  for (const field of ['objections', 'responses', 'ask', 'date', 'status']) DESCRIPTIONS[`stakeholders.prewire.${phase}.${field}`] = DESCRIPTIONS[`stakeholders.prewire.${field}`];

type JsonSchema = { [key: string]: unknown };

export interface Described {
  schema: JsonSchema;
  /** Full paths (`criteria.*.all[].metric`) of properties no entry describes. */
  missing: string[];
  /** Entries no property used. */
  unused: string[];
}

/** A copy of a JSON Schema with a description on every property the catalogue covers. */
export function describeSchema(schema: JsonSchema, catalogue: Record<string, string> = DESCRIPTIONS): Described {
  const copy = structuredClone(schema);
  const used = new Set<string>();
  const missing: string[] = [];
  const lookup = (names: string[]): string | undefined => {
    const keys = [names.join('.'), ...names.map((_, i) => `**.${names.slice(i).join('.')}`)];
    const key = keys.find((k) => k in catalogue);
    if (key) used.add(key);
    return key && catalogue[key];
  };
  const walk = (node: unknown, names: string[], shown: string): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as JsonSchema;
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(n[k])) for (const branch of n[k]) walk(branch, names, shown);
    if (n.items) walk(n.items, names, `${shown}[]`);
    if (n.additionalProperties && typeof n.additionalProperties === 'object') walk(n.additionalProperties, names, `${shown}.*`);
    const props = n.properties as Record<string, JsonSchema> | undefined;
    for (const [name, prop] of Object.entries(props ?? {})) {
      const path = [...names, name];
      const text = lookup(path);
      // A description written on the zod schema itself wins over the catalogue.
      if (typeof prop.description !== 'string') {
        if (text) prop.description = text;
        else missing.push(shown ? `${shown}.${name}` : name);
      }
      walk(prop, path, shown ? `${shown}.${name}` : name);
    }
  };
  walk(copy, [], '');
  return { schema: copy, missing: [...new Set(missing)], unused: Object.keys(catalogue).filter((k) => !used.has(k)) };
}
