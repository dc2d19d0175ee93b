// The decision spec: what a lead writes in decks/NAME/gonogo.yaml.
// Strict objects everywhere, so an unknown key is an error with a did-you-mean.
import { z } from 'zod';
import { specTheme } from './theme-schema.js';
import { METRIC_KIND_NAMES } from '../model/metric-kinds.js';
import { criterion, fallback, quantity } from './rules.js';

// A spec is validated once per run: zod's compiled fast paths (new Function on the first parse) cost more than they save.
z.config({ jitless: true });

const id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an id: a letter, then letters, digits, _ or -');
/** A blank text (spaces only) would leave a title or a table cell empty. */
export const NOT_BLANK = 'a text with something other than spaces';
const text = z.string().min(1, 'a non-empty text').refine((s) => s.trim() !== '', NOT_BLANK);
const textList = z.array(text);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const metricKind = z.enum(METRIC_KIND_NAMES);
/**
 * operational: participation and compliance (shown in every phase, never an efficacy read).
 * dose: what the treatment changes by design (calls per rep when the treatment is "2× calls"): shown as
 * compliance — did the treatment arm receive the treatment — and never counted as an improvement.
 */
export const metricRole = z.enum(['primary', 'secondary', 'guardrail', 'operational', 'dose']);

/** Primary and secondary metrics carry the efficacy read: an interim deck shows none of them. */
export function isEfficacyMetric(m: { role: z.infer<typeof metricRole> }): boolean {
  return m.role === 'primary' || m.role === 'secondary';
}

/** Participation, compliance and dose: read by arm level, never an outcome that improves or worsens. */
export function isComplianceMetric(m: { role: z.infer<typeof metricRole> }): boolean {
  return m.role === 'operational' || m.role === 'dose';
}

/** Where a metric's numbers come from. */
export const metricSource = z.union([
  // a file in the deck folder (CSV/JSON/Parquet) read as-is
  z.strictObject({ file: text }),
  // SQL run by the deck's engine: a file in the deck folder, or inline
  z.strictObject({ sql: text }),
  z.strictObject({ sql_file: text }),
]);

export const metric = z.strictObject({
  id,
  label: text,
  kind: metricKind,
  /** For kind quantile: 0.9 for P90. */
  quantile: z.number().gt(0).lt(1).optional(),
  unit: text,
  better: z.enum(['higher', 'lower']),
  role: metricRole,
  /** Free grouping shown on slides: speed, quality, volume… */
  group: text.optional(),
  description: text.optional(),
  /** Per-N scaling for rates: 100 → "per 100 requests". */
  per: z.number().positive().optional(),
  /** What the metric's n counts, plural: requests, quoted requests, hires. */
  counts: text.optional(),
  /** Segment dimensions to read this metric by; pre-specified reads are confirmatory. */
  segments: z.array(id).optional(),
  /** Guardrail: the largest worsening allowed (non-inferiority margin), e.g. "10%" or "1pp". */
  max_worsening: quantity.optional(),
  /** proportion CI method; Wald only when asked. */
  method: z.enum(['wilson', 'newcombe', 'wald', 'welch', 'poisson', 'bootstrap', 'delta', 'fieller']).optional(),
  from: metricSource.optional(),
  /** SQL (or a file) returning day, arm and value: the metric per arm per day, for the time-series chart. */
  trend: metricSource.optional(),
});

const prewireMeeting = {
  objections: textList.optional(),
  responses: textList.optional(),
  ask: text.optional(),
  date: text.optional(),
  status: z.enum(['planned', 'done', 'aligned', 'dissent']).optional(),
};
const phasePrewire = z.strictObject(prewireMeeting);

/**
 * The pre-wire before the meeting. A pilot meets its stakeholders twice (the proposal, the readout): a
 * `design:`, `interim:` or `final:` entry is that phase's pre-wire and replaces the fields written beside it.
 */
export const prewire = z.strictObject({
  ...prewireMeeting,
  design: phasePrewire.optional(),
  interim: phasePrewire.optional(),
  final: phasePrewire.optional(),
});

