// The public surface of gonogo's statistics (pinned by test/stats/index.test.ts).
export type { Estimate } from './estimate.js';
export type { Interval, ArmRead, ChangeRead, MetricRead, SrmResult, Results } from './results.js';
export { zFor } from './dist.js';
export { wilson, waldProportion, proportion, type ProportionMethod } from './proportions.js';
export { newcombeDiff, waldDiff, twoProportionZTest, diffProportions, type DiffMethod } from './diffProportions.js';
export { welchDiff, meanInterval, summaryFromSums, type MeanSummary } from './means.js';
export { garwoodRate, rateDifference, rateRatio } from './rates.js';
export { deltaLogRatio, fiellerRatio, fiellerG, relativeChange, type PointSe } from './relative.js';
export { quantile, quantileSorted, median, sortedCopy } from './quantiles.js';
export { bootstrapQuantileDiff, bootstrapQuantileDraws, DEFAULT_SEED, DEFAULT_RESAMPLES, type BootstrapOptions, type QuantileBootstrap } from './bootstrap.js';
export { designEffect, widen } from './designEffect.js';
export { sampleRatioMismatch, SRM_THRESHOLD } from './srm.js';
export { holm, benjaminiHochberg } from './multiplicity.js';
export { sampleSize, minimumDetectableEffect, powerTwoProportions, type PowerInput, type PowerMethod, type SampleSize, type Mde } from './power.js';
export { analyze } from './analyze.js';
