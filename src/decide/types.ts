// What the decide stage returns.
import type { Interval } from '../stats/results.js';

export type Status = 'pass' | 'fail' | 'inconclusive';
export type ScenarioName = 'best' | 'base' | 'worst';

export interface RuleOutcome {
  /** The rule in words: "Median time to first quote: relative change ≤ −10%". */
  text: string;
  status: Status;
  metric?: string;
  segment?: string;
  scale?: 'relative' | 'absolute';
  observed?: { estimate: number; ci: Interval | null };
  /** The threshold in words: "≤ −10%". */
  threshold?: string;
  /** The threshold a chart draws: the estimate's bound if the rule has one, else the first interval bound. */
  thresholdValue?: number;
  /** Why: "CI upper −8.1% is above −5%". */
  reason: string;
}

export interface CriterionOutcome {
  id: string;
  label: string;
  option?: string;
  mode: 'all' | 'any';
  holds: boolean;
  status: Status;
  rules: RuleOutcome[];
}

export interface Verdict {
  criterion: string;
  label: string;
  option?: string;
  /** The rule (or reason) that decided, in words. */
  decidedBy: string;
  /** True when no criterion held and the fallback was used. */
  fallback: boolean;
  /** For each criterion ranked above the verdict: the first rule that kept it from holding. */
  blockers: { criterion: string; label: string; rule: string; status: Status; reason: string }[];
}

export interface ScenarioOutcome {
  name: ScenarioName;
  assumption: string;
  verdict: Verdict;
  criteria: CriterionOutcome[];
  /** Per primary/guardrail metric: the change this scenario assumes. */
  changes: { metric: string; scale: 'relative' | 'absolute'; estimate: number }[];
  /** True when this scenario's verdict differs from the base verdict. */
  flips: boolean;
}

export interface Decision {
  verdict: Verdict;
  criteria: CriterionOutcome[];
  guardrails: RuleOutcome[];
  scenarios: ScenarioOutcome[];
  counts: Record<Status, number>;
}