export const stakeholder = z.strictObject({
  id,
  name: text,
  role: text,
  north_star: z.array(id).optional(),
  concerns: textList.optional(),
  prewire: prewire.optional(),
});

export const severity = z.enum(['blocker', 'high', 'medium', 'low']);

export const dataGap = z.strictObject({
  id,
  description: text,
  metrics: z.array(id).optional(),
  severity,
  bias_direction: text,
  mitigation: text,
  residual_risk: text,
  /** Share of rows affected after mitigation, e.g. "6%"; drives missing-data scenario bounds. */
  missing_share: quantity.optional(),
  /** Share before mitigation, e.g. "18%". */
  missing_share_before: quantity.optional(),
  status: z.enum(['open', 'mitigated', 'closed']).optional(),
});

export const risk = z.strictObject({
  id,
  description: text,
  likelihood: z.enum(['high', 'medium', 'low']),
  impact: z.enum(['high', 'medium', 'low']),
  mitigation: text,
  owner: text.optional(),
});

export const raciRow = z.strictObject({
  workstream: text,
  R: text,
  A: text,
  C: text.optional(),
  I: text.optional(),
});

export const milestone = z.strictObject({
  when: text,
  what: text,
  owner: text,
  success: text.optional(),
});

export const alert = z.strictObject({
  metric: id.optional(),
  signal: text,
  threshold: text,
  cadence: text.optional(),
  action: text,
});

export const rollback = z.strictObject({
  triggers: textList.min(1),
  steps: z.array(z.strictObject({ do: text, owner: text, within: text.optional() })).min(1),
  who_flips: text,
  who_communicates: text,
  who_postmortems: text.optional(),
  sla_minutes: z.number().int().positive(),
});

export const monitoring = z.strictObject({ dashboards: textList.optional(), alerts: z.array(alert).default([]), cadence: text.optional() });

/**
 * An option of the decision. rollout, monitoring, rollback, risks and raci say what happens once this option
 * is chosen: a final deck that recommends it shows them instead of the spec's own (in a pilot, the spec's own
 * timeline, risks and RACI are the pilot's, shown only before the readout).
 */
export const option = z.strictObject({
  id,
  label: text,
  description: text.optional(),
  pros: textList.optional(),
  cons: textList.optional(),
  rollout: z.array(milestone).optional(),
  monitoring: monitoring.optional(),
  rollback: rollback.optional(),
  risks: z.array(risk).optional(),
  raci: z.array(raciRow).optional(),
});

export const scenarioSpec = z.strictObject({
  /** Extra stated assumption for this scenario, shown on the slide. */
  assumption: text.optional(),
});

/**
 * Data-quality checks run at pull time (src/sources/quality.ts). Each measures one share or age;
 * over its limit the check's status becomes `level` (warn by default). `gap` links it to a data_gaps id.
 * Table and column names are identifiers in the engine (DuckDB: the data folder's file names).
 */
const checkBase = {
  id,
  table: text,
  /** Status when the limit is breached. */
  level: z.enum(['warn', 'fail']).optional(),
  gap: id.optional(),
  description: text.optional(),
};
export const qualityCheckSpec = z.discriminatedUnion('kind', [
  // hours from the last event in `column` to the as-of reference (source.as_of, else deck.date end of day)
  z.strictObject({ ...checkBase, kind: z.literal('freshness'), column: text, max_hours: z.number().positive() }),
  // NULL share of each critical column; the worst column is the check's value
  z.strictObject({ ...checkBase, kind: z.literal('completeness'), columns: z.array(text).min(1), max_null_share: z.number().min(0).max(1) }),
  // share of rows that repeat an earlier row's key (rows − distinct keys) / rows
  z.strictObject({ ...checkBase, kind: z.literal('uniqueness'), keys: z.array(text).min(1), max_duplicate_share: z.number().min(0).max(1) }),
  // share of rows whose key has no row in the referenced table
  z.strictObject({
    ...checkBase,
    kind: z.literal('referential'),
    key: text,
    references: z.strictObject({ table: text, key: text }),
    max_orphan_share: z.number().min(0).max(1),
  }),
  // share of rows without a variant, before and after filling it from source.assignments by `key`
  z.strictObject({ ...checkBase, kind: z.literal('missing_variant'), column: text, key: text, max_share: z.number().min(0).max(1) }),
  // any SQL returning one row with a numeric `value` column (binds: source.params and as_of, written $as_of in DuckDB, :as_of in Snowflake)
  z.strictObject({ ...checkBase, kind: z.literal('sql'), sql: text, max: z.number() }),
]);

