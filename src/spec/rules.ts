// The decision rules as a lead writes them: criteria, their rules, the fallback. spec/normalize.ts turns
// them into typed rules (one `type` per kind of rule, thresholds parsed once); decide evaluates those.
//
// What a rule means (README "Rules", and the descriptions below, which `gonogo schema` shows):
// - a condition on the estimate or on one bound of the interval compares that one number with the bar:
//   met or not met. A bound past the bar is simply not met.
// - a condition on the interval as a whole (excludes, includes, above, below) reads the whole interval:
//   `excludes: 0` is met when the interval lies wholly on one side of zero, `includes: 0` when it reaches it.
// - at_least / at_most include the bar itself; above / below do not.
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an id: a letter, then letters, digits, _ or -');
const text = z.string().min(1, 'a non-empty text');

/** A threshold as written: -10%, +1.0pp, 0.5. Parsed once by spec/normalize.ts. */
export const quantity = z
  .union([z.number(), z.string().min(1)])
  .describe('A number as written: -10% (a relative change), +1.0pp (points of a share), or a plain number in the metric\'s unit');

export const bound = z
  .strictObject({
    at_least: quantity.optional().describe('Met when the number is at or above this bar'),
    at_most: quantity.optional().describe('Met when the number is at or below this bar'),
  })
  .refine((b) => b.at_least !== undefined || b.at_most !== undefined, 'at_least or at_most');

export const intervalCondition = z
  .strictObject({
    excludes: quantity.optional().describe('Met when the whole interval lies on one side of this value ("CI excluding zero": excludes: 0)'),
    includes: quantity.optional().describe('Met when the interval reaches this value ("CI includes zero": includes: 0)'),
    above: quantity.optional().describe('Met when the whole interval lies above this value (its lower bound is greater)'),
    below: quantity.optional().describe('Met when the whole interval lies below this value (its upper bound is smaller)'),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'excludes, includes, above or below')
  .describe('A condition on the interval as a whole');

const metricConditions = {
  metric: id.describe('The metric this rule reads'),
  scale: z.enum(['relative', 'absolute']).optional().describe('Compare the relative change (treatment / control − 1) or the absolute difference; default: from the bars\' units (% relative, pp or a plain number absolute)'),
  estimate: bound.optional().describe('A condition on the point estimate of the change: met or not met'),
  ci_lower: bound.optional().describe('A condition on the lower bound of the interval: compares that one number with the bar'),
  ci_upper: bound.optional().describe('A condition on the upper bound of the interval: compares that one number with the bar'),
  interval: intervalCondition.optional(),
};

/** One rule on one metric's change: every condition it names must be met. */
export const metricRule = z
  .strictObject({
    ...metricConditions,
    segment: text.optional().describe('Read the rule on one segment (dimension=value) instead of the overall read'),
    note: text.optional().describe('Shown after the rule\'s own words, never instead of them'),
  })
  .describe('A rule on one metric\'s change: met when every condition it names is met');

export const segmentRule = z
  .strictObject({
    no_segment: z.strictObject({
      by: id.describe('The segment dimension, e.g. category'),
      all: z.array(z.strictObject(metricConditions)).min(1).describe('The pattern: a segment shows it when it meets every one of these rules'),
    }),
    note: text.optional().describe('Shown after the rule\'s own words, never instead of them'),
  })
  .describe('"No category shows both…": met when no segment of the dimension meets every rule of the pattern');

export const guardrailsRule = z
  .strictObject({
    guardrails: z.enum(['pass', 'breached']).describe('pass: met when no guardrail is breached; breached: met when any guardrail is'),
    note: text.optional().describe('Shown after the rule\'s own words, never instead of them'),
  })
  .describe('A rule on all guardrails at once. A guardrail is breached when its interval\'s worse end lies past its max_worsening');

export const dataGapRule = z
  .strictObject({
    data_gap: id.describe('The data gap (data_gaps[].id) whose missing share is read'),
    missing_share: bound.describe('The share of rows affected: measured by the pull where a check measures it, else as stated'),
    note: text.optional().describe('Shown after the rule\'s own words, never instead of them'),
  })
  .describe('A rule on a data gap\'s missing share');

export const rule = z.union([metricRule, segmentRule, guardrailsRule, dataGapRule]);

export const criterion = z
  .strictObject({
    label: text,
    /** The option this verdict recommends. */
    option: id.optional().describe('The option this verdict recommends'),
    polarity: z
      .enum(['go', 'stop'])
      .optional()
      .describe('go: its rules are good news when met (marked met / not met); stop: bad news when met (marked triggered / not triggered). Default: stop for ids and labels such as no_go, stop, hold, kill, rollback; go otherwise'),
    all: z.array(rule).min(1).optional().describe('Holds when every rule is met'),
    any: z.array(rule).min(1).optional().describe('Holds when any rule is met'),
    description: text.optional(),
  })
  .refine((c) => (c.all === undefined) !== (c.any === undefined), 'exactly one of all or any')
  .describe('The verdict is the first criterion, in the order written, whose rules hold');

/** What happens when no criterion holds: a criterion's id, or an outcome of its own ("otherwise"). */
export const fallback = z
  .union([
    id,
    z.strictObject({
      label: text.describe('The verdict when no criterion holds, e.g. No-go — hold'),
      option: id.optional().describe('The option it recommends'),
    }),
  ])
  .describe('The verdict when no criterion holds: a criterion id, or {label, option} for an outcome without rules ("otherwise"). Default: the last criterion');

export type Bound = z.infer<typeof bound>;
export type Quantity = z.infer<typeof quantity>;
export type WrittenMetricRule = z.infer<typeof metricRule>;
export type WrittenRule = z.infer<typeof rule>;
export type WrittenCriterion = z.infer<typeof criterion>;
