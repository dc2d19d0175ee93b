// One reader per way a pair of arm rows can carry a metric: counts, summaries, events, raw values.
import type { MetricRow } from '../model/rows.js';
import { wilson, waldProportion } from './proportions.js';
import { newcombeDiff, waldDiff } from './diffProportions.js';
import { meanInterval, summaryFromSums, welchDiff, type MeanSummary } from './means.js';
import { garwoodRate, rateDifference } from './rates.js';
import { bootstrapQuantileDiff, bootstrapQuantileInterval } from './bootstrap.js';
import { sampleOf, type Sample } from './sample.js';
import { quantileLevel } from './quantiles.js';
import { widen } from './designEffect.js';
import { armRead, changeRead, relativeRead, warn, type PairRead, type ReadContext } from './readContext.js';

export type Reader = (t: MetricRow, c: MetricRow, ctx: ReadContext) => PairRead;

/** successes of n; design effect by effective sample size (x/deff of n/deff). */
export const readProportion: Reader = (t, c, ctx) => {
  const k = ctx.deff;
  const [x1, n1, x0, n0] = [t.successes! / k, t.n! / k, c.successes! / k, c.n! / k];
  const wald = ctx.metric.method === 'wald';
  const one = wald ? waldProportion : wilson;
  const arms = [one(x1, n1, ctx.confidence), one(x0, n0, ctx.confidence)];
  const abs = (wald ? waldDiff : newcombeDiff)(x1, n1, x0, n0, ctx.confidence);
  const se = (x: number, n: number) => Math.sqrt((x / n) * (1 - x / n) / n);
  const rel = relativeRead({ estimate: x1 / n1, se: se(x1, n1) }, { estimate: x0 / n0, se: se(x0, n0) }, ctx);
  return finish(armRead(arms[0], t.n!), armRead(arms[1], c.n!), changeRead(abs), rel, ctx, [arms[0].method, abs.method]);
};

function summaryOf(row: MetricRow): MeanSummary {
  if (row.mean !== undefined && row.sd !== undefined) return { n: row.n!, mean: row.mean, sd: row.sd };
  return summaryFromSums(row.n!, row.sum!, row.sum_sq!);
}

/** n with mean and sd, or with sum and sum of squares; Welch for the difference. */
export const readMean: Reader = (t, c, ctx) => {
  const [st, sc] = [summaryOf(t), summaryOf(c)];
  const inflate = (s: MeanSummary): MeanSummary => ({ ...s, sd: s.sd * Math.sqrt(ctx.deff) });
  const arms = [meanInterval(inflate(st), ctx.confidence), meanInterval(inflate(sc), ctx.confidence)];
  const abs = welchDiff(st, sc, ctx.confidence, ctx.deff);
  const rel = relativeRead({ estimate: st.mean, se: arms[0].se! }, { estimate: sc.mean, se: arms[1].se! }, ctx);
  return finish(armRead(arms[0], st.n), armRead(arms[1], sc.n), changeRead(abs), rel, ctx, [arms[0].method, abs.method]);
};

/** events over exposure, shown per metric.per units; design effect by effective counts. */
export const readRate: Reader = (t, c, ctx) => {
  const per = ctx.metric.per ?? 1;
  const k = ctx.deff;
  const [e1, t1, e0, t0] = [t.events! / k, t.exposure! / k, c.events! / k, c.exposure! / k];
  const arms = [garwoodRate(e1, t1, ctx.confidence, per), garwoodRate(e0, t0, ctx.confidence, per)];
  const abs = rateDifference(e1, t1, e0, t0, ctx.confidence, per);
  const rel = relativeRead({ estimate: arms[0].estimate, se: arms[0].se! }, { estimate: arms[1].estimate, se: arms[1].se! }, ctx);
  // A rate is taken over its exposure: that is its n when the rows give no unit count.
  return finish(armRead(arms[0], t.n ?? t.exposure ?? null), armRead(arms[1], c.n ?? c.exposure ?? null), changeRead(abs), rel, ctx, [arms[0].method, abs.method]);
};

/** Raw values as (value, count) pairs: type-7 quantile per arm, seeded bootstrap for intervals, widened by sqrt(deff). */
export const readQuantile: Reader = (t, c, ctx) => {
  const p = quantileLevel(ctx.metric);
  const [vt, vc] = [sampleOf(t.value_counts!, 'treatment values'), sampleOf(c.value_counts!, 'control values')];
  const boot = bootstrapQuantileDiff(vt, vc, p, { confidence: ctx.confidence });
  const arm = (v: Sample) => {
    const e = bootstrapQuantileInterval(v, p, ctx.confidence);
    return armRead({ ...widen(e, ctx.deff), method: boot.difference.method }, v.n);
  };
  const suffix = ctx.deff === 1 ? '' : ` widened by √deff`;
  const abs = changeRead({ ...widen(boot.difference, ctx.deff), method: boot.difference.method + suffix });
  const rel = boot.relative
    ? { read: changeRead({ ...widen(boot.relative, ctx.deff), method: boot.relative.method + suffix }), warnings: [] }
    : { read: null, warnings: [warn(ctx, 'metrics/zero-control', 'a resampled control quantile is ≤ 0, so the relative change has no interval', 'compare on the absolute scale')] };
  return finish(arm(vt), arm(vc), abs, rel, ctx, [boot.difference.method]);
};

/** Sums of a numerator and a denominator: the ratio only; its variance needs unit-level data. */
export const readRatioEstimate: Reader = (t, c, ctx) => {
  const rt = t.numerator! / t.denominator!;
  const rc = c.numerator! / c.denominator!;
  const arm = (e: number, n?: number) => ({ estimate: e, ci: null, n: n ?? null });
  const w = warn(ctx, 'metrics/no-interval', 'numerator/denominator sums give the ratio but not its interval', 'precompute estimate, ci_low and ci_high per arm (e.g. delta method on unit-level data)');
  return {
    control: arm(rc, c.n),
    treatment: arm(rt, t.n),
    absolute: { estimate: rt - rc, ci: null, method: 'Ratio of sums (no interval)' },
    relative: rc === 0 ? null : { estimate: rt / rc - 1, ci: null, method: 'Ratio of sums (no interval)' },
    designEffect: 1,
    methods: ['Ratio of sums (no interval)'],
    warnings: [w],
  };
};

function finish(treatment: PairRead['treatment'], control: PairRead['control'], absolute: PairRead['absolute'], rel: { read: PairRead['relative']; warnings: PairRead['warnings'] }, ctx: ReadContext, methods: string[]): PairRead {
  const all = [...methods, ...(rel.read ? [rel.read.method] : [])];
  return { control, treatment, absolute, relative: rel.read, designEffect: ctx.deff, methods: all, warnings: rel.warnings };
}