/** The experiment's assignment log: one row per unit with its arm; gives SRM counts and fills missing variants. */
export const assignmentsSource = z.strictObject({
  table: text,
  unit: text,
  arm: text,
});

/** A pilot's design, pre-registered before launch (seed: pilot-instead-of-mandate). */
export const pilot = z.strictObject({
  /** The observational finding that prompted the pilot. */
  finding: text,
  /** Why the finding cannot be read causally. */
  confounders: textList.min(1),
  /** What could go wrong if the change were mandated without a test. */
  risk_of_mandate: text.optional(),
  proposal: text,
  eligibility: textList.min(1),
  exclusions: textList.default([]),
  randomisation: z.strictObject({
    unit: text,
    strata: textList.default([]),
    note: text.optional(),
  }),
  treatment: text,
  control: text,
  quota_neutral: text.optional(),
  pause_rules: z.array(z.strictObject({ signal: text, threshold: text, action: text })).default([]),
  definitions: z.array(z.strictObject({ term: text, definition: text })).default([]),
  instrumentation: z
    .array(
      z.strictObject({
        check: text,
        status: z.enum(['planned', 'passed', 'failed']).default('planned'),
        passed_on: isoDate.optional(),
      }),
    )
    .default([]),
  reporting: z
    .strictObject({ cadence: text, sla: text, final_readout: text.optional(), interim_shows: textList.optional() })
    .optional(),
  /** Power for the primary proportion: baseline, minimum detectable effect (pp), power, alpha, clusters. */
  power: z
    .strictObject({
      baseline: quantity,
      mde: quantity,
      power: z.number().gt(0).lt(1).default(0.8),
      alpha: z.number().gt(0).lt(1).default(0.05),
      icc: z.number().min(0).lt(1).optional(),
      cluster_size: z.number().positive().optional(),
      /** Eligible units (e.g. opportunities) per week across both arms, to say how long the pilot must run. */
      units_per_week: z.number().positive().optional(),
      unit_name: text.default('units'),
    })
    .optional(),
  talk_track: textList.optional(),
  written_summary: textList.optional(),
});

/** What an interim report may show: participation, compliance, safety and data quality only. */
export const interim = z.strictObject({
  /** Metric ids to show at interim; primary or secondary metrics here are refused (no peeking). */
  metrics: z.array(id).optional(),
  note: text.optional(),
  week: z.number().int().positive().optional(),
  date: isoDate.optional(),
  metrics_file: text.optional(),
});

/** The final (readout) phase of a pilot: its own question and data. */
export const finalPhase = z.strictObject({
  question: text.optional(),
  date: isoDate.optional(),
  metrics_file: text.optional(),
});

export const source = z.strictObject({
  engine: z.enum(['files', 'duckdb', 'snowflake']),
  /** Snowflake: a connection name from ~/.snowflake/connections.toml. */
  connection: text.optional(),
  /** Seconds the warehouse login and each query may take (default 600); `gonogo pull --timeout` overrides it. */
  timeout: z.number().positive().max(86_400).optional(),
  /** DuckDB: folder of CSV/Parquet files, relative to the deck folder. */
  data_dir: text.optional(),
  /** Bind variables available to every query (never pasted into SQL text). */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** Reference time for freshness checks (ISO); default: deck.date at 23:59:59Z. Never the wall clock. */
  as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/, 'an ISO UTC time as YYYY-MM-DDTHH:MM:SSZ').optional(),
  assignments: assignmentsSource.optional(),
  /**
   * SQL files run once, in order, before the metric queries (relative to the deck folder), e.g. one that builds
   * the cohort as a temp table every metric reads. Statements end with `;` at the end of a line; params bind.
   */
  setup: z.array(text).optional(),
  checks: z.array(qualityCheckSpec).optional(),
});

