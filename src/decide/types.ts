// What the decide stage returns: structured outcomes only. Each rule is evaluated once, per metric and
// segment; every slide, chart, table, outline line, diff and checkpoint reads these outcomes and compose
// phrases them. No English here: statuses, the numbers that decided, which bound, the bar, the polarity.
import type { Interval } from '../stats/results.js';
import type { GuardrailStatus, Polarity, Status } from '../model/outcomes.js';
import type { Mark } from '../model/outcomes.js';
import type { Check, DataGapRule, GuardrailsRule, MetricRule, Scale, SegmentsRule, Threshold } from '../spec/normalized.js';

export type { GuardrailStatus, Mark, Polarity, Status };
export type ScenarioName = 'best' | 'base' | 'worst';

/** The change a rule read: its point estimate and interval on the rule's scale. */
export interface ReadValue {
  estimate: number;
  ci: Interval | null;
}

/** One check against one read: the number it compared (the estimate, a bound, the interval end that decided). */
export interface CheckOutcome {
  check: Check;
  status: Status;
  /** The estimate or bound compared; for interval checks the end that decided (above: lower, below: upper); null when missing. */
  value: number | null;
}

/** A metric rule applied to one read (the rule's own segment, or one segment of the metric). */
export interface ReadOutcome {
  segment: string;
  status: Status;
  read: ReadValue | null;
  checks: CheckOutcome[];
}

interface OutcomeBase {
  /** The criterion it belongs to. */
  criterion: string;
  polarity: Polarity;
  status: Status;
}

export interface MetricRuleOutcome extends OutcomeBase, ReadOutcome {
  type: 'metric';
  rule: MetricRule;
  /** The same rule applied to each segment read of the metric (empty for a rule on one segment). */
  segments: ReadOutcome[];
}

export interface SegmentsRuleOutcome extends OutcomeBase {
  type: 'segments';
  rule: SegmentsRule;
  /** Per segment of the dimension: status met = it shows the whole pattern; one part per pattern rule. */
  values: { segment: string; status: Status; parts: ReadOutcome[] }[];
  /** Segments that show the pattern. */
  offenders: string[];
}

export interface GuardrailsRuleOutcome extends OutcomeBase {
  type: 'guardrails';
  rule: GuardrailsRule;
  /** Guardrail metric ids by what their check came to. */
  breached: string[];
  unclear: string[];
  within: string[];
  unread: string[];
}

export interface DataGapRuleOutcome extends OutcomeBase {
  type: 'data_gap';
  rule: DataGapRule;
  /** The missing share read (measured by the pull, else stated in the register); null when neither. */
  share: number | null;
  source: 'measured' | 'stated' | null;
  checks: { side: 'at_least' | 'at_most'; bar: number; status: Status }[];
}

export type RuleOutcome = MetricRuleOutcome | SegmentsRuleOutcome | GuardrailsRuleOutcome | DataGapRuleOutcome;

/**
 * A guardrail's own check, a stop rule (non-inferiority, as Eppo's guardrail cutoff): met (triggered,
 * breached) when the estimate lies past the allowed worsening; not_clear while the estimate is within it but
 * the interval's worse end still reaches past it; not met (within its limit) when the whole interval is within.
 */
export interface GuardrailOutcome {
  type: 'guardrail';
  metric: string;
  polarity: 'stop';
  status: GuardrailStatus;
  scale: Scale;
  /** The worse end of the interval: upper when lower is better, lower when higher is better. */
  bound: 'lower' | 'upper';
  /** The allowed worsening as written, a positive magnitude. */
  margin: Threshold;
  /** The limit on the change's axis: +margin when lower is better, −margin when higher is better. */
  limit: number;
  read: ReadValue | null;
  /** The interval's worse end, compared with the limit (null without an interval). */
  value: number | null;
}

export interface CriterionOutcome {
  id: string;
  label: string;
  option?: string;
  polarity: Polarity;
  mode: 'all' | 'any';
  /** all: every rule met; any: one rule met. */
  holds: boolean;
  /** met when it holds; not met when it cannot (a rule not met under all, every rule not met under any); else no data. */
  status: Status;
  rules: RuleOutcome[];
}

export type DecidedBy =
  | { by: 'all'; criterion: string }
  | { by: 'rule'; criterion: string; rule: RuleOutcome }
  | { by: 'fallback' }
  | { by: 'phase'; phase: 'design' | 'interim' };

export interface Verdict {
  /** The criterion id, the fallback outcome's id, or the phase ('design', 'interim'). */
  criterion: string;
  /** The criterion's (or fallback's) label; empty for a design or interim phase, which compose names. */
  label: string;
  option?: string;
  decidedBy: DecidedBy;
  /** True when no criterion held and the fallback was used. */
  fallback: boolean;
  /** Each criterion ranked above the verdict (all of them under a fallback), with its first rule not met (all) or none (any). */
  blockers: { criterion: CriterionOutcome; rule?: RuleOutcome }[];
}

export interface ScenarioChange {
  metric: string;
  scale: Scale;
  estimate: number;
  end?: number;
  push?: number;
  pushedBy?: 'measured' | 'stated';
}

export interface ScenarioOutcome {
  name: ScenarioName;
  /** The spec's stated assumption; compose words the default one. */
  assumption?: string;
  verdict: Verdict;
  criteria: CriterionOutcome[];
  /**
   * Per primary and guardrail metric: the change this scenario assumes, on the metric's headline scale. When the
   * rows of unknown arm pushed it past its interval end: that end, how far (a magnitude), and whether the push was
   * measured (the change read with those rows in either arm) or stated (the register's missing share × |change|).
   */
  changes: ScenarioChange[];
  /** True when this scenario's verdict differs from the base verdict. */
  flips: boolean;
}

export interface Decision {
  verdict: Verdict;
  criteria: CriterionOutcome[];
  guardrails: GuardrailOutcome[];
  scenarios: ScenarioOutcome[];
  /** The criterion headline metrics are graded against, when the spec has a go criterion or names one. */
  target?: string;
  /** How many criterion rules came to each mark. */
  counts: Record<Mark, number>;
}
