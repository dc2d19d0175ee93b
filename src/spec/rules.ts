// The decision rules as a lead writes them: criteria, their rules, the fallback. spec/normalize.ts turns
// them into typed rules (one `type` per kind of rule, thresholds parsed once); decide evaluates those.
//
// What a rule means (README "Rules"; `gonogo schema` shows it from spec/descriptions.ts):
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
  .union([z.number(), z.string().min(1)]);

export const bound = z
  .strictObject({
    at_least: quantity.optional(),
    at_most: quantity.optional(),
  })
  .refine((b) => b.at_least !== undefined || b.at_most !== undefined, 'at_least or at_most');

export const intervalCondition = z
  .strictObject({
    excludes: quantity.optional(),
    includes: quantity.optional(),
    above: quantity.optional(),
    below: quantity.optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'excludes, includes, above or below');

const metricConditions = {
  metric: id,
  scale: z.enum(['relative', 'absolute']).optional(),
  estimate: bound.optional(),
  ci_lower: bound.optional(),
  ci_upper: bound.optional(),
  interval: intervalCondition.optional(),
};

/** One rule on one metric's change: every condition it names must be met. */
export const metricRule = z
  .strictObject({
    ...metricConditions,
    segment: text.optional(),
    note: text.optional(),
  });

export const segmentRule = z
  .strictObject({
    no_segment: z.strictObject({
      by: id,
      all: z.array(z.strictObject(metricConditions)).min(1),
    }),
    note: text.optional(),
  });

export const guardrailsRule = z
  .strictObject({
    guardrails: z.enum(['pass', 'breached']),
    note: text.optional(),
  });

export const dataGapRule = z
  .strictObject({
    data_gap: id,
    missing_share: bound,
    note: text.optional(),
  });

export const rule = z.union([metricRule, segmentRule, guardrailsRule, dataGapRule]);

export const criterion = z
  .strictObject({
    label: text,
    /** The option this verdict recommends. */
    option: id.optional(),
    polarity: z
      .enum(['go', 'stop'])
      .optional(),
    all: z.array(rule).min(1).optional(),
    any: z.array(rule).min(1).optional(),
    description: text.optional(),
  })
  .refine((c) => (c.all === undefined) !== (c.any === undefined), 'exactly one of all or any');

/** What happens when no criterion holds: a criterion's id, or an outcome of its own ("otherwise"). */
export const fallback = z
  .union([
    id,
    z.strictObject({
      label: text,
      option: id.optional(),
    }),
  ]);

export type Bound = z.infer<typeof bound>;
export type Quantity = z.infer<typeof quantity>;
export type WrittenMetricRule = z.infer<typeof metricRule>;
export type WrittenRule = z.infer<typeof rule>;
export type WrittenCriterion = z.infer<typeof criterion>;