export const deckMeta = z.strictObject({
  title: text,
  subtitle: text.optional(),
  owner: text,
  audience: text.optional(),
  /** ISO date (YYYY-MM-DD); also the default timestamp of the written files. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  confidentiality: text.optional(),
});

export const spec = z.strictObject({
  version: z.literal(1).optional(),
  deck: deckMeta,
  phase: z.enum(['design', 'interim', 'final']).default('final'),
  /** The deck's look: a theme file, a corporate .pptx/.potx to take colours, fonts and logo from, or inline fields. */
  theme: specTheme.optional(),
  /** Interim: label arms Arm A / Arm B so neutral operational data implies no direction. */
  blind: z.boolean().optional(),
  pilot: pilot.optional(),
  interim: interim.optional(),
  final: finalPhase.optional(),
  decision: z.strictObject({
    question: text,
    options: z.array(option).min(1),
    /** Two-sided confidence level for every interval, e.g. 0.90. */
    confidence: z.number().gt(0).lt(1).default(0.9),
    fallback: fallback.optional(),
    /** The criterion the exec summary grades headline metrics against; default: the first go criterion. */
    target: id.optional(),
  }),
  context: z
    .strictObject({
      what_changed: text,
      cohorts: text.optional(),
      timeframe: text.optional(),
      unit_of_analysis: text.optional(),
      method: text.optional(),
      /** When the change started reaching users (YYYY-MM-DD): marked on time-series charts. */
      rollout_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').optional(),
    })
    .optional(),
  arms: z
    .strictObject({
      control: text.default('control'),
      treatment: text.default('treatment'),
      planned_split: z.number().gt(0).lt(1).default(0.5),
    })
    .optional(),
  design: z
    .strictObject({
      /** Randomisation unit when it is a cluster (rep, market): widens intervals by the design effect. */
      cluster: text.optional(),
      cluster_size: z.number().positive().optional(),
      icc: z.number().min(0).lt(1).optional(),
    })
    .optional(),
  stakeholders: z.array(stakeholder).default([]),
  metrics: z.array(metric).min(1),
  /** Segments whose reads were named before the data was seen; others are exploratory. */
  prespecified_segments: z.array(id).optional(),
  criteria: z.record(id, criterion),
  scenarios: z
    .strictObject({ best: scenarioSpec.optional(), base: scenarioSpec.optional(), worst: scenarioSpec.optional() })
    .optional(),
  data_gaps: z.array(dataGap).default([]),
  risks: z.array(risk).default([]),
  raci: z.array(raciRow).default([]),
  owners: z.record(text, text).optional(),
  timeline: z.array(milestone).default([]),
  monitoring: monitoring.optional(),
  rollback: rollback.optional(),
  source: source.optional(),
  /** File with precomputed metrics (CSV or JSON), relative to the deck folder. */
  metrics_file: text.optional(),
});

/** The spec as written (zod's output); later stages read the normalized Spec of spec/normalized.ts. */
export type WrittenSpec = z.infer<typeof spec>;
export type SpecInput = z.input<typeof spec>;
export type WrittenMetric = z.infer<typeof metric>;
export type Stakeholder = z.infer<typeof stakeholder>;
export type WrittenDataGap = z.infer<typeof dataGap>;
export type Risk = z.infer<typeof risk>;
export type Option = z.infer<typeof option>;
export type QualityCheckSpec = z.infer<typeof qualityCheckSpec>;
export type Source = z.infer<typeof source>;
export type WrittenPilot = z.infer<typeof pilot>;
export type Phase = WrittenSpec['phase'];
export type Prewire = z.infer<typeof prewire>;
export type Milestone = z.infer<typeof milestone>;
export type Monitoring = z.infer<typeof monitoring>;
export type Rollback = z.infer<typeof rollback>;
export type RaciRow = z.infer<typeof raciRow>;
